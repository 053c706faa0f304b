// The one factory: configuration in, a ready McpServer out. Every transport (stdio, HTTP) builds
// its servers here, so what a client sees does not depend on how it connects.
import { McpServer, type StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import type { z } from "zod";
import { registerPrompts } from "./prompts/index.js";
import { registerResources, type ResourceOptions } from "./resources/index.js";
import { selectTools, type ToolSelection } from "./tools/index.js";
import {
  ANNOTATIONS,
  OPEN_OBJECT,
  executeTool,
  type ToolContext,
  type ToolDefinition,
} from "./tools/framework.js";
import { VERSION } from "./version.js";

export interface ServerOptions {
  context: ToolContext;
  selection?: ToolSelection;
  instructions?: string;
  /** Where clients can subscribe to resources; see `ResourceOptions`. */
  subscriptions?: ResourceOptions["subscriptions"];
}

const INSTRUCTIONS = `Tools for one GoHighLevel (HighLevel) account: contacts, tasks, notes, tags and more.
To act on a person, find them first with contacts_find (it takes a name, "Jane from Acme", an email
or a phone in any format) and use the id it returns. When it reports several close matches, ask the
user which one is meant before changing anything. Lists page with cursor/nextCursor.`;

/** Converted schemas, kept per tool for the life of the process: servers come and go per request. */
const converted = new WeakMap<z.ZodObject, Map<string, Record<string, unknown>>>();

/**
 * The SDK validates arguments before a handler runs and reports failures in its own words. Tools
 * hand it a schema that accepts anything but advertises the real JSON Schema, so validation
 * happens once, in the framework, with messages that name the field and say what to fix.
 *
 * `locationId` is advertised only where the caller can reach several locations: a sub-account
 * token reaches exactly one, and there the argument would cost context on every tool for nothing.
 */
function advertisedSchema(schema: z.ZodObject, showLocation: boolean): StandardSchemaWithJSON {
  const standard = schema["~standard"];
  let cache = converted.get(schema);
  if (!cache) converted.set(schema, (cache = new Map()));
  const convert = (io: "input" | "output") => (options: { target: string }) => {
    const key = `${io}:${options.target}:${showLocation}`;
    let json = cache.get(key);
    if (!json) {
      json = compactSchema(standard.jsonSchema[io](options as never) as Record<string, unknown>);
      if (!showLocation) json = withoutProperty(json, "locationId");
      cache.set(key, json);
    }
    return json;
  };
  return {
    "~standard": {
      version: 1,
      vendor: "ghl-mcp",
      validate: (value: unknown) => ({ value }),
      jsonSchema: { input: convert("input"), output: convert("output") },
    },
  } as unknown as StandardSchemaWithJSON;
}

function withoutProperty(json: Record<string, unknown>, name: string): Record<string, unknown> {
  const properties = json.properties as Record<string, unknown> | undefined;
  if (!properties || !(name in properties)) return json;
  const { [name]: _removed, ...rest } = properties;
  const required = (json.required as string[] | undefined)?.filter((key) => key !== name);
  return { ...json, properties: rest, ...(required && { required }) };
}

/**
 * What the model reads costs context on every turn, so the advertised schema drops what says
 * nothing to it: the dialect URI (MCP assumes 2020-12), "no other properties" flags, regex patterns
 * that merely spell out a `format`, `type` beside an enum of strings, and the inner fields of open
 * objects (see `openObject`). The framework still enforces all of it, naming the field.
 */
export function compactSchema<T>(node: T): T {
  if (Array.isArray(node)) return node.map(compactSchema) as T;
  if (!node || typeof node !== "object") return node;
  const record = node as Record<string, unknown>;
  if (record[OPEN_OBJECT]) {
    return { type: "object", description: record.description } as T;
  }
  const types = simpleTypes(record.anyOf);
  if (types) {
    const { anyOf: _anyOf, ...rest } = record;
    return compactSchema({ ...rest, type: types }) as T;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "$schema" || key === "propertyNames") continue;
    if (key === "additionalProperties" && value === false) continue;
    if (key === "pattern" && typeof record.format === "string") continue;
    if (key === "type" && value === "string" && Array.isArray(record.enum)) continue;
    out[key] = key === "properties" ? mapValues(value, compactSchema) : compactSchema(value);
  }
  return out as T;
}

/** `anyOf: [{type: "string"}, {type: "number"}]` says no more than `type: ["string", "number"]`. */
function simpleTypes(anyOf: unknown): string[] | undefined {
  if (!Array.isArray(anyOf)) return undefined;
  const types = anyOf.map((branch) => {
    const keys = Object.keys(branch as object);
    const type = (branch as { type?: unknown }).type;
    return keys.length === 1 && typeof type === "string" ? type : undefined;
  });
  return types.every((type) => type !== undefined) ? (types as string[]) : undefined;
}

function mapValues(value: unknown, f: (v: unknown) => unknown): unknown {
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));
}

export function registerTool(server: McpServer, tool: ToolDefinition, context: ToolContext): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: advertisedSchema(tool.input, (context.allowedLocations?.size ?? 0) > 1),
      outputSchema: tool.output as unknown as StandardSchemaWithJSON,
      annotations: { title: tool.title, ...ANNOTATIONS[tool.kind] },
    },
    (args: unknown, ctx) => executeTool(tool, args, { ...context, signal: ctx.mcpReq.signal }),
  );
}

/**
 * How long a 2026-07-28 client may reuse a list. Private: what a caller sees depends on its
 * credential. Reads carry their own hints, per resource.
 */
const CACHE_HINTS = {
  "resources/list": { ttlMs: 60_000, cacheScope: "private" },
  "resources/templates/list": { ttlMs: 3_600_000, cacheScope: "private" },
  "prompts/list": { ttlMs: 3_600_000, cacheScope: "private" },
} as const;

export function createServer(options: ServerOptions): McpServer {
  const server = new McpServer(
    { name: "ghl-mcp", title: "GoHighLevel", version: VERSION },
    {
      instructions: options.instructions ?? INSTRUCTIONS,
      cacheHints: CACHE_HINTS,
      capabilities: { logging: {} },
    },
  );
  for (const tool of selectTools(options.selection)) registerTool(server, tool, options.context);
  registerResources(server, options);
  registerPrompts(server, options);
  return server;
}
