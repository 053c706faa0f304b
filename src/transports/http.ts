// Streamable HTTP: MCP at /mcp from the one server factory, a fresh server per request, for the
// 2026-07-28 revision and (through the SDK's stateless fallback) the older ones, so an instance
// holds no session and several can run side by side. A 2026-07-28 client subscribes to resources
// on a listen stream, which the instance serving it polls for while the stream is open. Around the
// endpoint: health and readiness, the OAuth metadata, Host/Origin checks, authentication, size
// limits and timeouts, one access log line per request, and a shutdown that lets calls in flight
// finish.
import {
  createServer as createNodeServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  hostHeaderValidation,
  originValidation,
  toNodeHandler,
  type FetchLikeMcpHandler,
} from "@modelcontextprotocol/node";
import {
  createMcpHandler,
  localhostAllowedHostnames,
  type AuthInfo,
} from "@modelcontextprotocol/server";
import { BearerKeyVerifier, type NamedKey } from "../auth/bearer-key.js";
import { Callers } from "../auth/callers.js";
import { JwtVerifier } from "../auth/jwt.js";
import { describeProtectedResource, type ProtectedResource } from "../auth/resource-metadata.js";
import { TenantDirectory } from "../auth/tenants.js";
import { ConfigError, type Config, type HttpConfig } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { ListenStreams } from "../resources/listen-streams.js";
import { Poller } from "../resources/poller.js";
import { createRuntime } from "../runtime.js";
import { createServer } from "../server.js";
import type { ToolContext } from "../tools/framework.js";
import type { ToolSelection } from "../tools/index.js";

export const MCP_PATH = "/mcp";
const METADATA_PATHS = [
  "/.well-known/oauth-protected-resource",
  `/.well-known/oauth-protected-resource${MCP_PATH}`,
];

export interface HttpOptions {
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** How long shutdown waits for calls in flight before closing their connections. */
  drainTimeoutMs?: number;
  /** How long a client may take to send a whole request; slow senders would otherwise hold sockets. */
  requestTimeoutMs?: number;
  /** Poll subscribed resources this often, not every GHL_POLL_INTERVAL minutes (tests only). */
  pollIntervalMs?: number;
}

export interface HttpServer {
  /** Where the server listens, e.g. http://127.0.0.1:3333. */
  url: string;
  /** The MCP endpoint as clients should name it: the public URL (or `url`) plus /mcp. */
  endpoint: string;
  /** Set when the server serves the built-in sandbox. */
  sandboxUrl?: string;
  /** Stops accepting, lets calls in flight finish (up to the drain timeout), then releases all. */
  close(): Promise<void>;
}

/** Everything `ghl-mcp --http` runs: the GHL side from the configuration, then the server. */
export async function serveHttp(config: Config, options: HttpOptions = {}): Promise<HttpServer> {
  // With a tenants file and no GHL_TOKEN the server has no GHL credential of its own: every
  // caller is a tenant with its own.
  const pollIntervalMs = options.pollIntervalMs ?? config.pollIntervalMinutes * 60_000;
  const runtime =
    config.sandbox || config.token
      ? await createRuntime(config, options.logger, { pollIntervalMs })
      : undefined;
  const logger = runtime?.logger ?? options.logger ?? createLogger(config.logLevel);
  // One poller for every caller: what it reads, each tenant reads with its own GHL client.
  const poller = runtime?.poller ?? new Poller({ intervalMs: pollIntervalMs, logger });
  try {
    const server = await startHttpServer({
      ...options,
      http: config.http,
      logger,
      poller,
      own: runtime && { context: runtime.context, selection: runtime.selection },
      ghl: {
        baseUrl: runtime?.client.baseUrl ?? config.baseUrl,
        timeoutMs: config.timeoutMs,
        selection: { toolsets: config.toolsets, readOnly: config.readOnly },
        sandboxToken: runtime?.sandbox?.tokens.location,
      },
    });
    return {
      ...server,
      sandboxUrl: runtime?.sandbox?.url,
      async close() {
        await server.close();
        poller.stop();
        await runtime?.close();
      },
    };
  } catch (error) {
    await runtime?.close();
    throw error;
  }
}

interface ServerParts extends HttpOptions {
  http: HttpConfig;
  logger: Logger;
  /** Watches what listen streams subscribe to. */
  poller: Poller;
  /** The server's own GHL client and tools; absent when every caller is a tenant with its own. */
  own?: { context: ToolContext; selection: ToolSelection };
  /** What tenants' GHL clients are built from. */
  ghl: {
    baseUrl: string;
    timeoutMs: number;
    /** The toolsets and read-only mode the server was started with; tenants narrow, never widen. */
    selection: ToolSelection;
    /** Against the sandbox, every tenant uses the sandbox's token. */
    sandboxToken?: string;
  };
}

async function startHttpServer(options: ServerParts): Promise<HttpServer> {
  const { http, logger } = options;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const server = createNodeServer({
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(10_000, requestTimeoutMs),
    // Node checks those timeouts on this beat (30 s by default, longer than the timeouts).
    connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs / 2),
  });
  const url = await listen(server, http.host, http.port);
  const endpoint = new URL(MCP_PATH, http.publicUrl ?? url);
  const protectedResource = http.oauth
    ? describeProtectedResource(endpoint, http.oauth.issuer)
    : undefined;
  let callers: Callers;
  try {
    callers = await identifyCallers(options, endpoint, protectedResource);
  } catch (error) {
    server.close();
    throw error;
  }

  const streams = new ListenStreams({
    poller: options.poller,
    logger,
    callerOf: (authInfo) => callers.callerOf(authInfo),
  });
  const mcp = createMcpHandler(
    ({ authInfo, era }) => {
      const caller = callers.callerOf(authInfo);
      return createServer({
        context: caller.context,
        selection: caller.selection,
        // A 2025-era request is answered and forgotten: there is no session to subscribe in.
        ...(era === "modern" && { subscriptions: "listen streams" as const }),
      });
    },
    {
      maxRequestBodySize: http.maxBodyBytes,
      onerror: (error) => logger.debug({ error: error.message }, "MCP request refused"),
      bus: streams,
    },
  );
  const state = { draining: false, inFlight: new Set<ServerResponse>() };
  const route = router({
    http,
    endpoint,
    callers,
    protectedResource,
    mcp: streams.serve(mcp),
    logger,
    state,
  });
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    state.inFlight.add(res);
    if (state.draining) res.setHeader("Connection", "close");
    res.once("close", () => {
      state.inFlight.delete(res);
      logger.info(accessLogEntry(req, res, path, started), "http request");
      // Once the last response of a kept-alive connection is out, the connection can go too.
      if (state.draining) setImmediate(() => server.closeIdleConnections());
    });
    route(req, res, path).catch((error: unknown) => {
      logger.error({ path, error: (error as Error).message }, "http request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "server_error" });
      else res.destroy();
    });
  });
  logger.info(
    { endpoint: endpoint.href, auth: callers.schemes, maxBodyBytes: http.maxBodyBytes },
    "ghl-mcp listening on Streamable HTTP",
  );

  let closing: Promise<void> | undefined;
  const drainTimeoutMs = options.drainTimeoutMs ?? 20_000;
  return {
    url,
    endpoint: endpoint.href,
    close() {
      closing ??= drain(server, state, drainTimeoutMs, logger).then(async () => {
        await mcp.close();
        await callers.close();
        logger.info("http server stopped");
      });
      return closing;
    },
  };
}

interface ServingState {
  /** Set once shutdown begins: readiness fails and new MCP requests get 503. */
  draining: boolean;
  inFlight: Set<ServerResponse>;
}

interface RouterParts {
  http: HttpConfig;
  endpoint: URL;
  callers: Callers;
  protectedResource?: ProtectedResource;
  mcp: FetchLikeMcpHandler;
  logger: Logger;
  state: ServingState;
}

function router(parts: RouterParts) {
  const { http, callers, protectedResource, state, logger } = parts;
  const serveMcp = toNodeHandler(parts.mcp, {
    maxRequestBodySize: http.maxBodyBytes,
    onerror: (error) => logger.error({ error: error.message }, "MCP request failed"),
  });
  const ownNames = [...localhostAllowedHostnames(), parts.endpoint.hostname];
  const checkHost = hostHeaderValidation([...ownNames, ...http.allowedHosts]);
  const checkOrigin = originValidation([...ownNames, ...http.allowedOrigins]);

  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (path === "/readyz") {
      return state.draining
        ? sendJson(res, 503, { status: "draining" })
        : sendJson(res, 200, { status: "ready" });
    }
    if (protectedResource && METADATA_PATHS.includes(path)) {
      return serveMetadata(req, res, protectedResource);
    }
    if (path !== MCP_PATH) {
      return sendJson(res, 404, {
        error: "not_found",
        error_description: `The MCP endpoint is ${MCP_PATH}`,
      });
    }
    if (state.draining) {
      return sendJson(res, 503, {
        error: "unavailable",
        error_description: "The server is shutting down",
      });
    }
    // Browsers can be steered at loopback by a rebinding DNS name; these answer 403 themselves.
    if (!checkHost(req, res) || !checkOrigin(req, res)) return;

    const identified = await callers.identify(req.headers.authorization);
    if ("refusal" in identified) return sendResponse(res, identified.refusal);
    (req as AuthenticatedRequest).auth = identified.authInfo;
    await serveMcp(req as AuthenticatedRequest, res);
  };
}

/** Stops accepting, lets responses in flight finish, and cuts what is left at the deadline. */
async function drain(
  server: Server,
  state: ServingState,
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  state.draining = true;
  // Limitation: an open subscriptions/listen stream counts as a response in flight, so a client
  // still listening holds shutdown until the drain timeout cuts it off (its polling stops then).
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const res of state.inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
  server.closeIdleConnections();
  const deadline = setTimeout(() => {
    logger.warn({ open: state.inFlight.size }, "drain timeout: closing the remaining connections");
    server.closeAllConnections();
  }, timeoutMs);
  await stopped;
  clearTimeout(deadline);
}

type AuthenticatedRequest = IncomingMessage & { auth?: AuthInfo };

async function identifyCallers(
  options: ServerParts,
  endpoint: URL,
  protectedResource: ProtectedResource | undefined,
): Promise<Callers> {
  const { http, logger, ghl } = options;
  const tenants = http.tenantsFile
    ? await TenantDirectory.load(http.tenantsFile, {
        env: options.env ?? process.env,
        baseUrl: ghl.baseUrl,
        timeoutMs: ghl.timeoutMs,
        logger,
        selection: ghl.selection,
        sandboxToken: ghl.sandboxToken,
        acceptsTokens: Boolean(http.oauth),
      })
    : undefined;
  if (!tenants && !options.own) {
    throw new ConfigError([
      "No GHL credential: set GHL_TOKEN, or give tenants their own in GHL_TENANTS_FILE.",
    ]);
  }

  const keys: NamedKey[] = http.apiKey
    ? [{ name: "default", key: http.apiKey }]
    : [...(tenants?.keys ?? [])];
  const jwt = http.oauth
    ? new JwtVerifier(
        {
          issuer: http.oauth.issuer,
          jwksUrl: http.oauth.jwksUrl,
          audience: http.oauth.audience ?? endpoint.href,
        },
        logger,
      )
    : undefined;
  return new Callers({
    keys: keys.length > 0 ? new BearerKeyVerifier(keys) : undefined,
    jwt,
    tenants,
    own: options.own,
    resourceMetadataUrl: protectedResource?.metadataUrl,
  });
}

function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const reasons: Record<string, string> = {
        EADDRINUSE: `Port ${port} on ${host} is already in use; choose another with --port (or GHL_HTTP_PORT).`,
        EADDRNOTAVAIL: `${host} is not an address of this machine; check --host (or GHL_HTTP_HOST).`,
        EACCES: `Not allowed to listen on port ${port}; choose a port above 1023.`,
      };
      const reason = error.code ? reasons[error.code] : undefined;
      reject(reason ? new ConfigError([reason]) : error);
    });
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve(`http://${shown}:${address.port}`);
    });
  });
}

function serveMetadata(
  req: IncomingMessage,
  res: ServerResponse,
  resource: ProtectedResource,
): void {
  // Public by design: browser-based clients read it across origins before they hold a token.
  const cors = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
  };
  if (req.method === "OPTIONS") {
    res.writeHead(204, cors).end();
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    return sendJson(res, 405, { error: "method_not_allowed" }, { ...cors, Allow: "GET, OPTIONS" });
  }
  sendJson(res, 200, resource.metadata, cors);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(await response.text());
}

/** Method, path, status, time and who called; never a header, a token or a body. */
function accessLogEntry(
  req: AuthenticatedRequest,
  res: ServerResponse,
  path: string,
  started: number,
) {
  const caller = req.auth?.extra?.caller as { principal?: string } | undefined;
  return {
    method: req.method,
    path,
    status: res.statusCode,
    ms: Math.round(performance.now() - started),
    mcpMethod: req.headers["mcp-method"],
    principal: caller?.principal,
    remote: req.socket.remoteAddress,
    // False when the connection ended before the response did (client gone, drain timeout).
    completed: res.writableFinished,
  };
}
