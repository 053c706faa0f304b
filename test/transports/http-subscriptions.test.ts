// Resource subscriptions over Streamable HTTP: a 2026-07-28 client opens a subscriptions/listen
// stream, a person changes the contact in the GoHighLevel app (the sandbox, from outside), the
// server's polling notices and the stream carries notifications/resources/updated; closing the
// stream stops the polling. Each tenant's stream polls with its own credential and hears only
// what it may read. The server polls every few hundred milliseconds here (a test-only option).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { POLL_MS, eventually, pause } from "../resources/clients.js";
import { startTestServer, type TestServer } from "./http-clients.js";

const ACME_KEY = "acme-key-0123456789abcdef0123456789abcdef";
const GLOBEX_KEY = "globex-key-0123456789abcdef0123456789abcd";
const GLOBEX_LOCATION = "globexLocation000000001";

interface Listening {
  client: Client;
  updates: string[];
  close(): Promise<void>;
}

async function connect(
  endpoint: string,
  options: { legacy?: boolean; key?: string } = {},
): Promise<Listening> {
  const client = new Client(
    { name: "ghl-mcp-tests", version: "1.0.0" },
    options.legacy ? {} : { versionNegotiation: { mode: { pin: "2026-07-28" } } },
  );
  const headers: Record<string, string> = options.key
    ? { Authorization: `Bearer ${options.key}` }
    : {};
  await client.connect(
    new StreamableHTTPClientTransport(new URL(endpoint), { requestInit: { headers } }),
  );
  const updates: string[] = [];
  client.setNotificationHandler("notifications/resources/updated", (notification) => {
    updates.push(notification.params.uri);
  });
  return { client, updates, close: () => client.close() };
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const contactNamed = (first: string, last: string) =>
  [...sandbox.store.contacts.values()].find((c) => c.firstName === first && c.lastName === last)!;
const contactUri = (id: string) => `ghl://locations/${sandbox.locationId}/contacts/${id}`;
const readsOf = (contactId: string) =>
  sandbox.requests.filter((r) => r.method === "GET" && r.path.endsWith(`/contacts/${contactId}`))
    .length;

describe("subscriptions over HTTP with one GHL credential", () => {
  let server: TestServer;
  beforeAll(async () => {
    sandbox.reset();
    server = await startTestServer({ sandbox, pollIntervalMs: POLL_MS });
  });
  afterAll(() => server.close());

  it("offers subscriptions to 2026-07-28 clients only", async () => {
    const modern = await connect(server.endpoint);
    const legacy = await connect(server.endpoint, { legacy: true });
    expect(modern.client.getServerCapabilities()?.resources?.subscribe).toBe(true);
    expect(legacy.client.getServerCapabilities()?.resources?.subscribe).toBeFalsy();
    await modern.close();
    await legacy.close();
  });

  it("tells a listening client when the contact changes in GoHighLevel", async () => {
    const listening = await connect(server.endpoint);
    const jane = contactNamed("Jane", "Cooper");
    const uri = contactUri(jane.id);
    const subscription = await listening.client.listen({ resourceSubscriptions: [uri] });

    await pause(POLL_MS * 3);
    expect(listening.updates).toEqual([]);

    sandbox.outside.updateContact(jane.id, { city: "Evanston" });
    await eventually(() => listening.updates.length === 1, "resources/updated for the contact");
    expect(listening.updates).toEqual([uri]);
    await subscription.close();
    await listening.close();
  });

  it("stops polling when the stream closes", async () => {
    const listening = await connect(server.endpoint);
    const robert = contactNamed("Robert", "Chen");
    const subscription = await listening.client.listen({
      resourceSubscriptions: [contactUri(robert.id)],
    });
    const before = readsOf(robert.id);
    await eventually(() => readsOf(robert.id) > before + 1, "polling of the contact");

    await subscription.close();
    await pause(POLL_MS);
    const after = readsOf(robert.id);
    await pause(POLL_MS * 4);
    expect(readsOf(robert.id)).toBe(after);
    await listening.close();
  });
});

describe("subscriptions over HTTP with tenants", () => {
  let server: TestServer;
  beforeAll(async () => {
    sandbox.reset();
    const file = join(mkdtempSync(join(tmpdir(), "ghl-mcp-")), "tenants.json");
    const tenants = {
      acme: { apiKeyEnv: "ACME_KEY", ghlTokenEnv: "ACME_TOKEN", locations: [sandbox.locationId] },
      globex: {
        apiKeyEnv: "GLOBEX_KEY",
        ghlTokenEnv: "GLOBEX_TOKEN",
        locations: [GLOBEX_LOCATION],
      },
    };
    writeFileSync(file, JSON.stringify({ tenants }));
    server = await startTestServer({
      sandbox,
      pollIntervalMs: POLL_MS,
      argv: ["--tenants-file", file],
      env: {
        ACME_KEY,
        GLOBEX_KEY,
        ACME_TOKEN: sandbox.tokens.location,
        GLOBEX_TOKEN: sandbox.mintToken({ kind: "location-pit", locationId: GLOBEX_LOCATION }),
      },
    });
  });
  afterAll(() => server.close());

  it("lets a tenant hear of its own contact and not another tenant listen in", async () => {
    const acme = await connect(server.endpoint, { key: ACME_KEY });
    const globex = await connect(server.endpoint, { key: GLOBEX_KEY });
    const jane = contactNamed("Jane", "Cooper");
    const uri = contactUri(jane.id);
    const acmeStream = await acme.client.listen({ resourceSubscriptions: [uri] });
    const globexStream = await globex.client.listen({ resourceSubscriptions: [uri] });

    sandbox.outside.updateContact(jane.id, { city: "Skokie" });
    await eventually(() => acme.updates.length === 1, "resources/updated for acme");
    await pause(POLL_MS * 3);
    expect(globex.updates).toEqual([]);

    await acmeStream.close();
    await globexStream.close();
    await acme.close();
    await globex.close();
  });
});
