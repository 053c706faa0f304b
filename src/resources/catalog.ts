// What a resource is, the catalog of them, and reading one by its URI: the one path that
// resources/read, subscription polling and prompts share, so all three see the same content.
import { createHash } from "node:crypto";
import {
  ProtocolError,
  ProtocolErrorCode,
  UriTemplate,
  type CacheHint,
} from "@modelcontextprotocol/server";
import type { ToolContext } from "../tools/framework.js";
import { selectTools, type ToolSelection } from "../tools/index.js";
import { calendarResources } from "./calendars.js";
import { contactResources } from "./contacts.js";
import { taskResources } from "./tasks.js";
import { asProtocolError, toolsAvailable } from "./through-tools.js";

export type Variables = Record<string, string>;

/** Completes one template variable from what was typed and the variables already filled in. */
export type Completer = (typed: string, ctx: ToolContext, filled: Variables) => Promise<string[]>;

export interface ResourceKind {
  /** The registered name, kebab-case. */
  name: string;
  title: string;
  description: string;
  /** RFC 6570 URI template; every URI names its location. */
  template: string;
  /** The tools it reads through: offered only when the server exposes all of them. */
  tools: readonly string[];
  /** How long a 2026-07-28 client may reuse a read; always private (one account's data). */
  cacheHint: CacheHint;
  read(variables: Variables, ctx: ToolContext, nowMs: number): Promise<unknown>;
  complete?: Record<string, Completer>;
  /** The concrete resources of this kind worth listing for a location (resources/list). */
  list?(locationId: string, ctx: ToolContext): Promise<ListedResource[]>;
}

export interface ListedResource {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType: string;
}

export const allResources: readonly ResourceKind[] = [
  ...contactResources,
  ...calendarResources,
  ...taskResources,
];

/** The resources a server offers: those whose tools the selection exposes. */
export function selectResources(selection: ToolSelection = {}): ResourceKind[] {
  const selected = new Set(selectTools(selection).map((tool) => tool.name));
  return allResources.filter((kind) => toolsAvailable(kind.tools, selected));
}

const templates = new Map<string, UriTemplate>();
function templateOf(kind: ResourceKind): UriTemplate {
  let template = templates.get(kind.template);
  if (!template) templates.set(kind.template, (template = new UriTemplate(kind.template)));
  return template;
}

export function matchUri(
  uri: string,
  kinds: readonly ResourceKind[],
): { kind: ResourceKind; variables: Variables } | undefined {
  for (const kind of kinds) {
    const variables = templateOf(kind).match(uri);
    if (variables) return { kind, variables: flatten(variables) };
  }
  return undefined;
}

function flatten(variables: Record<string, string | string[]>): Variables {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      decode(Array.isArray(value) ? value.join(",") : value),
    ]),
  );
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Refuses a URI whose location the caller may not use (multi-tenant HTTP). */
export function checkLocation(variables: Variables, ctx: ToolContext, uri: string): void {
  const { locationId } = variables;
  if (locationId && ctx.allowedLocations && !ctx.allowedLocations.has(locationId)) {
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      `${uri}: location ${locationId} is not one of the locations you may use.`,
      { uri },
    );
  }
}

/** A resource's content by URI, or the protocol error a client should get. */
export async function readResource(
  uri: string,
  kinds: readonly ResourceKind[],
  ctx: ToolContext,
  nowMs = Date.now(),
): Promise<unknown> {
  const matched = matchUri(uri, kinds);
  if (!matched) {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `No resource has the URI ${uri}`, {
      uri,
    });
  }
  checkLocation(matched.variables, ctx, uri);
  try {
    return await matched.kind.read(matched.variables, ctx, nowMs);
  } catch (error) {
    throw asProtocolError(error, uri);
  }
}

/** A short digest of content: what polling compares between two reads. */
export function digest(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("base64url");
}
