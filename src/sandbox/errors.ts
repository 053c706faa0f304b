// The one error type of the sandbox: a handler or a pipeline step throws it, and the server turns it
// into a NestJS-style body `{statusCode, message, error?, traceId, ...extra}` (PLATFORM.md §4).

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  501: "Not Implemented",
};

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string | string[],
    /** Fields the platform adds beside `message`, such as the duplicate contact's `meta`. */
    readonly extra: Record<string, unknown> = {},
    /** Whether the body carries `error` (the reason phrase); IAM refusals observed without it. */
    readonly withReason = true,
  ) {
    super(Array.isArray(messages) ? messages.join("; ") : messages);
  }

  body(traceId: string): Record<string, unknown> {
    const reason = this.withReason ? { error: REASONS[this.status] } : {};
    return { statusCode: this.status, message: this.messages, ...reason, ...this.extra, traceId };
  }
}

/** 401/403 from the IAM layer: observed bodies carry only statusCode and message (§1.5). */
export function iamError(status: 401 | 403, message: string): SandboxError {
  return new SandboxError(status, message, {}, false);
}

export function badRequest(message: string, extra: Record<string, unknown> = {}): SandboxError {
  return new SandboxError(400, message, extra);
}

export function unprocessable(messages: string[]): SandboxError {
  return new SandboxError(422, messages);
}

/** The platform answers an unknown contact id with 400, not 404 (community-observed, §4.1). */
export function contactNotFound(contactId: string): SandboxError {
  return badRequest(`Contact with id ${contactId} not found`);
}
