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
  raw: Client | ClientV1;
  close(): Promise<void>;
}

/** Flags that point the server at a sandbox running in the test process, as if it were GHL. */
export function againstSandbox(sandbox: Sandbox, token = sandbox.tokens.location): string[] {
  return ["--token", token, "--base-url", sandbox.url, "--location-id", sandbox.locationId];
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
    return {
      raw: client,
      listTools: () => client.listTools(),
      callTool: async (name, a) =>
        (await client.callTool({ name, arguments: a ?? {} })) as ToolResult,
      close: () => client.close(),
    };
  }
  const client = new Client(
    { name: "ghl-mcp-tests", version: "1.0.0" },
    kind === "current (2026-07-28)" ? { versionNegotiation: { mode: { pin: "2026-07-28" } } } : {},
  );
  await client.connect(new StdioClientTransport(params));
  return {
    raw: client,
    listTools: () => client.listTools(),
    callTool: async (name, a) =>
      (await client.callTool({ name, arguments: a ?? {} })) as ToolResult,
    close: () => client.close(),
  };
}

export function textOf(result: ToolResult): string {
  return result.content.map((c) => c.text ?? "").join("\n");
}
