// Typed failures of a GHL call. Each carries what happened in GHL's own words and what the caller
// (usually a model) should do next; none ever carries the token.

export type GhlErrorKind =
  | "invalid_input" // refused locally, before anything was sent
  | "missing_scope" // refused locally: the credential lacks a scope
  | "unauthorized" // 401: bad, expired or wrong kind of token, or a scope GHL says is missing
  | "forbidden" // 403: the token cannot reach that location
  | "validation" // 400 / 422: GHL rejected the request as sent
  | "not_found" // 404, or GHL's 400 "... not found"
  | "rate_limited" // 429 that did not clear in time, or the daily quota is spent
  | "server" // 5xx
  | "timeout"
  | "network"
  | "malformed"; // a 2xx whose body is not the JSON GHL promises

export interface GhlErrorDetails {
  kind: GhlErrorKind;
  message: string;
  hint: string;
  status?: number;
  /** GHL's own message, joined when GHL sends an array. */
  ghlMessage?: string;
  traceId?: string;
  /** What was being done, e.g. "GET /contacts/{contactId}". */
  operation?: string;
}

export class GhlError extends Error {
  readonly kind: GhlErrorKind;
  readonly hint: string;
  readonly status?: number;
  readonly ghlMessage?: string;
  readonly traceId?: string;
  readonly operation?: string;

  constructor(details: GhlErrorDetails) {
    super(details.message);
    this.name = "GhlError";
    this.kind = details.kind;
    this.hint = details.hint;
    this.status = details.status;
    this.ghlMessage = details.ghlMessage;
    this.traceId = details.traceId;
    this.operation = details.operation;
  }
}

interface ErrorBody {
  message?: unknown;
  error?: unknown;
  detail?: unknown;
  traceId?: unknown;
  meta?: unknown;
}

/** GHL's message: `message` (joined when it is an array), else `error`, else `detail`. */
export function readGhlMessage(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim() || undefined;
  if (!body || typeof body !== "object") return undefined;
  const { message, error, detail } = body as ErrorBody;
  for (const candidate of [message, error, detail]) {
    if (Array.isArray(candidate)) return candidate.map(String).join("; ");
    if (typeof candidate === "string" && candidate) return candidate;
    if (candidate && typeof candidate === "object") return JSON.stringify(candidate);
  }
  return undefined;
}

function hintFor(
  status: number,
  ghlMessage: string,
  body: unknown,
): { kind: GhlErrorKind; hint: string } {
  const lower = ghlMessage.toLowerCase();
  if (status === 401) {
    if (lower.includes("scope")) {
      return {
        kind: "unauthorized",
        hint: "The GHL credential lacks the scope this operation needs. Grant it to the Private Integration or app, then set GHL_SCOPES to match.",
      };
    }
    if (lower.includes("user type") || lower.includes("authclass")) {
      return {
        kind: "unauthorized",
        hint: "This operation needs the other kind of token (sub-account vs agency). Use a sub-account token for location data and an agency token with GHL_COMPANY_ID for agency operations.",
      };
    }
    if (lower.includes("version header")) {
      return {
        kind: "unauthorized",
        hint: "This is a ghl-mcp bug: the Version header was refused. Please report it.",
      };
    }
    return {
      kind: "unauthorized",
      hint: "GHL did not accept the token. Check GHL_TOKEN: it may be mistyped, rotated, revoked or expired. Retrying will not help.",
    };
  }
  if (status === 403) {
    return {
      kind: "forbidden",
      hint: "The token cannot reach this location. Use a locationId the token was issued for (leave it out to use the configured GHL_LOCATION_ID).",
    };
  }
  if (status === 404 || (status === 400 && /not found|does not exist/.test(lower))) {
    return {
      kind: "not_found",
      hint: "Check the id: look the record up again (for a contact, with contacts_find) and use the id it returns.",
    };
  }
  if (status === 400 && lower.includes("duplicate opportunity")) {
    const meta = (body as ErrorBody | undefined)?.meta as { existingId?: string } | undefined;
    const existing = meta?.existingId ? ` It is ${meta.existingId}.` : "";
    return {
      kind: "validation",
      hint: `The contact already has an opportunity in this pipeline.${existing} Update that one, or use opportunities_upsert.`,
    };
  }
  if (status === 400 && lower.includes("duplicate")) {
    const meta = (body as ErrorBody | undefined)?.meta as
      { contactId?: string; matchingField?: string } | undefined;
    const existing = meta?.contactId
      ? ` The existing contact is ${meta.contactId} (matched on ${meta.matchingField ?? "email or phone"}).`
      : "";
    return {
      kind: "validation",
      hint: `A contact with this email or phone already exists.${existing} Update that contact, or use contacts_upsert.`,
    };
  }
  if (status === 400 || status === 422) {
    return {
      kind: "validation",
      hint: "Fix the fields GHL names and call again; the same request will fail the same way.",
    };
  }
  if (status === 429) {
    return {
      kind: "rate_limited",
      hint: "GHL's rate limit is reached. Wait a little and try again, or do fewer calls.",
    };
  }
  if (status >= 500) {
    return {
      kind: "server",
      hint: "GHL had an internal error. Try again in a moment; if it persists, GHL may be having an outage.",
    };
  }
  return {
    kind: "validation",
    hint: "GHL refused the request. Check the arguments and try again.",
  };
}

export function errorFromResponse(status: number, body: unknown, operation: string): GhlError {
  const ghlMessage = readGhlMessage(body) ?? `HTTP ${status}`;
  const { kind, hint } = hintFor(status, ghlMessage, body);
  const traceId =
    body && typeof body === "object" && typeof (body as ErrorBody).traceId === "string"
      ? ((body as ErrorBody).traceId as string)
      : undefined;
  return new GhlError({
    kind,
    hint,
    status,
    ghlMessage,
    traceId,
    operation,
    message: `GHL answered ${status} to ${operation}: ${ghlMessage}`,
  });
}
