// Puts the resource catalog on a server: every kind as a URI template with completion, a
// resources/list that pages (the listed resources first, then the location's contacts, most
// recently updated first, behind the list cursor), and, where the connection serves them,
// resources/subscribe for 2025-era clients and the subscribe capability.
import {
  ProtocolError,
  ProtocolErrorCode,
  ResourceTemplate,
  type McpServer,
  type ServerContext,
} from "@modelcontextprotocol/server";
import type { ToolContext } from "../tools/framework.js";
import type { ToolSelection } from "../tools/index.js";
import {
  checkLocation,
  matchUri,
  readResource,
  selectResources,
  type ListedResource,
  type ResourceKind,
} from "./catalog.js";
import { recentContacts } from "./contacts.js";
import type { ServedSubscriptions } from "./subscriptions.js";
import { asProtocolError } from "./through-tools.js";

export const JSON_MIME = "application/json";

export interface ResourceOptions {
  context: ToolContext;
  selection?: ToolSelection;
  /**
   * Present where clients can subscribe: a stdio connection's own subscriptions, or "listen
   * streams" where the HTTP transport serves each 2026-07-28 listen stream itself, and the server
   * only says it can.
   */
  subscriptions?: ServedSubscriptions | "listen streams";
}

export function registerResources(server: McpServer, options: ResourceOptions): void {
  const { context } = options;
  const subscriptions =
    options.subscriptions === "listen streams" ? undefined : options.subscriptions;
  const kinds = selectResources(options.selection);
  if (kinds.length === 0) return;

  for (const kind of kinds) registerKind(server, kind, kinds, context);

  server.server.setRequestHandler("resources/list", async (request, ctx) => {
    if (subscriptions && isLegacy(ctx)) {
      // A 2025-era client that has the list may want to hear when it changes; those clients
      // have no way to ask, so listing is taken as asking.
      subscriptions.session.watchContactList("legacy").catch(() => undefined);
    }
    return listResources(kinds, context, request.params?.cursor);
  });

  if (!options.subscriptions) return;
  server.server.registerCapabilities({ resources: { subscribe: true, listChanged: true } });
  if (!subscriptions) return;
  subscriptions.attach(server);
  server.server.setRequestHandler("resources/subscribe", async ({ params }) => {
    const matched = matchUri(params.uri, kinds);
    if (!matched) throw unknownUri(params.uri);
    checkLocation(matched.variables, context, params.uri);
    await subscriptions.session.subscribe("legacy", params.uri);
    return {};
  });
  server.server.setRequestHandler("resources/unsubscribe", async ({ params }) => {
    subscriptions.session.unsubscribe("legacy", params.uri);
    return {};
  });
}

function registerKind(
  server: McpServer,
  kind: ResourceKind,
  kinds: readonly ResourceKind[],
  context: ToolContext,
): void {
  const complete = Object.fromEntries(
    Object.entries(kind.complete ?? {}).map(([variable, completer]) => [
      variable,
      (typed: string, filled?: { arguments?: Record<string, string> }) =>
        completer(typed, context, filled?.arguments ?? {}),
    ]),
  );
  server.registerResource(
    kind.name,
    new ResourceTemplate(kind.template, { list: undefined, complete }),
    {
      title: kind.title,
      description: kind.description,
      mimeType: JSON_MIME,
      cacheHint: kind.cacheHint,
    },
    async (uri) => {
      const content = await readResource(uri.href, kinds, context);
      return { contents: [{ uri: uri.href, mimeType: JSON_MIME, text: JSON.stringify(content) }] };
    },
  );
}

/** The first page: every listed resource, then contacts; later pages: more contacts. */
async function listResources(
  kinds: readonly ResourceKind[],
  context: ToolContext,
  cursor: string | undefined,
): Promise<{ resources: ListedResource[]; nextCursor?: string }> {
  const locationId = listedLocation(context);
  if (!locationId) return { resources: [] };
  try {
    const listed: ListedResource[] = [];
    if (!cursor) {
      for (const kind of kinds) listed.push(...((await kind.list?.(locationId, context)) ?? []));
    }
    const canListContacts = kinds.some((kind) => kind.name === "contact");
    if (!canListContacts) return { resources: listed };
    const contacts = await recentContacts(locationId, cursor, context);
    return { resources: [...listed, ...contacts.resources], nextCursor: contacts.nextCursor };
  } catch (error) {
    throw asProtocolError(error, `ghl://locations/${locationId}`);
  }
}

/** The location resources/list shows: the configured one, or a caller's only location. */
function listedLocation(context: ToolContext): string | undefined {
  if (context.locationId) return context.locationId;
  const allowed = [...(context.allowedLocations ?? [])];
  return allowed.length === 1 ? allowed[0] : undefined;
}

/** 2025-era requests carry no per-request envelope; 2026-07-28 ones always do. */
function isLegacy(ctx: ServerContext): boolean {
  return ctx.mcpReq.envelope === undefined;
}

function unknownUri(uri: string): ProtocolError {
  return new ProtocolError(ProtocolErrorCode.InvalidParams, `No resource has the URI ${uri}`, {
    uri,
  });
}
