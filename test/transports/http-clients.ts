// What the HTTP transport tests share: real MCP clients over Streamable HTTP (the current SDK in
// both protocol eras and the 1.x SDK), and `ghl-mcp --http` started in the test process against a
// sandbox playing GoHighLevel, with its log lines kept so tests can read them.
import { Writable } from "node:stream";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { Client as ClientV1 } from "mcp-sdk-v1/client/index.js";
import { StreamableHTTPClientTransport as StreamableHTTPClientTransportV1 } from "mcp-sdk-v1/client/streamableHttp.js";
import { parseCommandLine } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { serveHttp, type HttpOptions, type HttpServer } from "../../src/transports/http.js";
import {
  againstSandbox,
  wrapClient,
  type ClientKind,
  type TestClient,
} from "../support/mcp-clients.js";

export async function connectHttp(
  kind: ClientKind,
  endpoint: string,
  headers: Record<string, string> = {},
): Promise<TestClient> {
  const url = new URL(endpoint);
  if (kind === "sdk 1.x") {
    const client = new ClientV1({ name: "ghl-mcp-tests", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransportV1(url, { requestInit: { headers } }));
    return wrapClient(client);
  }
  const client = new Client(
    { name: "ghl-mcp-tests", version: "1.0.0" },
    kind === "current (2026-07-28)" ? { versionNegotiation: { mode: { pin: "2026-07-28" } } } : {},
  );
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return wrapClient(client);
}

export interface TestServer extends HttpServer {
  sandbox: Sandbox;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  /** The same lines as written, to look for what must never be there. */
  rawLogs: string[];
}

export interface TestServerOptions extends Omit<HttpOptions, "logger" | "env"> {
  /** Flags after `--http --port 0` and the ones that point at the sandbox. */
  argv?: string[];
  env?: Record<string, string>;
  /** A sandbox to share; by default each server gets its own. */
  sandbox?: Sandbox;
}

/** `ghl-mcp --http --port 0` with the sandbox as its GoHighLevel, in the test process. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const sandbox = options.sandbox ?? (await startSandbox());
  const env = options.env ?? {};
  const argv = ["--http", "--port", "0", ...againstSandbox(sandbox), ...(options.argv ?? [])];
  const { config } = parseCommandLine(argv, env);

  const rawLogs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      rawLogs.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const server = await serveHttp(config, { ...options, env, logger: createLogger("info", sink) });
  return {
    ...server,
    sandbox,
    rawLogs,
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async close() {
      await server.close();
      if (!options.sandbox) await sandbox.close();
    },
  };
}

/** A raw JSON-RPC POST to the endpoint, for what MCP clients would never send. */
export async function postMcp(
  endpoint: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A 2025-era initialize, the first thing an older client sends. */
export const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "raw-http", version: "1.0.0" },
  },
};
