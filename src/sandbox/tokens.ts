// The bearer tokens the sandbox accepts: Private Integration Tokens (`pit-<uuid>`) and JWT-shaped
// OAuth access tokens that expire (PLATFORM.md §1), each bound to a location or a company.
import { listOperations, type TokenKind } from "../spec/operations.js";
import { IdGenerator } from "./ids.js";

export interface TokenGrant {
  kind: TokenKind;
  scopes: string[];
  companyId: string;
  /** Set for location (sub-account) tokens only. */
  locationId?: string;
  /** Epoch ms; OAuth tokens only. */
  expiresAt?: number;
}

export interface MintTokenOptions {
  kind: TokenKind;
  scopes?: string[];
  locationId?: string;
  expiresInMs?: number;
}

const OAUTH_LIFETIME_MS = 86_399_000;
const TOKEN_SEED = 0x70697421;

export class TokenRegistry {
  private readonly grants = new Map<string, TokenGrant>();
  private readonly ids = new IdGenerator(TOKEN_SEED);

  constructor(
    private readonly defaults: { locationId: string; companyId: string },
    private readonly now: () => number,
  ) {}

  mint(options: MintTokenOptions): string {
    const isLocation = options.kind.startsWith("location-");
    const grant: TokenGrant = {
      kind: options.kind,
      scopes: options.scopes ?? defaultScopes(isLocation ? "location" : "agency"),
      companyId: this.defaults.companyId,
      locationId: isLocation ? (options.locationId ?? this.defaults.locationId) : undefined,
      expiresAt: options.kind.endsWith("-oauth")
        ? this.now() + (options.expiresInMs ?? OAUTH_LIFETIME_MS)
        : undefined,
    };
    const token = grant.expiresAt === undefined ? `pit-${this.ids.uuid()}` : this.jwt(grant);
    this.grants.set(token, grant);
    return token;
  }

  find(token: string): TokenGrant | undefined {
    return this.grants.get(token);
  }

  /** Looks like the platform's RS256 access tokens; only the sandbox can read it (by lookup). */
  private jwt(grant: TokenGrant): string {
    const encode = (value: unknown): string =>
      Buffer.from(JSON.stringify(value)).toString("base64url");
    const claims = {
      authClass: grant.locationId ? "Location" : "Company",
      authClassId: grant.locationId ?? grant.companyId,
      primaryAuthClassId: grant.locationId ?? grant.companyId,
      source: "INTEGRATION",
      sourceId: "ghl-mcp-sandbox",
      channel: "OAUTH",
      oauthMeta: { scopes: grant.scopes },
      iat: Math.floor(this.now() / 1000),
      exp: Math.floor((grant.expiresAt ?? 0) / 1000),
      jti: this.ids.uuid(),
    };
    const signature = Buffer.from(this.ids.uuid() + this.ids.uuid()).toString("base64url");
    return `${encode({ alg: "RS256", typ: "JWT" })}.${encode(claims)}.${signature}`;
  }
}

/** Every scope the spec asks of that level's operations: a token that can do everything. */
export function defaultScopes(level: "location" | "agency"): string[] {
  const kind: TokenKind = level === "location" ? "location-pit" : "agency-pit";
  const scopes = listOperations()
    .filter((operation) => operation.tokenKinds.includes(kind))
    .flatMap((operation) => operation.scopes);
  return [...new Set(scopes)].sort();
}

export function readOnlyScopes(scopes: string[]): string[] {
  return scopes.filter((scope) => scope.endsWith(".readonly") || scope.endsWith(".read"));
}
