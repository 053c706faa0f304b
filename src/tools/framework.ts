// What a tool is, and the one place where a tool call becomes a GHL request and a result: defaults
// (the location), validation, paging, shaping and every failure path live here, not in tools.
import { z } from "zod";
import type { CallToolResult, ToolAnnotations } from "@modelcontextprotocol/server";
import { GhlError } from "../ghl/errors.js";
import type { GhlClient, GhlRequest, HttpMethod, QueryValue } from "../ghl/client.js";
import { decodeCursor, encodeCursor, type Pager } from "./paging.js";

export interface ToolContext {
  client: GhlClient;
  /** The configured default location (GHL_LOCATION_ID). */
  locationId?: string;
  companyId?: string;
  /** When set, the only locations this caller may touch (multi-tenant HTTP). */
  allowedLocations?: ReadonlySet<string>;
  signal?: AbortSignal;
  /**
   * The page size list tools use when the caller gives none: set by callers inside the server
   * (resources, prompts) that want every item, so a list GHL returns whole is fetched once.
   */
  pageSize?: number;
}

/** The four MCP hints, chosen once per kind of call so that every tool of a kind says the same. */
export const ANNOTATIONS = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  create: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  /** Adds to what is there (tags, followers, memberships); doing it twice changes nothing more. */
  add: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  /** Overwrites fields; repeating it gives the same state. */
  update: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  remove: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  /** Sends or triggers something each time it is called. */
  send: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
} as const satisfies Record<string, ToolAnnotations>;

export type ToolKind = keyof typeof ANNOTATIONS;

/** Where the tool's inputs go in the HTTP request. */
export interface HttpMapping {
  method: HttpMethod;
  path: string;
  version: string;
  /** Input keys sent as query parameters (path parameters are taken by name from the template). */
  query?: readonly string[];
  /** Input keys sent in the JSON body; "rest" sends every input not used elsewhere. */
  body?: readonly string[] | "rest";
  /** Input key → the name GHL uses on the wire, e.g. locationId → location_id. */
  rename?: Readonly<Record<string, string>>;
  /** Sends `{}` when the body would otherwise be empty (GHL wants a JSON body on some DELETEs). */
  emptyBody?: boolean;
}

/**
 * What the call is about. "location": a `locationId` input that defaults to the configured one.
 * "record": a record addressed by its id, which GHL resolves to its location itself.
 * "company": agency-level, with `companyId` defaulting to GHL_COMPANY_ID.
 */
export type Scope = "location" | "record" | "company" | "none";

export interface ListSpec {
  /** Pulls the items out of GHL's envelope. */
  items(body: unknown): unknown[];
  pager: Pager;
  defaultLimit: number;
  maxLimit: number;
}

export interface ToolDefinition<Input extends z.ZodObject = z.ZodObject, Output = unknown> {
  name: string;
  title: string;
  description: string;
  toolset: string;
  kind: ToolKind;
  scopes: readonly string[];
  /** Whether the call addresses a location (a `locationId` input that defaults to the configured one). */
  scope: Scope;
  input: Input;
  output: z.ZodType;
  /** The official spec operation this tool calls ("<file>/<operationId>"), for the conformance test. */
  operation?: string;
  /** The request of a single-call tool, for readers and for the conformance test. */
  http?: HttpMapping;
  /** Marks tools GHL deprecated: kept, and their description says what to use instead. */
  deprecated?: boolean;
  run(input: z.infer<Input> & ResolvedArgs, ctx: ToolContext): Promise<Output>;
  /** A one-line, human-readable account of the result, shown before the data. */
  summary?(output: Output): string;
}

export interface ResolvedArgs {
  locationId: string;
  companyId: string;
  cursor?: string;
  limit?: number;
}

export const locationIdInput = z
  .string()
  .refine((value) => value.trim() !== "", "must be a location id")
  .optional()
  .describe("Default: configured location");

const EMAIL = z.email();
export const isEmail = (value: string) => EMAIL.safeParse(value).success;

/** An email address, checked here rather than advertised as a `format` beside its description. */
export function emailInput(description = "Email") {
  return z.string().refine(isEmail, "must be an email address").describe(description);
}

/** The JSON Schema mark of an object advertised without its fields (see `openObject`). */
export const OPEN_OBJECT = "x-ghl-open";

/**
 * Rarely used fields of a large GHL body, gathered in one object that the model sees only as
 * "an object with these field names" while the framework validates every field strictly.
 * `examples` names the few worth advertising (by default the first three of a longer list, then
 * "…"); an unknown field
 * is refused with the list of accepted ones (see `describeInvalidInput`).
 */
export function openObject<Shape extends z.ZodRawShape>(
  shape: Shape,
  examples?: readonly (keyof Shape & string)[],
) {
  const keys = Object.keys(shape);
  const names = examples ?? (keys.length > 4 ? keys.slice(0, 3) : keys);
  const description = [...names, ...(names.length < keys.length ? ["…"] : [])].join(", ");
  return z
    .strictObject(shape)
    .meta({ [OPEN_OBJECT]: true })
    .describe(description);
}

/** A `prepare` for tools whose `more` fields join the wire body at the top level, as they are. */
export function spreadMore({ more }: { more?: object }): Record<string, unknown> {
  return { ...more, more: undefined };
}

/**
 * An id argument. The non-empty check is a refinement so the advertised schema stays short; the
 * description is `what` (contactId: "Contact") unless a longer one is given.
 */
export function idInput(what: string, description = what) {
  return z
    .string()
    .refine((value) => value.trim() !== "", `must be a ${what} id`)
    .describe(description);
}

/** Calls GHL once, mapping inputs as `http` says. */
export async function callGhl(
  tool: Pick<ToolDefinition, "name" | "scopes" | "kind" | "scope">,
  http: HttpMapping,
  args: Record<string, unknown>,
  ctx: ToolContext,
  adjust?: (request: GhlRequest) => void,
): Promise<unknown> {
  const request = buildRequest(tool, http, args);
  request.signal = ctx.signal;
  adjust?.(request);
  if (request.body === undefined && http.emptyBody) request.body = {};
  const response = await ctx.client.request(request);
  return response.body;
}

export function buildRequest(
  tool: Pick<ToolDefinition, "scopes" | "kind" | "scope">,
  http: HttpMapping,
  args: Record<string, unknown>,
): GhlRequest {
  const used = new Set<string>(["cursor", "limit", "companyId"]);
  if (tool.scope !== "location") used.add("locationId");
  const wire = (key: string) => http.rename?.[key] ?? key;

  const pathParams: Record<string, string> = {};
  for (const [, name] of http.path.matchAll(/\{(\w+)\}/g)) {
    const key = Object.entries(http.rename ?? {}).find(([, to]) => to === name)?.[0] ?? name!;
    pathParams[name!] = String(args[key] ?? "");
    used.add(key);
  }

  const query: Record<string, QueryValue> = {};
  for (const key of http.query ?? []) {
    used.add(key);
    const value = args[key];
    if (value !== undefined) query[wire(key)] = value as QueryValue;
  }

  let body: Record<string, unknown> | undefined;
  const bodyKeys =
    http.body === "rest" ? Object.keys(args).filter((key) => !used.has(key)) : (http.body ?? []);
  for (const key of bodyKeys) {
    const value = args[key];
    if (value === undefined) continue;
    body ??= {};
    body[wire(key)] = value;
  }

  return {
    method: http.method,
    path: http.path,
    pathParams,
    query,
    body,
    version: http.version,
    scopes: tool.scopes,
    resource: String(args.locationId || args.companyId || "default"),
    idempotent: ANNOTATIONS[tool.kind].readOnlyHint || ANNOTATIONS[tool.kind].idempotentHint,
    audience: tool.scope === "company" ? "agency" : undefined,
  };
}

/**
 * A list call: the cursor becomes the pager's position, the items come back with `nextCursor`.
 * Returns the raw envelope too, for tools that surface totals.
 */
export async function listGhl(
  tool: Pick<ToolDefinition, "name" | "scopes" | "kind" | "scope">,
  http: HttpMapping,
  list: ListSpec,
  args: Record<string, unknown> & ResolvedArgs,
  ctx: ToolContext,
): Promise<{ items: unknown[]; nextCursor?: string; body: unknown }> {
  const state = args.cursor ? decodeCursor(tool.name, args, args.cursor) : undefined;
  // GHL's own page size caps a paged endpoint; a whole-list endpoint has no cap but the caller's.
  const cap = list.pager.slice ? Number.POSITIVE_INFINITY : list.maxLimit;
  const limit = Math.min(args.limit ?? ctx.pageSize ?? list.defaultLimit, cap);
  const request = buildRequest(tool, http, args);
  request.signal = ctx.signal;
  list.pager.apply(request, state, limit);
  if (request.body === undefined && http.emptyBody) request.body = {};
  const { body } = await ctx.client.request(request);
  const all = list.items(body);
  const items = list.pager.slice ? list.pager.slice(all, state, limit) : all;
  const next = list.pager.next(body, all, state, limit);
  return { items, body, nextCursor: next ? encodeCursor(tool.name, args, next) : undefined };
}

/**
 * A whole number from `min` to `max`. Only the maximum is advertised: a model rarely asks for
 * zero or a fraction, and the framework refuses both, naming the field.
 */
export function countInput(max: number, min = 1) {
  return z
    .number()
    .max(max)
    .refine((n) => Number.isInteger(n) && n >= min, `must be a whole number from ${min} to ${max}`)
    .meta({ type: "integer" });
}

/** A whole number of at least `min`, with no bound advertised. */
export function wholeNumberInput(min = 0) {
  return z
    .number()
    .refine((n) => Number.isInteger(n) && n >= min, `must be a whole number, at least ${min}`)
    .meta({ type: "integer" });
}

/** The cursor every list tool takes: a page's `nextCursor`, passed back. */
export const cursorInput = z.string().optional().describe("Page");

/**
 * A page size from 1 to `max`, described as "Max <max>" rather than advertised as a bound; the
 * framework refuses zero, fractions and larger numbers, naming the field.
 */
export function pageSizeInput(max: number) {
  return z
    .number()
    .refine(
      (n) => Number.isInteger(n) && n >= 1 && n <= max,
      `must be a whole number from 1 to ${max}`,
    )
    .meta({ type: "integer" })
    .describe(`Max ${max}`);
}

/**
 * The paging inputs of a search tool: the cursor, and a page size of at most `maxLimit` (the
 * tool's `defaultLimit` when left out). Other list tools take the cursor only and page at their
 * default size.
 */
export function pagingInputs(maxLimit: number) {
  return { cursor: cursorInput, limit: pageSizeInput(maxLimit).optional() };
}

/** Fills in the location (and company) the call is about, and checks the caller may touch it. */
export function resolveArgs(
  tool: ToolDefinition,
  args: Record<string, unknown>,
  ctx: ToolContext,
): Record<string, unknown> & ResolvedArgs {
  const locationId = (args.locationId as string | undefined) ?? ctx.locationId;
  const companyId = (args.companyId as string | undefined) ?? ctx.companyId;
  if (tool.scope === "location" && !locationId) {
    throw new GhlError({
      kind: "invalid_input",
      message: "locationId: no location was given and none is configured.",
      hint: "Pass locationId, or set GHL_LOCATION_ID when starting ghl-mcp.",
    });
  }
  if (tool.scope === "company" && !companyId) {
    throw new GhlError({
      kind: "invalid_input",
      message: "companyId: no agency (company) id was given and none is configured.",
      hint: "Pass companyId, or set GHL_COMPANY_ID (with an agency token) when starting ghl-mcp.",
    });
  }
  if (locationId && ctx.allowedLocations && !ctx.allowedLocations.has(locationId)) {
    throw new GhlError({
      kind: "forbidden",
      message: `locationId: ${locationId} is not one of the locations you may use.`,
      hint: `Use one of: ${[...ctx.allowedLocations].join(", ")}.`,
    });
  }
  return { ...args, locationId: locationId ?? "", companyId: companyId ?? "" };
}

/**
 * Turns zod's issues into one line per field, in words a model can act on. Given the input schema,
 * an unknown field inside an object (such as `more`, whose fields are not advertised) is answered
 * with the fields that object accepts.
 */
export function describeInvalidInput(
  toolName: string,
  error: z.ZodError,
  input?: z.ZodType,
): GhlError {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(arguments)";
    if (issue.code === "unrecognized_keys") {
      const accepted = issue.path.length > 0 && input ? fieldsAt(input, issue.path) : undefined;
      const choice = accepted ? `; it accepts ${accepted.join(", ")}` : "; remove them";
      return `${field}: unknown argument(s) ${issue.keys.join(", ")}${choice}`;
    }
    if (issue.code === "invalid_type" && issue.input === undefined) {
      return `${field}: is required`;
    }
    return `${field}: ${issue.message}`;
  });
  return new GhlError({
    kind: "invalid_input",
    message: `Invalid arguments for ${toolName}: ${lines.join("; ")}.`,
    hint: "Fix these arguments and call again; nothing was sent to GoHighLevel.",
  });
}

/** The field names of the object found at `path` in `schema`, looking through wrappers. */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  const unwrap = (node: unknown): unknown =>
    node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault
      ? unwrap(node.unwrap())
      : node;
  let node = unwrap(schema);
  for (const step of path) {
    if (node instanceof z.ZodObject) node = unwrap(node.shape[String(step)]);
    else if (node instanceof z.ZodArray) node = unwrap(node.element);
    else return undefined;
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : undefined;
}

export function errorResult(error: unknown): CallToolResult {
  if (error instanceof GhlError) {
    const status = error.status ? ` (HTTP ${error.status})` : "";
    const trace = error.traceId ? ` [traceId ${error.traceId}]` : "";
    return {
      isError: true,
      content: [
        {
          type: "text",
          text: `Error${status}: ${error.message}${trace}\nWhat to do: ${error.hint}`,
        },
      ],
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    isError: true,
    content: [
      {
        type: "text",
        text: `Error: ghl-mcp failed unexpectedly: ${message}\nWhat to do: try again; if it repeats, report it.`,
      },
    ],
  };
}

export function successResult<Output>(
  tool: ToolDefinition<z.ZodObject, Output>,
  output: Output,
): CallToolResult {
  const data = JSON.stringify(output);
  const text = tool.summary ? `${tool.summary(output)}\n${data}` : data;
  return {
    content: [{ type: "text", text }],
    structuredContent: output as Record<string, unknown>,
  };
}

/** Runs a tool from raw arguments to an MCP result. No tool has a try/catch of its own. */
export async function executeTool(
  tool: ToolDefinition,
  rawArgs: unknown,
  ctx: ToolContext,
): Promise<CallToolResult> {
  try {
    return successResult(tool, await invokeTool(tool, rawArgs, ctx));
  } catch (error) {
    return errorResult(error);
  }
}

/** Validates, fills in defaults and runs a tool: its structured output, or a thrown GhlError. */
export async function invokeTool(
  tool: ToolDefinition,
  rawArgs: unknown,
  ctx: ToolContext,
): Promise<unknown> {
  const parsed = tool.input.safeParse(rawArgs ?? {});
  if (!parsed.success) throw describeInvalidInput(tool.name, parsed.error, tool.input);
  const args = resolveArgs(tool, parsed.data as Record<string, unknown>, ctx);
  return tool.run(args as never, ctx);
}

/** Declares a tool; the identity function, there for type inference. */
export function defineTool<Input extends z.ZodObject, Output>(
  definition: ToolDefinition<Input, Output>,
): ToolDefinition<Input, Output> {
  return definition;
}

type Shape<Input extends z.ZodObject, Output> = (
  body: unknown,
  args: z.infer<Input> & ResolvedArgs,
) => Output;

/** A tool that makes one GHL request: pure data plus a function that shapes the answer. */
export function requestTool<Input extends z.ZodObject, Output>(
  definition: Omit<ToolDefinition<Input, Output>, "run" | "http"> & {
    http: HttpMapping;
    /** Reshapes the arguments into what GHL expects, when the input is friendlier than the wire. */
    prepare?: Prepare<Input>;
    shape: Shape<Input, Output>;
  },
): ToolDefinition<Input, Output> {
  const { shape, prepare, ...rest } = definition;
  return {
    ...rest,
    async run(args, ctx) {
      const wire = prepare ? { ...args, ...prepare(args) } : args;
      return shape(await callGhl(definition, definition.http, wire, ctx), args);
    },
  };
}

type Prepare<Input extends z.ZodObject> = (
  args: z.infer<Input> & ResolvedArgs,
) => Record<string, unknown>;

/** A list tool: one GHL request per page, behind the common cursor. */
export function listTool<Input extends z.ZodObject, Output>(
  definition: Omit<ToolDefinition<Input, Output>, "run" | "http"> & {
    http: HttpMapping;
    list: ListSpec;
    prepare?: Prepare<Input>;
    shape(page: { items: unknown[]; nextCursor?: string; body: unknown }): Output;
  },
): ToolDefinition<Input, Output> {
  const { shape, list, prepare, ...rest } = definition;
  return {
    summary: summarizePage,
    ...rest,
    async run(args, ctx) {
      const wire = prepare ? { ...args, ...prepare(args) } : args;
      return shape(await listGhl(definition, definition.http, list, wire, ctx));
    },
  };
}

/** "3 tasks; more with nextCursor": how a page reads when the tool has nothing better to say. */
function summarizePage(output: unknown): string {
  const record = (output ?? {}) as Record<string, unknown>;
  const [key, items] = Object.entries(record).find(([, value]) => Array.isArray(value)) ?? [];
  const count = Array.isArray(items) ? items.length : 0;
  const more = record.nextCursor ? "; more with nextCursor" : "";
  const total = typeof record.total === "number" ? ` of ${record.total}` : "";
  return `${count}${total} ${key ?? "items"}${more}.`;
}
