// The tenants file: what it may say, how a mistake is reported, and which tenant a caller gets.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  TenantDirectory,
  parseTenantsFile,
  type TenantEnvironment,
} from "../../src/auth/tenants.js";
import { ConfigError } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";

const KEY = "k".repeat(40);
const directory = mkdtempSync(join(tmpdir(), "ghl-mcp-tenants-"));
let loaded: TenantDirectory | undefined;
afterEach(async () => {
  await loaded?.close();
  loaded = undefined;
});

function environment(env: Record<string, string>, acceptsTokens = true): TenantEnvironment {
  return {
    env,
    baseUrl: "http://127.0.0.1:9",
    timeoutMs: 5_000,
    logger: silentLogger,
    selection: {},
    acceptsTokens,
  };
}

async function load(file: unknown, env: Record<string, string>, acceptsTokens = true) {
  const path = join(directory, `tenants-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(file));
  loaded = await TenantDirectory.load(path, environment(env, acceptsTokens));
  return loaded;
}

async function problems(file: unknown, env: Record<string, string>, acceptsTokens = true) {
  const error = await load(file, env, acceptsTokens).catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

const ACME = {
  apiKeyEnv: "ACME_KEY",
  ghlTokenEnv: "ACME_GHL",
  locations: ["locAcme1", "locAcme2"],
};
const GLOBEX = {
  subjects: ["user-9"],
  clients: ["bot-3"],
  ghlTokenEnv: "GLOBEX_GHL",
  locations: ["locGlobex"],
};
const ENV = { ACME_KEY: KEY, ACME_GHL: "pit-acme", GLOBEX_GHL: "pit-globex" };

describe("the tenants file", () => {
  it("gives each tenant its locations, the first as the default", async () => {
    const tenants = await load({ tenants: { acme: ACME } }, ENV);
    const acme = tenants.find({ kind: "key", name: "acme" })!;
    expect(acme.context.locationId).toBe("locAcme1");
    expect([...acme.context.allowedLocations!]).toEqual(["locAcme1", "locAcme2"]);
  });

  it("names each tenant's key after the tenant", async () => {
    const tenants = await load({ tenants: { acme: ACME } }, ENV);
    expect(tenants.keys).toEqual([{ name: "acme", key: KEY }]);
  });

  it("finds a tenant by the JWT's subject or by its client", async () => {
    const tenants = await load({ tenants: { acme: ACME, globex: GLOBEX } }, ENV);
    expect(tenants.find({ kind: "token", subject: "user-9" })?.name).toBe("globex");
    expect(tenants.find({ kind: "token", subject: "someone", clientId: "bot-3" })?.name).toBe(
      "globex",
    );
    expect(tenants.find({ kind: "token", subject: "someone" })).toBeUndefined();
  });

  it("gives every tenant a GHL client of its own", async () => {
    const tenants = await load({ tenants: { acme: ACME, globex: GLOBEX } }, ENV);
    const [acme, globex] = tenants.tenants;
    expect(acme!.context.client).not.toBe(globex!.context.client);
  });

  it("says which field is wrong and how", async () => {
    expect(await problems({ tenants: { acme: { ...ACME, locations: [] } } }, ENV)).toEqual([
      expect.stringMatching(/tenants\.acme\.locations must list at least one location id/),
    ]);
  });

  it("refuses a tenant that names no caller", async () => {
    const { apiKeyEnv: _key, ...nobody } = ACME;
    expect((await problems({ tenants: { acme: nobody } }, ENV))[0]).toMatch(/names no caller/);
  });

  it("refuses a key variable that is not set, naming the variable", async () => {
    expect(await problems({ tenants: { acme: ACME } }, { ACME_GHL: "pit-acme" })).toEqual([
      expect.stringMatching(/apiKeyEnv names ACME_KEY, which is not set/),
    ]);
  });

  it("refuses the same subject in two tenants", async () => {
    const twin = { ...GLOBEX, clients: undefined, ghlTokenEnv: "ACME_GHL" };
    const found = await problems({ tenants: { globex: GLOBEX, twin } }, ENV);
    expect(found).toEqual([
      expect.stringMatching(/Subject user-9 belongs to both tenants globex and twin/),
    ]);
  });

  it("refuses two tenants with the same key", async () => {
    const twin = { ...ACME, apiKeyEnv: "TWIN_KEY" };
    const found = await problems({ tenants: { acme: ACME, twin } }, { ...ENV, TWIN_KEY: KEY });
    expect(found).toEqual([expect.stringMatching(/Tenants acme and twin have the same key/)]);
  });

  it("refuses JWT subjects when no issuer is configured", async () => {
    const found = await problems({ tenants: { globex: GLOBEX } }, ENV, false);
    expect(found[0]).toMatch(/GHL_OAUTH_ISSUER is not set/);
  });

  it("reports a file that is not JSON", () => {
    expect(() => parseTenantsFile("t.json", "{ tenants: ")).toThrow(/t.json is not valid JSON/);
  });

  it("refuses unknown fields, which are usually typos", () => {
    expect(() =>
      parseTenantsFile(
        "t.json",
        JSON.stringify({ tenants: { acme: { ...ACME, location: ["x"] } } }),
      ),
    ).toThrow(/location/);
  });
});
