// Configuration from the environment (and a .env file) and the equivalent command-line flags,
// validated once at start with messages that say what to fix. Nothing here calls GHL.
import { parseArgs } from "node:util";
import { z } from "zod";
import { ScopeSet } from "./auth/scopes.js";
import type { LogLevel } from "./logger.js";

export const DEFAULT_BASE_URL = "https://services.leadconnectorhq.com";

export interface Config {
  /** Serve the built-in sandbox instead of GoHighLevel. */
  sandbox: boolean;
  token?: string;
  locationId?: string;
  companyId?: string;
  baseUrl: string;
  scopes: ScopeSet;
  timeoutMs: number;
  logLevel: LogLevel;
  toolsets?: string[];
  readOnly: boolean;
  transport: "stdio" | "http";
  http: { host: string; port: number };
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
  locationId: { env: "GHL_LOCATION_ID", flag: "location-id" },
  companyId: { env: "GHL_COMPANY_ID", flag: "company-id" },
  baseUrl: { env: "GHL_BASE_URL", flag: "base-url" },
  scopes: { env: "GHL_SCOPES", flag: "scopes" },
  timeoutMs: { env: "GHL_TIMEOUT_MS", flag: "timeout-ms" },
  logLevel: { env: "GHL_LOG_LEVEL", flag: "log-level" },
  toolsets: { env: "GHL_TOOLSETS", flag: "toolsets" },
  readOnly: { env: "GHL_READ_ONLY", flag: "read-only" },
  host: { env: "GHL_HTTP_HOST", flag: "host" },
  port: { env: "GHL_HTTP_PORT", flag: "port" },
} as const;

type Setting = keyof typeof SETTINGS;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const schema = z.object({
  token: z
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
  host: z.string().min(1).default("127.0.0.1"),
  port: z.coerce
    .number({ error: "must be a port number" })
    .int()
    .min(0)
    .max(65535, "must be a port number from 0 to 65535")
    .default(3333),
});

export interface ParsedCommandLine {
  command: "serve" | "sandbox" | "help" | "version";
  config: Config;
}

const FLAG_OPTIONS = {
  ...Object.fromEntries(
    Object.values(SETTINGS).map(({ flag }) => [flag, { type: "string" as const }]),
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
  for (const [key, { env: name, flag }] of Object.entries(SETTINGS) as [Setting, (typeof SETTINGS)[Setting]][]) {
    const fromFlag = flags[flag];
    const value = typeof fromFlag === "boolean" ? String(fromFlag) : (fromFlag ?? env[name]);
    if (value !== undefined && value.trim() !== "") raw[key] = value.trim();
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path[0] as Setting;
        const { env: name, flag } = SETTINGS[key];
        return `${name} (or --${flag}) ${issue.message}; got "${String(raw[key])}".`;
      }),
    );
  }
  const settings = result.data;
  const sandbox = Boolean(flags.sandbox) || subcommand === "sandbox" || !settings.token;
  const config: Config = {
    sandbox,
    token: sandbox ? undefined : settings.token,
    locationId: settings.locationId,
    companyId: settings.companyId,
    baseUrl: settings.baseUrl,
    scopes: ScopeSet.parse(settings.scopes),
    timeoutMs: settings.timeoutMs,
    logLevel: settings.logLevel,
    toolsets: settings.toolsets?.split(/[\s,]+/).filter(Boolean),
    readOnly: ["true", "1", "yes"].includes(settings.readOnly ?? ""),
    transport: flags.http ? "http" : "stdio",
    http: { host: settings.host, port: settings.port },
  };
  const command = flags.help
    ? "help"
    : flags.version
      ? "version"
      : subcommand === "sandbox"
        ? "sandbox"
        : "serve";
  return { command, config };
}

export const USAGE = `Usage: ghl-mcp [options]            serve MCP over stdio (or --http)
       ghl-mcp sandbox [--port N]    run the built-in fake GoHighLevel on its own

With no token (or with --sandbox) ghl-mcp serves its built-in sandbox: no credentials needed.

Options (each also read from the environment variable in brackets, and from a .env file):
  --token <token>        [GHL_TOKEN]        Private Integration Token or OAuth access token
  --location-id <id>     [GHL_LOCATION_ID]  default location (sub-account) for every tool
  --company-id <id>      [GHL_COMPANY_ID]   agency id, for agency-level operations
  --base-url <url>       [GHL_BASE_URL]     default ${DEFAULT_BASE_URL}
  --scopes <list>        [GHL_SCOPES]       scopes granted to the token (default: all)
  --toolsets <list>      [GHL_TOOLSETS]     areas to expose, e.g. contacts,calendars (default: all)
  --read-only            [GHL_READ_ONLY]    expose only tools that change nothing
  --timeout-ms <ms>      [GHL_TIMEOUT_MS]   per-request timeout (default 30000)
  --log-level <level>    [GHL_LOG_LEVEL]    fatal|error|warn|info|debug|trace|silent (default info)
  --sandbox                                 serve the built-in sandbox even when a token is set
  --http                                    serve Streamable HTTP instead of stdio
  --host <host>          [GHL_HTTP_HOST]    HTTP bind address (default 127.0.0.1)
  --port <port>          [GHL_HTTP_PORT]    HTTP port (default 3333; for "sandbox", its port)
  -h, --help, -v, --version`;
