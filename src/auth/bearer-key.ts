// Static bearer keys, the simple way to authenticate HTTP callers. Keys are compared through their
// SHA-256 digests with timingSafeEqual, and every key is compared on every request, so neither the
// length of a guess nor how much of it was right shows in the response time.
import { createHash, timingSafeEqual } from "node:crypto";
import {
  OAuthError,
  OAuthErrorCode,
  type AuthInfo,
  type OAuthTokenVerifier,
} from "@modelcontextprotocol/server";
import { WRITE_SCOPE } from "./access.js";

export interface NamedKey {
  /** Who holds the key: "default" for GHL_HTTP_API_KEY, else the tenant's name. */
  name: string;
  key: string;
}

/**
 * A key does not expire, but the SDK's bearer gate refuses an AuthInfo without an expiry; the
 * verification is good for the one request it was made for, so a short horizon is the truth.
 */
const VERIFIED_FOR_SECONDS = 60;

export class BearerKeyVerifier implements OAuthTokenVerifier {
  private readonly digests: { name: string; digest: Buffer }[];

  constructor(keys: readonly NamedKey[]) {
    this.digests = keys.map(({ name, key }) => ({ name, digest: digestOf(key) }));
  }

  /** The name of the key the token is, if it is one. */
  match(token: string): string | undefined {
    const candidate = digestOf(token);
    let found: string | undefined;
    for (const { name, digest } of this.digests) {
      if (timingSafeEqual(candidate, digest)) found ??= name;
    }
    return found;
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const name = this.match(token);
    if (name === undefined) {
      throw new OAuthError(OAuthErrorCode.InvalidToken, "The bearer token is not valid");
    }
    return {
      token,
      clientId: `key:${name}`,
      scopes: [WRITE_SCOPE],
      expiresAt: Math.floor(Date.now() / 1000) + VERIFIED_FOR_SECONDS,
      extra: { principal: { kind: "key", name } },
    };
  }
}

function digestOf(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
