// A real agent framework as the client: the Vercel AI SDK's MCP client loads our tools over HTTP
// as AI SDK tools and runs one, exactly as an agent would between model turns.
import { createMCPClient } from "@ai-sdk/mcp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./http-clients.js";

const API_KEY = "agent-key-0123456789abcdef0123456789abcdef";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { GHL_HTTP_API_KEY: API_KEY } });
});
afterAll(async () => {
  await server.close();
});

describe("the Vercel AI SDK MCP client", () => {
  it("loads our tools and runs one with the bearer key", async () => {
    const client = await createMCPClient({
      transport: {
        type: "http",
        url: server.endpoint,
        headers: { Authorization: `Bearer ${API_KEY}` },
      },
    });
    const tools = await client.tools();
    const result = (await tools.contacts_find!.execute!(
      { query: "Jane Cooper" },
      { toolCallId: "call-1", messages: [] },
    )) as { isError?: boolean; content: { type: string; text?: string }[] };
    await client.close();

    expect(Object.keys(tools)).toContain("contacts_create");
    expect(result.isError).toBeFalsy();
    expect(result.content[0]?.text).toContain("Jane Cooper");
  });
});
