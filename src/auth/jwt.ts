// JWT access tokens from the configured authorization server, checked as the MCP authorization
// spec asks of a resource server: the signature against the issuer's published keys (JWKS), the
// issuer, the audience (this server) and the expiry. jose does the cryptography and fetches and
// caches the keys; this file decides what a token means and what a refusal says.
import {
  OAuthError,
  OAuthErrorCode,
  type AuthInfo,
  type OAuthTokenVerifier,
} from "@modelcontextprotocol/server";
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import type { Logger } from "../logger.js";

export interface JwtSettings {
  issuer: string;
  jwksUrl: string;
  audience: string;
}

/** How long a fetch of the issuer's keys may take before the request is answered 500. */
const JWKS_TIMEOUT_MS = 5_000;

export class JwtVerifier implements OAuthTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly settings: JwtSettings,
    private readonly logger: Logger,
  ) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: JWKS_TIMEOUT_MS });
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const payload = await this.verify(token);
    const clientId = text(payload.client_id) ?? text(payload.azp);
    return {
      token,
      clientId: clientId ?? payload.sub ?? "unknown",
      scopes: scopesOf(payload),
      expiresAt: payload.exp,
      extra: { principal: { kind: "token", subject: payload.sub, clientId } },
    };
  }

  private async verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ["exp"],
      });
      return payload;
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /** Says what is wrong with the token without repeating any of it. */
  private refusal(error: unknown): OAuthError {
    if (error instanceof errors.JWTExpired) {
      return new OAuthError(OAuthErrorCode.InvalidToken, "The access token has expired");
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      const reasons: Record<string, string> = {
        iss: "The access token was issued by another authorization server",
        aud: `The access token was not issued for this server (audience ${this.settings.audience})`,
        exp: "The access token has no expiry",
      };
      const reason =
        reasons[error.claim] ?? `The access token's ${error.claim} claim is not acceptable`;
      return new OAuthError(OAuthErrorCode.InvalidToken, reason);
    }
    const unreachable =
      !(error instanceof errors.JOSEError) ||
      error instanceof errors.JWKSTimeout ||
      error instanceof errors.JWKSInvalid ||
      error.constructor === errors.JOSEError;
    if (unreachable) {
      // Not the caller's fault: a 401 would only send it to fetch a new token that fails alike.
      this.logger.warn(
        { jwksUrl: this.settings.jwksUrl, error: (error as Error).message },
        "could not fetch the authorization server's signing keys",
      );
      return new OAuthError(OAuthErrorCode.ServerError, "The token could not be checked");
    }
    return new OAuthError(
      OAuthErrorCode.InvalidToken,
      "The access token is not a valid signed JWT",
    );
  }
}

/** RFC 9068 puts scopes in a space-separated `scope`; some servers use an `scp` list instead. */
function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scp;
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(" ") : [];
  return list.filter((scope): scope is string => typeof scope === "string" && scope !== "");
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
