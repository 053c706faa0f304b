// Static bearer keys: the right key names its holder, anything else is refused.
import { OAuthError } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { BearerKeyVerifier } from "../../src/auth/bearer-key.js";

const ACME = "acme-0123456789abcdef0123456789abcdef";
const GLOBEX = "globex-0123456789abcdef0123456789abcd";
const keys = new BearerKeyVerifier([
  { name: "acme", key: ACME },
  { name: "globex", key: GLOBEX },
]);

describe("bearer keys", () => {
  it("names the holder of a matching key", async () => {
    const info = await keys.verifyAccessToken(GLOBEX);
    expect(info.extra?.principal).toEqual({ kind: "key", name: "globex" });
    expect(info.clientId).toBe("key:globex");
  });

  it("refuses a key that is only a prefix of a real one", async () => {
    await expect(keys.verifyAccessToken(ACME.slice(0, -1))).rejects.toBeInstanceOf(OAuthError);
  });

  it("refuses a key that extends a real one", async () => {
    expect(keys.match(`${ACME}x`)).toBeUndefined();
  });

  it("gives a verified key an expiry, which the SDK's bearer gate requires", async () => {
    const info = await keys.verifyAccessToken(ACME);
    expect(info.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });
});
