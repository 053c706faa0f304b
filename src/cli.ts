#!/usr/bin/env node
// The ghl-mcp command: reads the configuration, then serves MCP over stdio (or HTTP), or runs the
// sandbox on its own. In stdio mode stdout belongs to the protocol, so people are told things on
// stderr.
import "dotenv/config";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { ConfigError, USAGE, parseCommandLine, type Config } from "./config.js";
import { createLogger } from "./logger.js";
import { createRuntime } from "./runtime.js";
import { startSandbox } from "./sandbox/index.js";
import { createServer } from "./server.js";
import { allTools } from "./tools/index.js";
import { startHttpServer } from "./transports/http.js";
import { VERSION } from "./version.js";

function say(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function runSandboxAlone(config: Config): Promise<void> {
  const sandbox = await startSandbox({ port: config.http.port, host: config.http.host });
  say(`ghl-mcp sandbox: a fake GoHighLevel (API v2) at ${sandbox.url}`);
  say(`  location id: ${sandbox.locationId}   company id: ${sandbox.companyId}`);
  say(`  location token (all scopes): ${sandbox.tokens.location}`);
  say(`  agency token:                ${sandbox.tokens.agency}`);
  say(
    `  try: curl -H "Authorization: Bearer ${sandbox.tokens.location}" -H "Version: 2021-07-28" \\`,
  );
  say(`         "${sandbox.url}/contacts/?locationId=${sandbox.locationId}&limit=3"`);
  say("Press Ctrl+C to stop.");
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function serveOverStdio(config: Config): Promise<void> {
  const runtime = await createRuntime(config);
  // serveStdio settles the protocol era from the client's opening message (the 2026-07-28
  // revision, or the initialize handshake of older clients) and builds one server for it.
  const connection = serveStdio(() =>
    createServer({ context: runtime.context, selection: runtime.selection }),
  );

  const source = runtime.sandbox
    ? `the built-in sandbox (a fake GoHighLevel at ${runtime.sandbox.url}; no credentials needed)`
    : `GoHighLevel at ${config.baseUrl}${config.locationId ? `, location ${config.locationId}` : ""}`;
  runtime.logger.info(
    { tools: allTools.length, sandbox: Boolean(runtime.sandbox) },
    "ghl-mcp ready on stdio",
  );
  if (process.stdin.isTTY) {
    say(`ghl-mcp ${VERSION} is serving ${source} over stdio.`);
    say(
      "It speaks MCP on stdin/stdout, so it is meant to be started by an MCP client, not typed at.",
    );
    say("Connect Claude Desktop: add this to claude_desktop_config.json (see mcp.json.example):");
    say(
      `  { "mcpServers": { "ghl": { "command": "node", "args": ["${process.argv[1]}"${runtime.sandbox ? ', "--sandbox"' : ""}] } } }`,
    );
    say(
      `Or try it in the MCP Inspector: npx @modelcontextprotocol/inspector node ${process.argv[1]} --sandbox`,
    );
    say("Press Ctrl+C to stop.");
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await connection.close();
    await runtime.close();
    process.exit(0);
  };
  process.stdin.once("end", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

async function serveOverHttp(config: Config): Promise<void> {
  // With a tenants file and no GHL_TOKEN the server has no GHL credential of its own: every
  // caller is a tenant with its own.
  const runtime = config.sandbox || config.token ? await createRuntime(config) : undefined;
  const logger = runtime?.logger ?? createLogger(config.logLevel);
  const server = await startHttpServer({
    http: config.http,
    logger,
    own: runtime && { context: runtime.context, selection: runtime.selection },
    ghl: {
      baseUrl: runtime?.client.baseUrl ?? config.baseUrl,
      timeoutMs: config.timeoutMs,
      selection: { toolsets: config.toolsets, readOnly: config.readOnly },
      sandboxToken: runtime?.sandbox?.tokens.location,
    },
  });
  const source = runtime?.sandbox ? " (the built-in sandbox; no credentials needed)" : "";
  say(`ghl-mcp ${VERSION} is serving MCP over Streamable HTTP at ${server.endpoint}${source}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down: refusing new requests, finishing calls in flight");
    await server.close();
    await runtime?.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

async function main(): Promise<void> {
  const { command, config } = parseCommandLine(process.argv.slice(2));
  if (command === "help") return say(USAGE);
  if (command === "version") return say(VERSION);
  if (command === "sandbox") return runSandboxAlone(config);
  if (config.transport === "http") return serveOverHttp(config);
  return serveOverStdio(config);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    say(`ghl-mcp: ${error.message}`);
    process.exit(2);
  }
  say(`ghl-mcp: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
