// One request through the fake platform, in the check order of PLATFORM.md §1.5: token, rate limit,
// Version, route, token kind, scope, location, validation, handler. Each refusal is the platform's.
import { randomUUID } from "node:crypto";

import {
  findOperation,
  methodsForPath,
  type OperationMatch,
  type SpecOperation,
} from "../spec/operations.js";
import { validateBody, validateQuery } from "../spec/validate.js";
import { SandboxError, iamError, unprocessable } from "./errors.js";
import { HANDLERS, type AuthContext } from "./handlers/registry.js";
import type { RateLimiter } from "./rate-limit.js";
import type { SandboxStore } from "./store.js";
import type { TokenGrant, TokenRegistry } from "./tokens.js";

export interface IncomingCall {
  method: string;
  /** Path and query as received, e.g. `/contacts/?locationId=abc`. */
  url: string;
  headers: Record<string, string | undefined>;
  rawBody: string;
}

export interface OutgoingResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  operationKey?: string;
  /** Set when the body is a file's bytes or text rather than JSON. */
  file?: { contentType: string; disposition: string };
  /** The request as parsed, for the request log; a body that is not JSON stays a string. */
  request: { query: Record<string, string | string[]>; body: unknown };
}

export interface PipelineDependencies {
  store: SandboxStore;
  tokens: TokenRegistry;
  rateLimiter: RateLimiter;
  now: () => number;
  baseUrl: () => string;
}

const PUBLISHED_VERSIONS = new Set(["2021-04-15", "2021-07-28", "2023-02-21", "v3"]);

const TOO_MANY_REQUESTS = { statusCode: 429, message: "Too Many Requests" };

/** Path parameters that name a record, and how to find the location owning it. */
const RECORD_OWNERS: Record<string, (store: SandboxStore, id: string) => string | undefined> = {
  contactId: (store, id) => store.contacts.get(id)?.locationId,
  taskId: (store, id) => store.tasks.get(id)?.locationId,
  businessId: (store, id) => store.businesses.get(id)?.locationId,
  calendarId: (store, id) => store.calendars.get(id)?.locationId,
  groupId: (store, id) => store.calendarGroups.get(id)?.locationId,
  eventId: (store, id) =>
    store.appointments.get(id)?.locationId ?? store.blockedSlots.get(id)?.locationId,
  notificationId: (store, id) => store.calendarNotifications.get(id)?.locationId,
  appointmentId: (store, id) => store.appointments.get(id)?.locationId,
  pipelineId: (store, id) => store.pipelines.get(id)?.locationId,
  campaignId: (store, id) => store.campaigns.get(id)?.locationId,
  workflowId: (store, id) => store.workflows.get(id)?.locationId,
  associationId: (store, id) => store.associations.get(id)?.locationId,
  relationId: (store, id) => store.relations.get(id)?.locationId,
  postId: (store, id) => store.blogPosts.get(id)?.locationId,
  conversationId: (store, id) => store.conversations.get(id)?.locationId,
  messageId: (store, id) => store.messages.get(id)?.locationId,
};

export function runPipeline(call: IncomingCall, deps: PipelineDependencies): OutgoingResponse {
  const traceId = randomUUID();
  const url = new URL(call.url, "http://sandbox.invalid");
  const query = queryObject(url.searchParams);
  const parsed = parseBody(call);
  const request = { query, body: parsed.ok ? parsed.value : call.rawBody };
  let headers = deps.rateLimiter.untouched();
  let operationKey: string | undefined;

  try {
    // Limitation: the OAuth token endpoint, which takes no bearer, is not served yet.
    const grant = authenticate(call.headers.authorization, deps);
    const decision = deps.rateLimiter.take(bucketKey(call.headers.authorization, grant));
    headers = decision.headers;
    if (!decision.allowed) return { status: 429, headers, body: TOO_MANY_REQUESTS, request };
    checkVersion(call.headers.version);

    const routed = route(call.method, url);
    operationKey = routed.operation.key;
    const handler = HANDLERS[operationKey];
    if (!handler) {
      throw new SandboxError(501, `The ghl-mcp sandbox does not implement ${operationKey} yet`);
    }

    const auth = authorize(routed.operation, grant);
    if (!parsed.ok) throw new SandboxError(400, parsed.error);
    checkLocation(auth, routed.params, query, parsed.value, deps.store);

    const validQuery = validateQuery(routed.operation, query);
    const validBody = validateBody(routed.operation, parsed.value);
    const messages = [...validQuery.messages, ...validBody.messages];
    if (messages.length > 0) throw unprocessable(messages);

    const result = handler({
      params: routed.params,
      query: validQuery.value,
      body: validBody.value,
      auth,
      store: deps.store,
      now: deps.now,
      baseUrl: deps.baseUrl(),
      traceId,
    });
    const { status, body, file } = result;
    return { status, headers, body, file, operationKey, request };
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    return { status: error.status, headers, body: error.body(traceId), operationKey, request };
  }
}

/** 401 for a missing or unknown bearer; a `pit-` token gets its own wording (§1.5). */
function authenticate(authorization: string | undefined, deps: PipelineDependencies): TokenGrant {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  const grant = token ? deps.tokens.find(token) : undefined;

  if (!token || !grant) {
    const isPit = token?.startsWith("pit-") === true;
    throw iamError(401, isPit ? "Invalid Private Integration token" : "Invalid JWT");
  }
  // Inferred: an expired access token reads as any other bad JWT (PLATFORM.md §9.3).
  if (grant.expiresAt !== undefined && grant.expiresAt <= deps.now()) {
    throw iamError(401, "Invalid JWT");
  }
  return grant;
}

/** Buckets are per token and per resource (the location, or the company for agency tokens). */
function bucketKey(authorization: string | undefined, grant: TokenGrant): string {
  return `${authorization ?? ""}|${grant.locationId ?? grant.companyId}`;
}

function checkVersion(version: string | undefined): void {
  if (version === undefined || version === "") {
    throw iamError(401, "version header was not found.");
  }
  // Two probes disagree on an unknown value (401 "version header is invalid" vs 400). We answer
  // with the newer observation, a 400, which a client cannot mistake for an expired token.
  if (!PUBLISHED_VERSIONS.has(version)) {
    throw new SandboxError(400, `Invalid API version segment '${version}' at position 0`);
  }
}

/** 404 for a path no operation serves; a known path under the wrong method is an IAM 401 (§1.5). */
function route(method: string, url: URL): OperationMatch {
  const match = findOperation(method, url.pathname);
  if (match) return match;
  if (methodsForPath(url.pathname).length > 0) {
    throw iamError(
      401,
      "This route is not yet supported by the IAM Service. Please update your IAM config.",
    );
  }
  throw new SandboxError(404, `Cannot ${method.toUpperCase()} ${url.pathname}${url.search}`);
}

/**
 * Token kind, then scope. The wording follows what probes measured (§1.1): an agency PIT lacking
 * the scope hears about the scope, one holding it hears "user type mismatch"; a Company OAuth
 * token hears about its authClass; a PIT on an OAuth-only route hears about the scope.
 */
function authorize(operation: SpecOperation, grant: TokenGrant): AuthContext {
  const hasScopes = operation.scopes.every((scope) => grant.scopes.includes(scope));
  const kindAllowed =
    operation.tokenKinds.length === 0 || operation.tokenKinds.includes(grant.kind);

  if (!kindAllowed) {
    const sameLevel = operation.tokenKinds.some(
      (kind) => kind.split("-")[0] === grant.kind.split("-")[0],
    );
    if (sameLevel || !hasScopes) {
      throw iamError(401, "The token is not authorized for this scope.");
    }
    if (grant.kind === "agency-oauth") {
      throw iamError(
        401,
        "This authClass type is not allowed to access this scope. Please verify your IAM configuration if this is not the case.",
      );
    }
    throw iamError(401, "Token's user type mismatch!");
  }
  if (!hasScopes) throw iamError(401, "The token is not authorized for this scope.");

  return {
    kind: grant.kind,
    scopes: grant.scopes,
    companyId: grant.companyId,
    locationId: grant.locationId,
  };
}

/** 403 when the request names, or addresses a record of, a location the token does not cover. */
function checkLocation(
  auth: AuthContext,
  params: Record<string, string>,
  query: Record<string, string | string[]>,
  body: unknown,
  store: SandboxStore,
): void {
  const named: unknown[] = [
    params.locationId,
    query.locationId,
    query.location_id,
    query.altType === "location" ? query.altId : undefined,
    typeof body === "object" && body !== null
      ? (body as { locationId?: unknown }).locationId
      : undefined,
  ];
  for (const [name, id] of Object.entries(params)) named.push(RECORD_OWNERS[name]?.(store, id));

  for (const locationId of named) {
    if (typeof locationId !== "string") continue;
    const covered = auth.locationId
      ? auth.locationId === locationId
      : store.locations.get(locationId)?.companyId === auth.companyId;
    if (!covered) throw iamError(403, "The token does not have access to this location.");
  }
}

/** JSON bodies, and form-encoded ones for the OAuth routes; bad JSON becomes NestJS's 400 later. */
function parseBody(
  call: IncomingCall,
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (call.rawBody.trim() === "") return { ok: true, value: undefined };
  const contentType = call.headers["content-type"] ?? "";
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(call.rawBody)) };
  }
  try {
    return { ok: true, value: JSON.parse(call.rawBody) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** A repeated query parameter becomes an array, as NestJS's query parser makes it. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}
