// Authentication on the HTTP endpoint: a static bearer key, and JWT access tokens from an issuer
// whose keys are served on loopback, each refusal with the status and challenge the MCP
// authorization spec asks for. The caller's token never travels on to GoHighLevel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIssuer, type TestIssuer } from "../auth/issuer.js";
import { textOf } from "../support/mcp-clients.js";
import {
  INITIALIZE,
  connectHttp,
  postMcp,
  startTestServer,
  type TestServer,
} from "./http-clients.js";

const API_KEY = "test-key-0123456789abcdef0123456789abcdef";
let issuer: TestIssuer;
let server: TestServer;

beforeAll(async () => {
  issuer = await startIssuer();
  server = await startTestServer({
    argv: ["--oauth-issuer", issuer.issuer, "--oauth-jwks-url", issuer.jwksUrl],
    env: { GHL_HTTP_API_KEY: API_KEY },
  });
});
afterAll(async () => {
  await server.close();
  await issuer.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const metadataUrl = () => new URL("/.well-known/oauth-protected-resource/mcp", server.url).href;

describe("a request without a token", () => {
  it("is refused with 401 and a challenge that points to the resource metadata", async () => {
    const response = await postMcp(server.endpoint, INITIALIZE);
    expect(response.status).toBe(401);
    const challenge = response.headers.get("www-authenticate")!;
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain(`resource_metadata="${metadataUrl()}"`);
    expect(challenge).toContain('scope="ghl:read"');
  });
});

describe("the protected resource metadata", () => {
  it.each(["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"])(
    "is served at %s and names the issuer and the scopes",
    async (path) => {
      const response = await fetch(new URL(path, server.url));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        resource: server.endpoint,
        authorization_servers: [issuer.issuer],
        scopes_supported: expect.arrayContaining(["ghl:read", "ghl:write", "ghl:toolset:contacts"]),
      });
    },
  );
});

describe("the static bearer key", () => {
  it("lets a client that sends it call tools", async () => {
    const client = await connectHttp("current (2026-07-28)", server.endpoint, bearer(API_KEY));
    const result = await client.callTool("contacts_find", { query: "Jane Cooper" });
    await client.close();
    expect(result.isError, textOf(result)).toBeFalsy();
  });

  it("refuses a wrong key with 401", async () => {
    const response = await postMcp(server.endpoint, INITIALIZE, bearer(`${API_KEY}-wrong`));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("never appears in the logs", async () => {
    await postMcp(server.endpoint, INITIALIZE, bearer(API_KEY));
    expect(server.rawLogs.join("\n")).not.toContain(API_KEY);
  });
});

describe("JWT access tokens", () => {
  it("let a client with a valid token call tools", async () => {
    const token = await issuer.sign(server.endpoint);
    const client = await connectHttp("sdk 1.x", server.endpoint, bearer(token));
    const result = await client.callTool("contacts_find", { query: "Jane Cooper" });
    await client.close();
    expect(result.isError, textOf(result)).toBeFalsy();
  });

  it("never reach GoHighLevel: the sandbox only ever sees the server's own credential", async () => {
    const token = await issuer.sign(server.endpoint);
    const client = await connectHttp("current (legacy handshake)", server.endpoint, bearer(token));
    await client.callTool("contacts_find", { query: "Jane" });
    await client.close();
    expect(server.sandbox.requests.length).toBeGreaterThan(0);
    expect(JSON.stringify(server.sandbox.requests)).not.toContain(token);
  });

  it("refuses an expired token with 401 and says why", async () => {
    const token = await issuer.sign(server.endpoint, { exp: Math.floor(Date.now() / 1000) - 60 });
    const response = await postMcp(server.endpoint, INITIALIZE, bearer(token));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: "invalid_token",
      error_description: expect.stringMatching(/expired/),
    });
  });

  it("refuses a token for another audience with 401", async () => {
    const token = await issuer.sign("https://other.example.test/mcp");
    const response = await postMcp(server.endpoint, INITIALIZE, bearer(token));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error_description: expect.stringMatching(/not issued for this server/),
    });
  });

  it("refuses a token from another issuer with 401", async () => {
    const token = await issuer.sign(server.endpoint, { iss: "https://evil.example.test" });
    const response = await postMcp(server.endpoint, INITIALIZE, bearer(token));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error_description: expect.stringMatching(/another authorization server/),
    });
  });

  it("refuses a token without a ghl scope with 403 insufficient_scope", async () => {
    const token = await issuer.sign(server.endpoint, { scope: "openid profile" });
    const response = await postMcp(server.endpoint, INITIALIZE, bearer(token));
    expect(response.status).toBe(403);
    const challenge = response.headers.get("www-authenticate")!;
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain('scope="ghl:read"');
  });

  it("shows a ghl:read token only the tools that change nothing", async () => {
    const token = await issuer.sign(server.endpoint, { scope: "ghl:read" });
    const client = await connectHttp("current (2026-07-28)", server.endpoint, bearer(token));
    const { tools } = await client.listTools();
    const refused = client.callTool("contacts_create", { firstName: "Eve" });
    await expect(refused).rejects.toThrow(/contacts_create not found/);
    await client.close();
    expect(tools.map((tool) => tool.name)).toContain("contacts_find");
    expect(tools.map((tool) => tool.name)).not.toContain("contacts_create");
  });

  it("shows a token scoped to one toolset only that toolset", async () => {
    const token = await issuer.sign(server.endpoint, { scope: "ghl:write ghl:toolset:contacts" });
    const client = await connectHttp("sdk 1.x", server.endpoint, bearer(token));
    const { tools } = await client.listTools();
    await client.close();
    expect(tools.length).toBeGreaterThan(0);
    expect(tools.every((tool) => tool.name.startsWith("contacts_"))).toBe(true);
  });
});
