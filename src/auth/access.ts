// What an HTTP caller's access token lets it use: the OAuth scopes of this server (not GHL's), and
// how they narrow the tools a server exposes to toolsets and read-only mode.
import { toolsets as knownToolsets, type ToolSelection } from "../tools/index.js";

/** May call tools that change nothing. */
export const READ_SCOPE = "ghl:read";
/** May call every tool, including those that change or send something. */
export const WRITE_SCOPE = "ghl:write";
/** `ghl:toolset:contacts` limits the token to that toolset; with none, every toolset is open. */
export const TOOLSET_SCOPE_PREFIX = "ghl:toolset:";

export interface Access {
  readOnly: boolean;
  /** Undefined: every toolset the server exposes. */
  toolsets?: string[];
}

/** Full access, for callers that authenticate with a bearer key rather than a scoped token. */
export const FULL_ACCESS: Access = { readOnly: false };

/** The caller's access, or undefined when the token allows no tool at all. */
export function accessFromScopes(scopes: readonly string[]): Access | undefined {
  if (!scopes.includes(READ_SCOPE) && !scopes.includes(WRITE_SCOPE)) return undefined;
  const toolsets = scopes
    .filter((scope) => scope.startsWith(TOOLSET_SCOPE_PREFIX))
    .map((scope) => scope.slice(TOOLSET_SCOPE_PREFIX.length));
  return {
    readOnly: !scopes.includes(WRITE_SCOPE),
    toolsets: toolsets.length > 0 ? toolsets : undefined,
  };
}

/** What both the server's configuration and the caller's access allow. */
export function narrowSelection(selection: ToolSelection, access: Access): ToolSelection {
  const toolsets = access.toolsets
    ? (selection.toolsets ?? knownToolsets).filter((name) => access.toolsets!.includes(name))
    : selection.toolsets;
  return {
    ...selection,
    toolsets,
    readOnly: selection.readOnly || access.readOnly,
  };
}

/** The scopes advertised in the protected resource metadata, so clients know what to ask for. */
export function supportedScopes(): string[] {
  return [
    READ_SCOPE,
    WRITE_SCOPE,
    ...knownToolsets.map((name) => `${TOOLSET_SCOPE_PREFIX}${name}`),
  ];
}
