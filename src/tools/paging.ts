// One paging model for every list tool: the model passes an opaque `cursor` and gets `nextCursor`,
// whatever GHL uses underneath (skip/limit, page numbers, searchAfter, startAfter ids, or nothing).
import { createHash } from "node:crypto";
import { GhlError } from "../ghl/errors.js";
import type { GhlRequest } from "../ghl/client.js";

export type CursorState = Record<string, unknown>;

/** How one GHL endpoint pages: where the position goes in the request, and how the next is found. */
export interface Pager {
  /** Puts the position and page size into the request. `state` is undefined for the first page. */
  apply(request: GhlRequest, state: CursorState | undefined, limit: number): void;
  /** The state of the next page, or undefined on the last one. */
  next(
    body: unknown,
    items: unknown[],
    state: CursorState | undefined,
    limit: number,
  ): CursorState | undefined;
  /** Pagers that get the whole list and slice it themselves. */
  slice?(items: unknown[], state: CursorState | undefined, limit: number): unknown[];
}

function setParam(
  request: GhlRequest,
  place: "query" | "body",
  name: string,
  value: unknown,
): void {
  if (place === "query") {
    request.query = { ...request.query, [name]: value as string };
  } else {
    request.body = { ...(request.body as object | undefined), [name]: value };
  }
}

/** `skip` + `limit` (or `offset` + `limit`): the next page starts where this one ended. */
export function offsetPager(options: {
  place: "query" | "body";
  offset: string;
  limit: string;
  /** GHL types many of these as strings. */
  asString?: boolean;
}): Pager {
  const value = (n: number) => (options.asString ? String(n) : n);
  return {
    apply(request, state, limit) {
      setParam(request, options.place, options.offset, value(Number(state?.offset ?? 0)));
      setParam(request, options.place, options.limit, value(limit));
    },
    next(_body, items, state, limit) {
      return items.length < limit
        ? undefined
        : { offset: Number(state?.offset ?? 0) + items.length };
    },
  };
}

/** The endpoint returns everything at once; we hand it out a page at a time. */
export const wholeListPager: Pager = {
  apply() {},
  next(_body, items, state, limit) {
    const end = Number(state?.offset ?? 0) + limit;
    return end < items.length ? { offset: end } : undefined;
  },
  slice(items, state, limit) {
    const start = Number(state?.offset ?? 0);
    return items.slice(start, start + limit);
  },
};

interface CursorPayload {
  /** The tool the cursor came from. */
  t: string;
  /** A fingerprint of the other arguments: a cursor only continues the same query. */
  q: string;
  s: CursorState;
}

export function fingerprint(args: Record<string, unknown>): string {
  const { cursor: _cursor, limit: _limit, ...rest } = args;
  const canonical = JSON.stringify(rest, Object.keys(rest).sort());
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 12);
}

export function encodeCursor(
  tool: string,
  args: Record<string, unknown>,
  state: CursorState,
): string {
  const payload: CursorPayload = { t: tool, q: fingerprint(args), s: state };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeCursor(
  tool: string,
  args: Record<string, unknown>,
  cursor: string,
): CursorState {
  let payload: Partial<CursorPayload> | undefined;
  try {
    payload = JSON.parse(
      Buffer.from(cursor, "base64url").toString("utf8"),
    ) as Partial<CursorPayload>;
  } catch {
    payload = undefined;
  }
  const problem =
    !payload || typeof payload.s !== "object" || payload.s === null
      ? "is not a cursor this server issued"
      : payload.t !== tool
        ? `came from ${String(payload.t)}, not ${tool}`
        : payload.q !== fingerprint(args)
          ? "belongs to a query with other arguments"
          : undefined;
  if (problem) {
    throw new GhlError({
      kind: "invalid_input",
      message: `cursor: the value ${problem}.`,
      hint: "Pass back nextCursor exactly as returned, with the same other arguments, or leave cursor out to start from the first page.",
    });
  }
  return payload!.s as CursorState;
}
