// The one GHL client a server shares: scopes checked locally, a pooled keep-alive connection,
// per-location rate limits, retries only where repeating is safe, a circuit breaker, timeouts,
// and typed errors. Tools describe requests; this file is the only place that sends them.
import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  wrap,
  type IPolicy,
} from "cockatiel";
import { Agent } from "undici";
import type { CredentialProvider } from "../auth/credentials.js";
import type { Logger } from "../logger.js";
import { GhlError, errorFromResponse } from "./errors.js";
import { RateLimiter, type Clock, type RateLimits } from "./rate-limiter.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface GhlRequest {
  method: HttpMethod;
  /** Path template as in the spec, e.g. `/contacts/{contactId}`; used in logs and errors. */
  path: string;
  pathParams?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The Version header this operation declares in the official spec. */
  version: string;
  scopes: readonly string[];
  /** The location (or company) the call counts against, for rate limiting. */
  resource: string;
  /**
   * Whether sending the request twice is harmless. Only such requests are retried after a
   * timeout, a dropped connection or a 5xx; a create or a send is never repeated blindly.
   */
  idempotent: boolean;
  /** Agency-level operations go out with the agency credential, when one is configured. */
  audience?: "agency";
  /** "binary": a 2xx body comes back as a Buffer, unparsed (call recordings, file downloads). */
  responseType?: "json" | "binary";
  signal?: AbortSignal;
}

export interface GhlResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface GhlClientOptions {
  baseUrl: string;
  credentials: CredentialProvider;
  /** A second, agency-level credential (GHL_AGENCY_TOKEN) for company, snapshot and similar calls. */
  agencyCredentials?: CredentialProvider;
  logger: Logger;
  timeoutMs?: number;
  /** How many times a 429 is waited out before giving up. */
  maxRateLimitWaits?: number;
  /** Retries after a 5xx or a network failure, for idempotent requests only. */
  maxRetries?: number;
  rateLimits?: RateLimits;
  clock?: Clock;
}

const RETRYABLE_KINDS = new Set(["server", "timeout", "network"]);

export class GhlClient {
  readonly baseUrl: string;
  private readonly agent: Agent;
  private readonly limiter: RateLimiter;
  private readonly retrying: IPolicy;
  private readonly once: IPolicy;
  private readonly timeoutMs: number;
  private readonly maxRateLimitWaits: number;

  constructor(private readonly options: GhlClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRateLimitWaits = options.maxRateLimitWaits ?? 3;
    this.limiter = new RateLimiter(options.rateLimits, options.clock);
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      connections: 16,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });

    // One breaker for all calls: when GHL keeps failing, stop hammering it for a while.
    const breaker = circuitBreaker(
      handleWhen((error) => error instanceof GhlError && RETRYABLE_KINDS.has(error.kind)),
      { halfOpenAfter: 15_000, breaker: new ConsecutiveBreaker(5) },
    );
    const retrier = retry(
      handleWhen((error) => error instanceof GhlError && RETRYABLE_KINDS.has(error.kind)),
      {
        maxAttempts: options.maxRetries ?? 2,
        backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 3_000 }),
      },
    );
    this.retrying = wrap(retrier, breaker);
    this.once = breaker;
  }

  get scopes() {
    return this.options.credentials.scopes;
  }

  async request<T = unknown>(request: GhlRequest): Promise<GhlResponse<T>> {
    const operation = `${request.method} ${request.path}`;
    const credentials = this.credentialsFor(request);
    const missing = credentials.scopes.missing(request.scopes);
    if (missing.length > 0) {
      throw this.explainAgencyRefusal(
        request,
        new GhlError({
          kind: "missing_scope",
          operation,
          message: `The GHL credential is not granted ${missing.join(", ")}, which ${operation} needs.`,
          hint: `Add ${missing.join(", ")} to the Private Integration (or app) scopes and to GHL_SCOPES, or use another tool.`,
        }),
      );
    }
    const url = this.url(request);
    const policy = request.idempotent ? this.retrying : this.once;
    let attempt = 0;
    try {
      return await policy.execute(() =>
        this.sendWaitingOutRateLimits<T>(request, url, operation, attempt++),
      );
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new GhlError({
          kind: "server",
          operation,
          message: "GHL calls are paused after several failures in a row.",
          hint: "GHL looks unavailable. Wait 15 seconds and try again.",
        });
      }
      throw this.explainAgencyRefusal(request, error);
    }
  }

  /**
   * An agency-level call refused for its token is nearly always a sub-account token standing in
   * for a missing agency one: say so plainly, with the settings that fix it.
   */
  private explainAgencyRefusal(request: GhlRequest, error: unknown): unknown {
    const refused =
      error instanceof GhlError &&
      (error.kind === "unauthorized" || error.kind === "missing_scope");
    if (request.audience !== "agency" || !refused) return error;
    const used = this.options.agencyCredentials
      ? "GHL_AGENCY_TOKEN was refused for it"
      : "no agency token is configured, so GHL_TOKEN was used";
    return new GhlError({
      kind: error.kind,
      status: error.status,
      ghlMessage: error.ghlMessage,
      traceId: error.traceId,
      operation: error.operation,
      message: `${request.method} ${request.path} is an agency-level operation and needs an agency token; ${used}. (${error.message})`,
      hint: `Set GHL_AGENCY_TOKEN to an agency Private Integration Token (or agency OAuth token) granted ${request.scopes.join(", ")}, and GHL_COMPANY_ID to the agency's id. A sub-account token cannot do this.`,
    });
  }

  private credentialsFor(request: GhlRequest): CredentialProvider {
    return (
      (request.audience === "agency" && this.options.agencyCredentials) || this.options.credentials
    );
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private url(request: GhlRequest): URL {
    const path = request.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = request.pathParams?.[name];
      if (value === undefined || value === "") {
        throw new GhlError({
          kind: "invalid_input",
          message: `Missing path parameter ${name} for ${request.method} ${request.path}.`,
          hint: `Provide ${name}.`,
        });
      }
      return encodeURIComponent(value);
    });
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, item);
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  /** A 429 means GHL did not process the request, so waiting and resending is safe for any call. */
  private async sendWaitingOutRateLimits<T>(
    request: GhlRequest,
    url: URL,
    operation: string,
    attempt: number,
  ): Promise<GhlResponse<T>> {
    const bucket = this.limiter.bucket(request.resource);
    for (let waits = 0; ; waits++) {
      await bucket.acquire();
      const started = Date.now();
      const response = await this.send(request, url, operation);
      bucket.observe(response.headers);
      this.options.logger.debug(
        {
          method: request.method,
          path: request.path,
          status: response.status,
          ms: Date.now() - started,
          retry: attempt,
          waits,
        },
        "ghl call",
      );
      if (response.status !== 429) return this.interpret<T>(response, operation, request);

      const retryAfter = Number(response.headers.get("retry-after"));
      const wait =
        Number.isFinite(retryAfter) && retryAfter > 0
          ? retryAfter * 1000
          : response.headers.has("x-ratelimit-interval-milliseconds")
            ? bucket.interval
            : Math.min(500 * 2 ** waits, 10_000);
      const dailyLeft = response.headers.get("x-ratelimit-daily-remaining");
      if (dailyLeft === "0" || waits >= this.maxRateLimitWaits) {
        throw errorFromResponse(429, await readBody(response), operation);
      }
      await response.text();
      bucket.blockUntil(this.limiter.clock.now() + wait);
    }
  }

  private async send(request: GhlRequest, url: URL, operation: string): Promise<Response> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${await this.credentialsFor(request).token()}`,
      Version: request.version,
      Accept: request.responseType === "binary" ? "*/*" : "application/json",
    };
    if (request.body !== undefined) headers["Content-Type"] = "application/json";
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      return await fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        // undici's pooled keep-alive agent; the global fetch honours it, and test interceptors
        // that replace the global fetch still see this exact call.
        dispatcher: this.agent,
      } as RequestInit);
    } catch (error) {
      if (timeout.aborted) {
        throw new GhlError({
          kind: "timeout",
          operation,
          message: `GHL did not answer ${operation} within ${this.timeoutMs / 1000} s.`,
          hint: request.idempotent
            ? "GHL is slow right now; try again shortly."
            : "The change may or may not have been applied. Read the record back before trying again, so it is not done twice.",
        });
      }
      if (request.signal?.aborted) throw error;
      throw new GhlError({
        kind: "network",
        operation,
        message: `Could not reach GHL for ${operation}: ${(error as Error).cause ?? (error as Error).message}`,
        hint: request.idempotent
          ? "Check the network and GHL_BASE_URL, then try again."
          : "The change may or may not have been applied. Read the record back before trying again.",
      });
    }
  }

  private async interpret<T>(
    response: Response,
    operation: string,
    request: GhlRequest,
  ): Promise<GhlResponse<T>> {
    if (response.ok && request.responseType === "binary") {
      const bytes = Buffer.from(await response.arrayBuffer());
      return { status: response.status, body: bytes as T, headers: response.headers };
    }
    const { body, parsed } = await readBodyDetailed(response);
    if (!response.ok) throw errorFromResponse(response.status, body, operation);
    if (!parsed && isJson(response)) {
      throw new GhlError({
        kind: "malformed",
        status: response.status,
        operation,
        message: `GHL answered ${operation} with a body that is not valid JSON.`,
        hint: "This is unexpected from GHL; try again, and report it if it keeps happening.",
      });
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }
}

function isJson(response: Response): boolean {
  return (response.headers.get("content-type") ?? "").includes("json");
}

/** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
async function readBody(response: Response): Promise<unknown> {
  return (await readBodyDetailed(response)).body;
}

async function readBodyDetailed(response: Response): Promise<{ body: unknown; parsed: boolean }> {
  const text = await response.text();
  if (text.length === 0) return { body: undefined, parsed: true };
  try {
    return { body: JSON.parse(text), parsed: true };
  } catch {
    return { body: text, parsed: false };
  }
}
