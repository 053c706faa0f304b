// `npm run bench:overhead`: what ghl-mcp adds to a GoHighLevel call. The same reads, side by side
// in one run against the built-in sandbox: a bare HTTP request, the shared GHL client, and a full
// MCP tool call (protocol, validation, rate limiter, shaping). Prints medians and their ratios.
import { Client } from "@modelcontextprotocol/client";
import { InMemoryTransport } from "@modelcontextprotocol/server";
import { StaticCredential } from "../src/auth/credentials.js";
import { GhlClient, type GhlRequest } from "../src/ghl/client.js";
import { silentLogger } from "../src/logger.js";
import { startSandbox } from "../src/sandbox/index.js";
import { createServer } from "../src/server.js";

const ROUNDS = 300;
const WARMUP = 30;

const sandbox = await startSandbox({ rateLimit: { max: 1_000_000, daily: 10_000_000 } });
const contact = [...sandbox.store.contacts.values()][0]!;
const ghl = new GhlClient({
  baseUrl: sandbox.url,
  credentials: new StaticCredential(sandbox.tokens.location),
  logger: silentLogger,
});
const server = createServer({ context: { client: ghl, locationId: sandbox.locationId } });
const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
await server.connect(serverSide);
const mcp = new Client({ name: "bench", version: "1" });
await mcp.connect(clientSide);

const request: GhlRequest = {
  method: "GET",
  path: "/contacts/{contactId}",
  pathParams: { contactId: contact.id },
  version: "2021-07-28",
  scopes: ["contacts.readonly"],
  resource: sandbox.locationId,
  idempotent: true,
};

const contenders: Record<string, () => Promise<unknown>> = {
  "bare fetch": async () => {
    const response = await fetch(`${sandbox.url}/contacts/${contact.id}`, {
      headers: { Authorization: `Bearer ${sandbox.tokens.location}`, Version: "2021-07-28" },
    });
    return response.json();
  },
  "GhlClient.request": () => ghl.request(request),
  "MCP tools/call": () =>
    mcp.callTool({ name: "contacts_get", arguments: { contactId: contact.id } }),
};

async function median(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

// Interleaved passes, so that drift on a shared machine touches every contender alike.
const results: Record<string, number[]> = {};
for (let pass = 0; pass < 3; pass++) {
  for (const [name, run] of Object.entries(contenders))
    (results[name] ??= []).push(await median(run));
}
const best = Object.fromEntries(
  Object.entries(results).map(([name, list]) => [name, Math.min(...list)]),
);
const base = best["bare fetch"]!;
console.log(`GET /contacts/{id} against the sandbox, median of ${ROUNDS} calls (best of 3 passes)`);
for (const [name, ms] of Object.entries(best)) {
  console.log(
    `${name.padEnd(20)} ${ms.toFixed(3).padStart(8)} ms   ${(ms / base).toFixed(2)}x bare fetch`,
  );
}

await mcp.close();
await ghl.close();
await sandbox.close();
