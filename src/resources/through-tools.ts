// Resources and prompts read GoHighLevel through the tool declarations, so a resource gets what
// the matching tool gets: the same requests, scopes, rate budget, paging, shaping and errors.
import {
  ProtocolError,
  ProtocolErrorCode,
  ResourceNotFoundError,
} from "@modelcontextprotocol/server";
import { GhlError } from "../ghl/errors.js";
import { callGhl, invokeTool, type ToolContext, type ToolDefinition } from "../tools/framework.js";
import { allTools } from "../tools/index.js";
import { field } from "../tools/shape.js";

type Json = Record<string, unknown>;

export function toolNamed(name: string): ToolDefinition {
  const tool = allTools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`No tool named ${name} is declared`);
  return tool;
}

/** Whether every named tool is declared and among `selected` (the tools this server exposes). */
export function toolsAvailable(names: readonly string[], selected: ReadonlySet<string>): boolean {
  return names.every((name) => selected.has(name));
}

/** Runs a tool from its arguments to its structured output, as a tool call would. */
export async function runTool<Output = Record<string, unknown>>(
  name: string,
  args: Record<string, unknown>,
  ctx: ToolContext,
): Promise<Output> {
  return (await invokeTool(toolNamed(name), args, ctx)) as Output;
}

/** Every item of a list tool, page after page, up to `max`. */
export async function runAllPages<Item = Record<string, unknown>>(
  name: string,
  key: string,
  args: Record<string, unknown>,
  ctx: ToolContext,
  max = 500,
): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await runTool<Record<string, unknown>>(
      name,
      { ...args, cursor },
      { ...ctx, pageSize: max - items.length },
    );
    items.push(...((page[key] as Item[] | undefined) ?? []));
    cursor = page.nextCursor as string | undefined;
  } while (cursor && items.length < max);
  return items.slice(0, max);
}

/** Where records live, once seen: a contact or calendar never moves between locations. */
const homes = new WeakMap<ToolContext, Map<string, string>>();

export function rememberHome(ctx: ToolContext, recordId: string, locationId: string): void {
  let known = homes.get(ctx);
  if (!known) homes.set(ctx, (known = new Map()));
  known.set(recordId, locationId);
}

/**
 * A record fetched with a get tool's own request (`key` is its envelope, e.g. "contact"), refused
 * unless it lives in `locationId`: GHL finds a record by its id alone, and a URI must never show
 * one location's record under another location's name.
 */
export async function fetchIn(
  toolName: string,
  key: string,
  args: Record<string, string>,
  locationId: string,
  ctx: ToolContext,
): Promise<Json> {
  const tool = toolNamed(toolName);
  const record = field(await callGhl(tool, tool.http!, args, ctx), key) as Json | undefined;
  const recordId = Object.values(args)[0]!;
  const home = record?.locationId;
  if (!record || (typeof home === "string" && home !== locationId)) {
    throw new GhlError({
      kind: "not_found",
      message: `No ${key} ${recordId} in location ${locationId}.`,
      hint: `Use the location the ${key} belongs to.`,
    });
  }
  rememberHome(ctx, recordId, locationId);
  return record;
}

/** Like `fetchIn`, but only checks, and only the first time. */
export async function checkIn(
  toolName: string,
  key: string,
  args: Record<string, string>,
  locationId: string,
  ctx: ToolContext,
): Promise<void> {
  if (homes.get(ctx)?.get(Object.values(args)[0]!) === locationId) return;
  await fetchIn(toolName, key, args, locationId, ctx);
}

/**
 * A failed read in protocol terms: an unknown record is "resource not found", a bad part of the
 * URI is "invalid params", anything else an internal error that says what GoHighLevel answered.
 */
export function asProtocolError(error: unknown, uri: string): Error {
  if (error instanceof ProtocolError || !(error instanceof GhlError)) return error as Error;
  if (error.kind === "not_found") return new ResourceNotFoundError(uri, error.message);
  const message = `${error.message} ${error.hint}`;
  if (error.kind === "invalid_input" || error.kind === "forbidden") {
    return new ProtocolError(ProtocolErrorCode.InvalidParams, message, { uri });
  }
  return new ProtocolError(ProtocolErrorCode.InternalError, message, { uri, kind: error.kind });
}
