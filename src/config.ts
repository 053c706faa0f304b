// Configuration from the environment (and a .env file) and the equivalent command-line flags,
// validated once at start with messages that say what to fix. Nothing here calls GHL.
import { isIP } from "node:net";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ScopeSet } from "./auth/scopes.js";
import type { LogLevel } from "./logger.js";

export const DEFAULT_BASE_URL = "https://services.leadconnectorhq.com";

export interface Config {
  /** Serve the built-in sandbox instead of GoHighLevel. */
  sandbox: boolean;
  token?: string;
  /** An agency token for agency-level operations, when GHL_TOKEN is a sub-account token. */
  agencyToken?: string;
  locationId?: string;
  companyId?: string;
  baseUrl: string;
  scopes: ScopeSet;
  timeoutMs: number;
  logLevel: LogLevel;
  toolsets?: string[];
  readOnly: boolean;
  /** How often subscribed resources are read again to find changes, in minutes (1 to 15). */
  pollIntervalMinutes: number;
  transport: "stdio" | "http";
  http: HttpConfig;
}

export interface HttpConfig {
  host: string;
  port: number;
  /** Where clients reach the server (scheme, host, port); the MCP endpoint is its `/mcp`. */
  publicUrl?: string;
  /** Host names accepted in the Host header, besides localhost and the public URL's. */
  allowedHosts: string[];
  /** Host names accepted in a browser's Origin header, besides localhost and the public URL's. */
  allowedOrigins: string[];
  maxBodyBytes: number;
  /** The one static bearer key of a simple deployment. Never log it. */
  apiKey?: string;
  /** JSON file mapping each caller to its own GHL credential and locations. */
  tenantsFile?: string;
  oauth?: OAuthConfig;
}

/** The authorization server whose JWT access tokens the HTTP server accepts. */
export interface OAuthConfig {
  issuer: string;
  jwksUrl: string;
  /** The audience tokens must carry; defaults to the MCP endpoint's URL (RFC 8707). */
  audience?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Each setting: its environment variable, its flag, and what a person should be told. */
const SETTINGS = {
  token: { env: "GHL_TOKEN", flag: "token" },
  agencyToken: { env: "GHL_AGENCY_TOKEN", flag: "agency-token" },
  locationId: { env: "GHL_LOCATION_ID", flag: "location-id" },
  companyId: { env: "GHL_COMPANY_ID", flag: "company-id" },
  baseUrl: { env: "GHL_BASE_URL", flag: "base-url" },
  scopes: { env: "GHL_SCOPES", flag: "scopes" },
  timeoutMs: { env: "GHL_TIMEOUT_MS", flag: "timeout-ms" },
  logLevel: { env: "GHL_LOG_LEVEL", flag: "log-level" },
  toolsets: { env: "GHL_TOOLSETS", flag: "toolsets" },
  readOnly: { env: "GHL_READ_ONLY", flag: "read-only" },
  pollInterval: { env: "GHL_POLL_INTERVAL", flag: "poll-interval" },
  host: { env: "GHL_HTTP_HOST", flag: "host" },
  port: { env: "GHL_HTTP_PORT", flag: "port" },
  publicUrl: { env: "GHL_HTTP_PUBLIC_URL", flag: "public-url" },
  allowedHosts: { env: "GHL_HTTP_ALLOWED_HOSTS", flag: "allowed-hosts" },
  allowedOrigins: { env: "GHL_HTTP_ALLOWED_ORIGINS", flag: "allowed-origins" },
  maxBodyBytes: { env: "GHL_HTTP_MAX_BODY_BYTES", flag: "max-body-bytes" },
  // A secret has no flag: command lines are visible to every user of the machine (ps).
  apiKey: { env: "GHL_HTTP_API_KEY", flag: undefined },
  tenantsFile: { env: "GHL_TENANTS_FILE", flag: "tenants-file" },
  oauthIssuer: { env: "GHL_OAUTH_ISSUER", flag: "oauth-issuer" },
  oauthJwksUrl: { env: "GHL_OAUTH_JWKS_URL", flag: "oauth-jwks-url" },
  oauthAudience: { env: "GHL_OAUTH_AUDIENCE", flag: "oauth-audience" },
} as const satisfies Record<string, { env: string; flag: string | undefined }>;

type Setting = keyof typeof SETTINGS;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const HOST_NAMES = /^[^\s,]+(\s*,\s*[^\s,]+)*$/;

const schema = z.object({
  token: z
    .string()
    .regex(/^[^\s"']+$/, "must be the token alone, without spaces or quotes")
    .optional(),
  agencyToken: z
    .string()
    .regex(/^[^\s"']+$/, "must be the token alone, without spaces or quotes")
    .optional(),
  locationId: z.string().regex(ID, "must be a GHL location id (letters and digits)").optional(),
  companyId: z.string().regex(ID, "must be a GHL company id (letters and digits)").optional(),
  baseUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .default(DEFAULT_BASE_URL),
  scopes: z.string().optional(),
  timeoutMs: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int()
    .min(1000, "must be at least 1000")
    .max(300_000, "must be at most 300000")
    .default(30_000),
  logLevel: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  toolsets: z.string().optional(),
  readOnly: z
    .enum(["true", "false", "1", "0", "yes", "no", ""], { error: "must be true or false" })
    .optional(),
  pollInterval: z.coerce
    .number({ error: "must be a number of minutes" })
    .int("must be a whole number of minutes")
    .min(1, "must be at least 1 (minute)")
    .max(15, "must be at most 15 (minutes)")
    .default(5),
  host: z.string().min(1).default("127.0.0.1"),
  port: z.coerce
    .number({ error: "must be a port number" })
    .int()
    .min(0)
    .max(65535, "must be a port number from 0 to 65535")
    .default(3333),
  publicUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://mcp.example.com" })
    .refine((url) => /^https?:\/\/[^/?#]+\/?$/.test(url), "must be an origin alone, without a path")
    .optional(),
  allowedHosts: z.string().regex(HOST_NAMES, "must be host names separated by commas").optional(),
  allowedOrigins: z.string().regex(HOST_NAMES, "must be host names separated by commas").optional(),
  maxBodyBytes: z.coerce
    .number({ error: "must be a number of bytes" })
    .int()
    .min(1024, "must be at least 1024")
    .max(67_108_864, "must be at most 67108864 (64 MiB)")
    .default(1_048_576),
  apiKey: z
    .string()
    .min(32, "must be at least 32 characters; generate one with: openssl rand -hex 32")
    .regex(/^[\x21-\x7e]+$/, "must be printable characters without spaces or quotes")
    .optional(),
  tenantsFile: z.string().optional(),
  oauthIssuer: z.url({ error: "must be the authorization server's issuer URL" }).optional(),
  oauthJwksUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  oauthAudience: z.string().optional(),
});

export interface ParsedCommandLine {
  command: "serve" | "sandbox" | "help" | "version";
  config: Config;
}

const FLAG_OPTIONS = {
  ...Object.fromEntries(
    Object.values(SETTINGS).flatMap(({ flag }) =>
      flag ? [[flag, { type: "string" as const }]] : [],
    ),
  ),
  "read-only": { type: "boolean" as const },
  sandbox: { type: "boolean" as const },
  http: { type: "boolean" as const },
  help: { type: "boolean" as const, short: "h" },
  version: { type: "boolean" as const, short: "v" },
};

export function parseCommandLine(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: FLAG_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ConfigError([`${(error as Error).message}. Run ghl-mcp --help for the options.`]);
  }
  const { values, positionals } = parsed;
  const flags = values as Record<string, string | boolean | undefined>;
  const [subcommand, ...rest] = positionals;
  if (rest.length > 0 || (subcommand !== undefined && subcommand !== "sandbox")) {
    throw new ConfigError([
      `Unknown command "${positionals.join(" ")}". Commands: (none) to serve MCP, "sandbox" to run the fake GoHighLevel alone.`,
    ]);
  }

  const raw: Partial<Record<Setting, string>> = {};
  for (const [key, { env: name, flag }] of Object.entries(SETTINGS) as [
    Setting,
    (typeof SETTINGS)[Setting],
  ][]) {
    const fromFlag = flag ? flags[flag] : undefined;
    const value = typeof fromFlag === "boolean" ? String(fromFlag) : (fromFlag ?? env[name]);
    if (value !== undefined && value.trim() !== "") raw[key] = value.trim();
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path[0] as Setting;
        const { env: name, flag } = SETTINGS[key];
        // A secret is never echoed back, not even in an error.
        if (!flag) return `${name} ${issue.message}.`;
        return `${name} (or --${flag}) ${issue.message}; got "${String(raw[key])}".`;
      }),
    );
  }
  const settings = result.data;
  // Tenants bring their own GHL tokens, so over HTTP a tenants file alone means real GHL.
  const tenantsOwnTokens = Boolean(flags.http && settings.tenantsFile);
  const sandbox =
    Boolean(flags.sandbox) || subcommand === "sandbox" || (!settings.token && !tenantsOwnTokens);
  const config: Config = {
    sandbox,
    token: sandbox ? undefined : settings.token,
    agencyToken: sandbox ? undefined : settings.agencyToken,
    locationId: settings.locationId,
    companyId: settings.companyId,
    baseUrl: settings.baseUrl,
    scopes: ScopeSet.parse(settings.scopes),
    timeoutMs: settings.timeoutMs,
    logLevel: settings.logLevel,
    toolsets: settings.toolsets?.split(/[\s,]+/).filter(Boolean),
    readOnly: ["true", "1", "yes"].includes(settings.readOnly ?? ""),
    pollIntervalMinutes: settings.pollInterval,
    transport: flags.http ? "http" : "stdio",
    http: httpConfig(settings),
  };
  if (config.transport === "http") checkHttpSafety(config.http);
  const command = flags.help
    ? "help"
    : flags.version
      ? "version"
      : subcommand === "sandbox"
        ? "sandbox"
        : "serve";
  return { command, config };
}

function httpConfig(settings: z.infer<typeof schema>): HttpConfig {
  const list = (text: string | undefined) => text?.split(/\s*,\s*/).filter(Boolean) ?? [];
  const problems: string[] = [];
  if (settings.oauthIssuer && !settings.oauthJwksUrl) {
    problems.push(
      "GHL_OAUTH_ISSUER is set but GHL_OAUTH_JWKS_URL (or --oauth-jwks-url) is not: give the URL of the issuer's signing keys (its jwks_uri).",
    );
  }
  if (settings.oauthJwksUrl && !settings.oauthIssuer) {
    problems.push(
      "GHL_OAUTH_JWKS_URL is set but GHL_OAUTH_ISSUER (or --oauth-issuer) is not: tokens are only accepted from a named issuer.",
    );
  }
  if (
    settings.oauthJwksUrl?.startsWith("http:") &&
    !isLoopback(new URL(settings.oauthJwksUrl).hostname)
  ) {
    problems.push("GHL_OAUTH_JWKS_URL must use https (plain http is accepted on loopback only).");
  }
  if (settings.apiKey && settings.tenantsFile) {
    problems.push(
      "GHL_HTTP_API_KEY and GHL_TENANTS_FILE are both set: with tenants, give each tenant its own key (apiKeyEnv in the tenants file) and unset GHL_HTTP_API_KEY.",
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    host: settings.host,
    port: settings.port,
    publicUrl: settings.publicUrl?.replace(/\/+$/, ""),
    allowedHosts: list(settings.allowedHosts),
    allowedOrigins: list(settings.allowedOrigins),
    maxBodyBytes: settings.maxBodyBytes,
    apiKey: settings.apiKey,
    tenantsFile: settings.tenantsFile,
    oauth:
      settings.oauthIssuer && settings.oauthJwksUrl
        ? {
            issuer: settings.oauthIssuer,
            jwksUrl: settings.oauthJwksUrl,
            audience: settings.oauthAudience,
          }
        : undefined,
  };
}

/** Loopback addresses only this machine can reach: 127.0.0.0/8, ::1 and the name localhost. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return isIP(bare) === 6 && (bare === "::1" || bare === "0:0:0:0:0:0:0:1");
}

/**
 * A server reachable from other machines must know who is calling and which host names are its
 * own; on loopback neither is needed, so the defaults stay usable with no setup at all.
 */
function checkHttpSafety(http: HttpConfig): void {
  if (isLoopback(http.host)) return;
  const problems: string[] = [];
  if (!http.apiKey && !http.tenantsFile && !http.oauth) {
    problems.push(
      `--host ${http.host} would let other machines reach the server, and no authentication is configured: set GHL_HTTP_API_KEY, GHL_TENANTS_FILE or GHL_OAUTH_ISSUER first (or keep the default host 127.0.0.1).`,
    );
  }
  if (http.oauth && !http.publicUrl) {
    problems.push(
      "GHL_OAUTH_ISSUER on a non-loopback host needs GHL_HTTP_PUBLIC_URL (or --public-url): access tokens are issued for the server's public address.",
    );
  } else if (!http.publicUrl && http.allowedHosts.length === 0) {
    problems.push(
      `--host ${http.host} needs GHL_HTTP_PUBLIC_URL (or --public-url), the address clients use, so that requests naming another host can be refused (DNS rebinding).`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

export const USAGE = `Usage: ghl-mcp [options]            serve MCP over stdio (or --http)
       ghl-mcp sandbox [--port N]    run the built-in fake GoHighLevel on its own

With no token (or with --sandbox) ghl-mcp serves its built-in sandbox: no credentials needed.

Options (each also read from the environment variable in brackets, and from a .env file):
  --token <token>        [GHL_TOKEN]        Private Integration Token or OAuth access token
  --agency-token <token> [GHL_AGENCY_TOKEN] agency token for agency-level tools (company, snapshots)
  --location-id <id>     [GHL_LOCATION_ID]  default location (sub-account) for every tool
  --company-id <id>      [GHL_COMPANY_ID]   agency id, for agency-level operations
  --base-url <url>       [GHL_BASE_URL]     default ${DEFAULT_BASE_URL}
  --scopes <list>        [GHL_SCOPES]       scopes granted to the token (default: all)
  --toolsets <list>      [GHL_TOOLSETS]     areas to expose, e.g. contacts,calendars (default: all)
  --read-only            [GHL_READ_ONLY]    expose only tools that change nothing
  --poll-interval <min>  [GHL_POLL_INTERVAL] minutes between checks for changes to subscribed
                                            resources, 1 to 15 (default 5)
  --timeout-ms <ms>      [GHL_TIMEOUT_MS]   per-request timeout (default 30000)
  --log-level <level>    [GHL_LOG_LEVEL]    fatal|error|warn|info|debug|trace|silent (default info)
  --sandbox                                 serve the built-in sandbox even when a token is set
  --http                                    serve Streamable HTTP instead of stdio
  --host <host>          [GHL_HTTP_HOST]    HTTP bind address (default 127.0.0.1; any other
                                            address needs authentication and --public-url)
  --port <port>          [GHL_HTTP_PORT]    HTTP port (default 3333; for "sandbox", its port)
  --public-url <url>     [GHL_HTTP_PUBLIC_URL]  address clients use, e.g. https://mcp.example.com
  --allowed-hosts <list> [GHL_HTTP_ALLOWED_HOSTS]    more host names accepted in Host headers
  --allowed-origins <list> [GHL_HTTP_ALLOWED_ORIGINS] host names of web pages that may call
  --max-body-bytes <n>   [GHL_HTTP_MAX_BODY_BYTES]  largest request body (default 1048576)
                         [GHL_HTTP_API_KEY]   static bearer key clients must send (environment
                                              only, at least 32 characters)
  --tenants-file <path>  [GHL_TENANTS_FILE]   JSON file: each caller's GHL credential and locations
  --oauth-issuer <url>   [GHL_OAUTH_ISSUER]   accept JWT access tokens from this issuer
  --oauth-jwks-url <url> [GHL_OAUTH_JWKS_URL] the issuer's signing keys (jwks_uri)
  --oauth-audience <aud> [GHL_OAUTH_AUDIENCE] audience tokens must carry (default <public-url>/mcp)
  -h, --help, -v, --version`;
