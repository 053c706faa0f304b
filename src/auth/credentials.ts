// Where the GHL bearer token comes from. The client asks for it on every call, so a provider that
// refreshes OAuth tokens can slot in without touching the client.
import { ScopeSet } from "./scopes.js";

export type TokenKind = "private-integration" | "oauth";

export interface CredentialProvider {
  /** The bearer token to send. Never log it. */
  token(): Promise<string>;
  readonly kind: TokenKind;
  readonly scopes: ScopeSet;
}

/** A Private Integration Token (`pit-…`) or an OAuth access token given as-is. */
export class StaticCredential implements CredentialProvider {
  readonly kind: TokenKind;

  constructor(
    private readonly value: string,
    readonly scopes: ScopeSet = ScopeSet.all(),
  ) {
    this.kind = value.startsWith("pit-") ? "private-integration" : "oauth";
  }

  async token(): Promise<string> {
    return this.value;
  }

  /** Keeps the token out of logs and error texts even when the object itself is printed. */
  toJSON(): object {
    return { kind: this.kind, scopes: this.scopes.toString() };
  }
}
