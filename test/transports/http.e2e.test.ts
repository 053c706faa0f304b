// MCP over Streamable HTTP end to end: real clients of every generation against `ghl-mcp --http`
// with the sandbox playing GoHighLevel, served from the same factory as stdio.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allTools } from "../../src/tools/index.js";
import { CLIENT_KINDS, textOf } from "../support/mcp-clients.js";
import {
  INITIALIZE,
  connectHttp,
  postMcp,
  startTestServer,
  type TestServer,
} from "./http-clients.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe.each(CLIENT_KINDS)("the %s client over HTTP", (kind) => {
  it("lists the same tools as the catalog", async () => {
    const client = await connectHttp(kind, server.endpoint);
    const { tools } = await client.listTools();
    await client.close();
    expect(tools.map((tool) => tool.name).sort()).toEqual(allTools.map((tool) => tool.name).sort());
  });

  it("finds a contact in the sandbox", async () => {
    const client = await connectHttp(kind, server.endpoint);
    const result = await client.callTool("contacts_find", { query: "Jane Cooper" });
    await client.close();
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toContain("Jane Cooper");
  });
});

describe("the HTTP endpoint", () => {
  it("holds no session, so any instance can answer any request", async () => {
    const response = await postMcp(server.endpoint, INITIALIZE);
    expect(response.status).toBe(200);
    expect(response.headers.get("mcp-session-id")).toBeNull();
  });

  it("serves the 2026-07-28 revision itself, not through the fallback for older clients", async () => {
    const client = await connectHttp("current (2026-07-28)", server.endpoint);
    await client.callTool("contacts_find", { query: "Jane" });
    await client.close();
    // Only a 2026-07-28 request names its method in a header; older clients never send it.
    expect(server.logs.some((entry) => entry.mcpMethod === "tools/call")).toBe(true);
  });

  it("answers a 2025-era GET for a server stream with 405, as a stateless server does", async () => {
    const response = await fetch(server.endpoint, { headers: { Accept: "text/event-stream" } });
    expect(response.status).toBe(405);
  });

  it("writes one access log line per request, without the request's headers", async () => {
    await fetch(new URL("/healthz", server.url));
    const line = server.logs.findLast((entry) => entry.path === "/healthz");
    expect(line).toMatchObject({ msg: "http request", method: "GET", status: 200 });
    expect(line).toHaveProperty("ms");
    expect(Object.keys(line!)).not.toContain("headers");
  });
});
