// Real MCP clients for end-to-end tests: the current SDK (speaking the 2026-07-28 revision, or the
// older handshake desktop clients still use) and a 1.x `@modelcontextprotocol/sdk` client, each
// starting the built server over stdio exactly as a desktop client would.
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client as ClientV1 } from "mcp-sdk-v1/client/index.js";
import { StdioClientTransport as StdioClientTransportV1 } from "mcp-sdk-v1/client/stdio.js";
import type { Sandbox } from "../../src/sandbox/index.js";

export const CLI = "dist/cli.js";

export type ClientKind = "current (2026-07-28)" | "current (legacy handshake)" | "sdk 1.x";
export const CLIENT_KINDS: ClientKind[] = [
  "current (2026-07-28)",
  "current (legacy handshake)",
  "sdk 1.x",
];

export interface ToolResult {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
}

/** The part of a client the tests use, the same for every SDK generation. */
export interface TestClient {
  listTools(): Promise<{ tools: { name: string; [key: string]: unknown }[] }>;
  callTool(name: string, args?: Record<string, unknown>): Promise<ToolResult>;
  /** Calls a tool that must succeed, and returns its structured content. */
  callOk<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
  raw: Client | ClientV1;
  close(): Promise<void>;
}

/** Flags that point the server at a sandbox running in the test process, as if it were GHL. */
export function againstSandbox(sandbox: Sandbox, token = sandbox.tokens.location): string[] {
  return ["--token", token, "--base-url", sandbox.url, "--location-id", sandbox.locationId];
}

/** Flags that also give the server the sandbox's agency: its company id and an agency token. */
export function withAgency(sandbox: Sandbox): string[] {
  return ["--company-id", sandbox.companyId, "--agency-token", sandbox.tokens.agency];
}

export async function connectStdio(
  kind: ClientKind,
  args: string[],
  env: Record<string, string> = {},
  /** Another entry point than the built CLI (e.g. one that polls faster). */
  script = CLI,
): Promise<TestClient> {
  const params = {
    command: process.execPath,
    args: [script, ...args],
    env: { PATH: process.env.PATH ?? "", GHL_LOG_LEVEL: "warn", ...env },
    stderr: "ignore" as const,
  };
  if (kind === "sdk 1.x") {
    const client = new ClientV1({ name: "ghl-mcp-tests", version: "1.0.0" });
    await client.connect(new StdioClientTransportV1(params));
    return wrapClient(client);
  }
  const client = new Client(
    { name: "ghl-mcp-tests", version: "1.0.0" },
    kind === "current (2026-07-28)" ? { versionNegotiation: { mode: { pin: "2026-07-28" } } } : {},
  );
  await client.connect(new StdioClientTransport(params));
  return wrapClient(client);
}

/** The calls both SDK generations share, as the tests use them. */
interface AnyClient {
  listTools(): Promise<{ tools: { name: string; [key: string]: unknown }[] }>;
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  close(): Promise<void>;
}

/** A connected client of either generation, behind the one interface the tests use. */
export function wrapClient(raw: Client | ClientV1): TestClient {
  const client = raw as unknown as AnyClient;
  const callTool = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as ToolResult;
  return {
    raw,
    listTools: () => client.listTools(),
    callTool,
    async callOk<T>(name: string, args: Record<string, unknown> = {}): Promise<T> {
      const result = await callTool(name, args);
      if (result.isError) throw new Error(`${name} failed: ${textOf(result)}`);
      return result.structuredContent as T;
    },
    close: () => client.close(),
  };
}

export function textOf(result: ToolResult): string {
  return result.content.map((c) => c.text ?? "").join("\n");
}
