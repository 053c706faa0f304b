// Many clients at once, and several instances side by side: the server keeps no session, so any
// instance can answer any request of any client.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { CLIENT_KINDS, textOf } from "../support/mcp-clients.js";
import { connectHttp, startTestServer, type TestServer } from "./http-clients.js";

let sandbox: Sandbox;
let first: TestServer;
let second: TestServer;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: { max: 10_000 } });
  first = await startTestServer({ sandbox });
  second = await startTestServer({ sandbox });
});
afterAll(async () => {
  await first.close();
  await second.close();
  await sandbox.close();
});

describe("concurrent clients", () => {
  it("each get their own answers when a dozen call at once", async () => {
    const names = ["Jane Cooper", "Jane Doe", "Marcus Bell"];
    const runs = Array.from({ length: 12 }, async (_, index) => {
      const client = await connectHttp(CLIENT_KINDS[index % CLIENT_KINDS.length]!, first.endpoint);
      const query = names[index % names.length]!;
      const results = await Promise.all(
        [1, 2, 3].map(() => client.callTool("contacts_find", { query })),
      );
      await client.close();
      return { query, texts: results.map(textOf) };
    });
    for (const { query, texts } of await Promise.all(runs)) {
      for (const text of texts) expect(text).toContain(query);
    }
  });
});

describe("instances side by side", () => {
  it("serve one client whose requests alternate between them, as behind a load balancer", async () => {
    const endpoints = [first.endpoint, second.endpoint];
    let next = 0;
    const transport = new StreamableHTTPClientTransport(new URL(first.endpoint), {
      fetch: (_url, init) => fetch(endpoints[next++ % endpoints.length]!, init),
    });
    const client = new Client(
      { name: "ghl-mcp-tests", version: "1.0.0" },
      { versionNegotiation: { mode: { pin: "2026-07-28" } } },
    );
    await client.connect(transport);
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(
        await client.callTool({ name: "contacts_find", arguments: { query: "Jane Cooper" } }),
      );
    await client.close();

    expect(results.every((result) => !result.isError)).toBe(true);
    const served = (server: TestServer) =>
      server.logs.filter((entry) => entry.path === "/mcp").length;
    expect(served(first)).toBeGreaterThan(0);
    expect(served(second)).toBeGreaterThan(0);
  });
});
