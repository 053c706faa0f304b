// What the credential may do: the GHL scopes it was granted. GHL_SCOPES lists them; left unset,
// we assume every scope and let GHL have the last word.
export class ScopeSet {
  private constructor(private readonly granted: ReadonlySet<string> | "all") {}

  static all(): ScopeSet {
    return new ScopeSet("all");
  }

  static of(scopes: Iterable<string>): ScopeSet {
    return new ScopeSet(new Set(scopes));
  }

  /** Parses the space- or comma-separated form GHL uses in token responses and that people paste. */
  static parse(text: string | undefined): ScopeSet {
    const scopes = (text ?? "").split(/[\s,]+/).filter(Boolean);
    return scopes.length === 0 || scopes.includes("all") ? ScopeSet.all() : ScopeSet.of(scopes);
  }

  get isAll(): boolean {
    return this.granted === "all";
  }

  has(scope: string): boolean {
    return this.granted === "all" || this.granted.has(scope);
  }

  /** The scopes of `required` that are not granted, in order. */
  missing(required: readonly string[]): string[] {
    return required.filter((scope) => !this.has(scope));
  }

  toString(): string {
    return this.granted === "all" ? "all" : [...this.granted].join(" ");
  }
}
