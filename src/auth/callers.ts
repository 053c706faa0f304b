// Who is calling over HTTP, and what they may reach. The Authorization header is checked against
// the bearer keys and the OAuth issuer through the SDK's bearer gate (so refusals carry the
// standard WWW-Authenticate challenge); the verified caller is then given its tenant's GHL client
// and locations and the tools its token allows. The caller's token stops here: GHL is only ever
// called with the server's (or the tenant's) own credential.
import {
  OAuthError,
  OAuthErrorCode,
  bearerAuthChallengeResponse,
  verifyBearerToken,
  type AuthInfo,
} from "@modelcontextprotocol/server";
import type { ToolContext } from "../tools/framework.js";
import type { ToolSelection } from "../tools/index.js";
import { FULL_ACCESS, READ_SCOPE, accessFromScopes, narrowSelection } from "./access.js";
import type { BearerKeyVerifier } from "./bearer-key.js";
import type { JwtVerifier } from "./jwt.js";
import type { Principal, TenantDirectory } from "./tenants.js";

export interface Caller {
  /** For logs: "key:acme", "sub:user-1", "client:agent-7"; never a token. */
  principal: string;
  context: ToolContext;
  selection: ToolSelection;
}

export interface CallerOptions {
  keys?: BearerKeyVerifier;
  jwt?: JwtVerifier;
  tenants?: TenantDirectory;
  /** The server's own GHL client and tools: every caller's, unless there are tenants. */
  own?: { context: ToolContext; selection: ToolSelection };
  /** Where the 401 challenge sends clients to discover the authorization server. */
  resourceMetadataUrl?: string;
}

export type Identification = { authInfo?: AuthInfo } | { refusal: Response };

export class Callers {
  constructor(private readonly options: CallerOptions) {}

  /** Whether requests must authenticate; false only on loopback with nothing configured. */
  get required(): boolean {
    return Boolean(this.options.keys || this.options.jwt);
  }

  get schemes(): string[] {
    return [...(this.options.keys ? ["bearer-key"] : []), ...(this.options.jwt ? ["oauth"] : [])];
  }

  /** The verified caller, attached to the AuthInfo the SDK hands to the server factory. */
  async identify(authorization: string | undefined): Promise<Identification> {
    if (!this.required) return {};
    const { resourceMetadataUrl } = this.options;
    // With OAuth, the challenge names the scope to ask for, so clients can request it up front.
    const requiredScopes = this.options.jwt ? [READ_SCOPE] : [];
    try {
      const verifier = { verifyAccessToken: (token: string) => this.verify(token) };
      const authInfo = await verifyBearerToken(authorization, { verifier, resourceMetadataUrl });
      const caller = this.resolve(authInfo);
      return { authInfo: { ...authInfo, extra: { ...authInfo.extra, caller } } };
    } catch (error) {
      if (error instanceof OAuthError && error.code === OAuthErrorCode.AccessDenied) {
        return { refusal: Response.json(error.toResponseObject(), { status: 403 }) };
      }
      return {
        refusal: bearerAuthChallengeResponse(error, { requiredScopes, resourceMetadataUrl }),
      };
    }
  }

  /** What the server factory builds for a request: the identified caller, or the server's own. */
  callerOf(authInfo: AuthInfo | undefined): Caller {
    const caller = authInfo?.extra?.caller as Caller | undefined;
    if (caller) return caller;
    // Unauthenticated requests get this far only when no authentication is configured, and then
    // there are no tenants either (a tenant is always named by a key or a token).
    if (!this.options.own) throw new Error("A request without a caller reached the server factory");
    return { principal: "anonymous", ...this.options.own };
  }

  async close(): Promise<void> {
    await this.options.tenants?.close();
  }

  private async verify(token: string): Promise<AuthInfo> {
    const { keys, jwt } = this.options;
    if (keys && (keys.match(token) !== undefined || !jwt)) return keys.verifyAccessToken(token);
    if (jwt) return jwt.verifyAccessToken(token);
    throw new OAuthError(OAuthErrorCode.InvalidToken, "The bearer token is not valid");
  }

  private resolve(authInfo: AuthInfo): Caller {
    const principal = authInfo.extra?.principal as Principal;
    const access = principal.kind === "key" ? FULL_ACCESS : accessFromScopes(authInfo.scopes);
    if (!access) {
      throw new OAuthError(
        OAuthErrorCode.InsufficientScope,
        `The access token allows no tool: it needs ${READ_SCOPE} (or ghl:write)`,
      );
    }

    const label = labelOf(principal);
    const { tenants, own } = this.options;
    const target = tenants ? tenants.find(principal) : own;
    if (!target) {
      throw new OAuthError(
        OAuthErrorCode.AccessDenied,
        `No tenant is configured for ${label}; add it to the tenants file`,
      );
    }
    return {
      principal: label,
      context: target.context,
      selection: narrowSelection(target.selection, access),
    };
  }
}

function labelOf(principal: Principal): string {
  if (principal.kind === "key") return `key:${principal.name}`;
  if (principal.subject) return `sub:${principal.subject}`;
  return `client:${principal.clientId ?? "unknown"}`;
}
