// The built-in sandbox: an in-memory GoHighLevel that speaks the v2 REST API over HTTP on loopback,
// seeded with a believable studio. Never writes to stdout, which is the MCP protocol in stdio mode.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import type { TokenKind } from "../spec/operations.js";
import { runPipeline, type PipelineDependencies } from "./pipeline.js";
import { RateLimiter } from "./rate-limit.js";
import { outsideChanges, type OutsideChanges } from "./outside.js";
import { seedStore } from "./seed.js";
import { SandboxStore } from "./store.js";
import { TokenRegistry, defaultScopes, readOnlyScopes } from "./tokens.js";

export type { SandboxStore } from "./store.js";

export interface SandboxOptions {
  /** 0 picks a free port (default). */
  port?: number;
  /** Default "127.0.0.1"; anything that is not loopback is refused. */
  host?: string;
  /** Clock in epoch ms (default Date.now); the seed is built relative to it. */
  now?: () => number;
  /** Defaults 100 per 10,000 ms, 200,000 a day, no Retry-After. */
  rateLimit?: { max?: number; intervalMs?: number; daily?: number; retryAfter?: boolean };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-cased names; `authorization` is redacted. */
  headers: Record<string, string>;
  body: unknown;
  status: number;
  /** The spec operation the request reached, when it got that far. */
  operationKey?: string;
}

export interface MintTokenRequest {
  kind: TokenKind;
  scopes?: string[];
  locationId?: string;
  expiresInMs?: number;
}

export interface Sandbox {
  url: string;
  locationId: string;
  companyId: string;
  /** Ready-made PITs: every location scope, the read-only ones, every agency scope. */
  tokens: { location: string; locationReadOnly: string; agency: string };
  mintToken(options: MintTokenRequest): string;
  /** The live state, for tests to read and to change "from outside". */
  store: SandboxStore;
  /** Changes as a person in the GHL app makes them (records and their dateUpdated). */
  outside: OutsideChanges;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  /** Back to the seed; clears the request log and the rate-limit buckets. Tokens stay valid. */
  reset(): void;
  setDailyExhausted(on: boolean): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopback(host)) {
    throw new Error(`The sandbox listens on loopback only; refusing host ${host}`);
  }
  const now = options.now ?? Date.now;

  const store = new SandboxStore();
  const ids = seedStore(store, now());
  const tokens = new TokenRegistry(ids, now);
  const rateLimiter = new RateLimiter(
    {
      max: options.rateLimit?.max ?? 100,
      intervalMs: options.rateLimit?.intervalMs ?? 10_000,
      daily: options.rateLimit?.daily ?? 200_000,
      retryAfter: options.rateLimit?.retryAfter ?? false,
    },
    now,
  );
  const requests: RecordedRequest[] = [];

  let url = "";
  const deps: PipelineDependencies = { store, tokens, rateLimiter, now, baseUrl: () => url };
  const server = createServer((request, response) => {
    serve(request, response, deps, requests).catch((error: unknown) => {
      console.error("ghl-mcp sandbox: request failed", error);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ statusCode: 500, message: "Internal server error" }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  const locationScopes = defaultScopes("location");
  return {
    url,
    locationId: ids.locationId,
    companyId: ids.companyId,
    tokens: {
      location: tokens.mint({ kind: "location-pit", scopes: locationScopes }),
      locationReadOnly: tokens.mint({
        kind: "location-pit",
        scopes: readOnlyScopes(locationScopes),
      }),
      agency: tokens.mint({ kind: "agency-pit" }),
    },
    mintToken: (request) => tokens.mint(request),
    store,
    outside: outsideChanges(store, ids.locationId, now),
    requests,
    reset() {
      store.clear();
      seedStore(store, now());
      requests.length = 0;
      rateLimiter.reset();
    },
    setDailyExhausted(on) {
      rateLimiter.dailyExhausted = on;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  deps: PipelineDependencies,
  requests: RecordedRequest[],
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);

  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const method = request.method ?? "GET";
  const rawUrl = request.url ?? "/";
  const result = runPipeline(
    { method, url: rawUrl, headers, rawBody: Buffer.concat(chunks).toString("utf8") },
    deps,
  );

  requests.push({
    method,
    path: new URL(rawUrl, "http://sandbox.invalid").pathname,
    query: result.request.query,
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [
        name,
        name === "authorization" ? "REDACTED" : (value ?? ""),
      ]),
    ),
    body: result.request.body,
    status: result.status,
    operationKey: result.operationKey,
  });

  if (result.file) {
    response.writeHead(result.status, {
      "Content-Type": result.file.contentType,
      "Content-Disposition": result.file.disposition,
      ...result.headers,
    });
    response.end(result.body as Buffer | string);
    return;
  }
  response.writeHead(result.status, {
    "Content-Type": "application/json; charset=utf-8",
    ...result.headers,
  });
  response.end(JSON.stringify(result.body));
}
