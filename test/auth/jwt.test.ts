// JWT access tokens checked against a JWKS served on loopback: what is accepted, what each refusal
// says, and that an unreachable key server is the server's problem (500), not the caller's (401).
import { OAuthError } from "@modelcontextprotocol/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JwtVerifier } from "../../src/auth/jwt.js";
import { silentLogger } from "../../src/logger.js";
import { ISSUER, startIssuer, type TestIssuer } from "./issuer.js";

const AUDIENCE = "http://127.0.0.1:3333/mcp";
let issuer: TestIssuer;
let verifier: JwtVerifier;

beforeAll(async () => {
  issuer = await startIssuer();
  verifier = new JwtVerifier(
    { issuer: ISSUER, jwksUrl: issuer.jwksUrl, audience: AUDIENCE },
    silentLogger,
  );
});
afterAll(async () => {
  await issuer.close();
});

async function refusal(token: string): Promise<OAuthError> {
  const error = await verifier.verifyAccessToken(token).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OAuthError);
  return error as OAuthError;
}

describe("JWT access tokens", () => {
  it("accepts a token from the issuer for this server, with its subject, client and scopes", async () => {
    const token = await issuer.sign(AUDIENCE, { client_id: "agent-7", scope: "ghl:read" });
    const info = await verifier.verifyAccessToken(token);
    expect(info).toMatchObject({ clientId: "agent-7", scopes: ["ghl:read"] });
    expect(info.extra?.principal).toEqual({
      kind: "token",
      subject: "user-1",
      clientId: "agent-7",
    });
    expect(info.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  it("reads scopes from an scp list as some servers write them", async () => {
    const token = await issuer.sign(AUDIENCE, { scope: undefined, scp: ["ghl:read", "ghl:write"] });
    expect((await verifier.verifyAccessToken(token)).scopes).toEqual(["ghl:read", "ghl:write"]);
  });

  it("refuses an expired token and says so", async () => {
    const token = await issuer.sign(AUDIENCE, { exp: Math.floor(Date.now() / 1000) - 60 });
    const error = await refusal(token);
    expect(error.code).toBe("invalid_token");
    expect(error.message).toMatch(/expired/);
  });

  it("refuses a token issued for another server", async () => {
    const token = await issuer.sign("https://other.example.test/mcp");
    expect((await refusal(token)).message).toMatch(/not issued for this server/);
  });

  it("refuses a token from another issuer", async () => {
    const token = await issuer.sign(AUDIENCE, { iss: "https://evil.example.test" });
    expect((await refusal(token)).message).toMatch(/another authorization server/);
  });

  it("refuses a token signed with a key the issuer does not publish", async () => {
    const error = await refusal(await issuer.signWithUnknownKey(AUDIENCE));
    expect(error.code).toBe("invalid_token");
  });

  it("refuses a string that is not a JWT without echoing it", async () => {
    const error = await refusal("not-a-jwt-secret-value");
    expect(error.message).not.toContain("secret-value");
  });

  it("answers server_error when the issuer's keys cannot be fetched", async () => {
    const offline = new JwtVerifier(
      { issuer: ISSUER, jwksUrl: "http://127.0.0.1:9/jwks.json", audience: AUDIENCE },
      silentLogger,
    );
    const error = await offline.verifyAccessToken(await issuer.sign(AUDIENCE)).catch((e) => e);
    expect((error as OAuthError).code).toBe("server_error");
  });
});
