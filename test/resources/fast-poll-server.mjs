// The built server over stdio exactly as dist/cli.js serves it, except that subscribed resources
// are polled every few hundred milliseconds instead of every minute or more: the runtime option
// tests use, which is deliberately not a setting. Usage: node fast-poll-server.mjs <ms> [flags].
import process from "node:process";
import { parseCommandLine } from "../../dist/config.js";
import { createRuntime } from "../../dist/runtime.js";
import { serveStdioConnection } from "../../dist/transports/stdio.js";

const [pollIntervalMs, ...flags] = process.argv.slice(2);
const { config } = parseCommandLine(flags);
const runtime = await createRuntime(config, undefined, { pollIntervalMs: Number(pollIntervalMs) });
const connection = serveStdioConnection(runtime);
process.stdin.once("end", async () => {
  await connection.close();
  await runtime.close();
  process.exit(0);
});
