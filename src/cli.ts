#!/usr/bin/env node
// The ghl-mcp command: reads the configuration, then serves MCP over stdio (or HTTP), or runs the
// sandbox on its own. In stdio mode stdout belongs to the protocol, so people are told things on
// stderr.
import "dotenv/config";
import { ConfigError, USAGE, parseCommandLine, type Config } from "./config.js";
import { createRuntime } from "./runtime.js";
import { startSandbox } from "./sandbox/index.js";
import { allTools } from "./tools/index.js";
import { serveHttp } from "./transports/http.js";
import { serveStdioConnection } from "./transports/stdio.js";
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
  const connection = serveStdioConnection(runtime);

  const source = runtime.sandbox
    ? `the built-in sandbox (a fake GoHighLevel at ${runtime.sandbox.url}; no credentials needed)`
    : `GoHighLevel at ${config.baseUrl}${config.locationId ? `, location ${config.locationId}` : ""}`;
  if (!process.stdin.isTTY) {
    runtime.logger.info(
      { tools: allTools.length, sandbox: Boolean(runtime.sandbox) },
      "ghl-mcp ready on stdio",
    );
  } else {
    // A person started it by hand: say what it is and how to use it, instead of sitting silent.
    const cli = process.argv[1];
    const flags = runtime.sandbox ? ', "--sandbox"' : "";
    say(`ghl-mcp ${VERSION} is serving ${source} over stdio.`);
    say("It speaks MCP on stdin/stdout: an MCP client starts it; it is not typed at.");
    say("Connect Claude Desktop: add this to claude_desktop_config.json (see mcp.json.example):");
    say(`  { "mcpServers": { "ghl": { "command": "node", "args": ["${cli}"${flags}] } } }`);
    say("See it work: npm run demo   Serve HTTP instead: add --http");
    say(`MCP Inspector (Node 22+): npx @modelcontextprotocol/inspector node ${cli} --sandbox`);
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
  const server = await serveHttp(config);
  const source = server.sandboxUrl ? " (the built-in sandbox; no credentials needed)" : "";
  say(`ghl-mcp ${VERSION} is serving MCP over Streamable HTTP at ${server.endpoint}${source}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    say("ghl-mcp: shutting down; finishing the calls in flight.");
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
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
