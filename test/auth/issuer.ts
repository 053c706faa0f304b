// A stand-in authorization server for the tests: an RSA key pair made with jose, its public half
// published as a JWKS on 127.0.0.1, and a way to sign access tokens with any claims a test needs.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from "jose";

export const ISSUER = "https://auth.example.test";

export interface TestIssuer {
  issuer: string;
  jwksUrl: string;
  /** A token signed by this issuer; claims override the defaults (scope, sub, one hour of life). */
  sign(audience: string, claims?: JWTPayload & { exp?: number }): Promise<string>;
  /** A token signed by a key the JWKS does not publish. */
  signWithUnknownKey(audience: string, claims?: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

export async function startIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const stranger = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };

  const server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const sign = (key: CryptoKey, audience: string, claims: JWTPayload = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ scope: "ghl:read ghl:write", sub: "user-1", ...claims })
      .setProtectedHeader({ alg: "RS256", kid: "test-key", typ: "at+jwt" })
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? audience)
      .setIssuedAt(now)
      .setExpirationTime(claims.exp ?? now + 3600)
      .sign(key);
  };

  return {
    issuer: ISSUER,
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    sign: (audience, claims) => sign(privateKey, audience, claims),
    signWithUnknownKey: (audience, claims) => sign(stranger.privateKey, audience, claims),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
