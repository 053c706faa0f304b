// Several tenants on one server: each caller reaches only its own locations, with its own GHL
// credential, whatever arguments a model sends; a caller that belongs to no tenant gets nothing.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { startIssuer, type TestIssuer } from "../auth/issuer.js";
import { textOf, type TestClient } from "../support/mcp-clients.js";
import {
  INITIALIZE,
  connectHttp,
  postMcp,
  startTestServer,
  type TestServer,
} from "./http-clients.js";

const ACME_KEY = "acme-key-0123456789abcdef0123456789abcdef";
const GLOBEX_KEY = "globex-key-0123456789abcdef0123456789abcd";
const GLOBEX_LOCATION = "globexLocation000000001";

let sandbox: Sandbox;
let issuer: TestIssuer;
let server: TestServer;
let acme: TestClient;
let globex: TestClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  issuer = await startIssuer();
  const file = join(mkdtempSync(join(tmpdir(), "ghl-mcp-")), "tenants.json");
  writeFileSync(
    file,
    JSON.stringify({
      tenants: {
        acme: {
          apiKeyEnv: "ACME_KEY",
          ghlTokenEnv: "ACME_GHL_TOKEN",
          locations: [sandbox.locationId],
        },
        globex: {
          apiKeyEnv: "GLOBEX_KEY",
          subjects: ["globex-user"],
          ghlTokenEnv: "GLOBEX_GHL_TOKEN",
          locations: [GLOBEX_LOCATION],
        },
      },
    }),
  );
  server = await startTestServer({
    sandbox,
    argv: [
      "--tenants-file",
      file,
      "--oauth-issuer",
      issuer.issuer,
      "--oauth-jwks-url",
      issuer.jwksUrl,
    ],
    env: {
      ACME_KEY,
      GLOBEX_KEY,
      ACME_GHL_TOKEN: sandbox.tokens.location,
      // A location token for globex's own sub-account, as GHL would issue it.
      GLOBEX_GHL_TOKEN: sandbox.mintToken({ kind: "location-pit", locationId: GLOBEX_LOCATION }),
    },
  });
  acme = await connectHttp("current (2026-07-28)", server.endpoint, {
    Authorization: `Bearer ${ACME_KEY}`,
  });
  globex = await connectHttp("sdk 1.x", server.endpoint, { Authorization: `Bearer ${GLOBEX_KEY}` });
});
afterAll(async () => {
  await acme.close();
  await globex.close();
  await server.close();
  await issuer.close();
  await sandbox.close();
});

describe("tenants", () => {
  it("serve each tenant from its own default location", async () => {
    const result = await acme.callTool("contacts_find", { query: "Jane Cooper" });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toContain("Jane Cooper");
  });

  it("refuse a tenant naming another tenant's location, before GHL is called", async () => {
    const before = sandbox.requests.length;
    const result = await globex.callTool("contacts_find", {
      query: "Jane",
      locationId: sandbox.locationId,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(
      `${sandbox.locationId} is not one of the locations you may use`,
    );
    expect(sandbox.requests.length).toBe(before);
  });

  it("refuse the other way round too", async () => {
    const result = await acme.callTool("contacts_list", { locationId: GLOBEX_LOCATION });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(GLOBEX_LOCATION);
  });

  // Limitation: a record addressed by id carries no location in the call, so the tenant's own GHL
  // credential is what keeps it out: give tenants location tokens, never an agency token.
  it("cannot read another tenant's record by its id with a location token of its own", async () => {
    const jane = [...sandbox.store.contacts.values()].find(
      (c) => c.email === "jane.cooper@acmelogistics.com",
    )!;
    const result = await globex.callTool("contacts_get", { contactId: jane.id });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/HTTP 40[13]/);
  });

  it("recognise a JWT subject as its tenant", async () => {
    const token = await issuer.sign(server.endpoint, { sub: "globex-user" });
    const client = await connectHttp("current (legacy handshake)", server.endpoint, {
      Authorization: `Bearer ${token}`,
    });
    const result = await client.callTool("contacts_find", {
      query: "Jane",
      locationId: sandbox.locationId,
    });
    await client.close();
    expect(textOf(result)).toContain("not one of the locations you may use");
  });

  it("give a caller that belongs to no tenant 403, naming the caller", async () => {
    const token = await issuer.sign(server.endpoint, { sub: "stranger" });
    const response = await postMcp(server.endpoint, INITIALIZE, {
      Authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: "access_denied",
      error_description: expect.stringContaining("sub:stranger"),
    });
  });

  it("log which tenant's caller made each request", () => {
    const principals = server.logs.map((entry) => entry.principal).filter(Boolean);
    expect(principals).toEqual(
      expect.arrayContaining(["key:acme", "key:globex", "sub:globex-user"]),
    );
  });
});
