// Several sub-accounts on one HTTP server: the tenants file maps each caller (a bearer key, or a
// JWT subject or client) to its own GHL credential and the locations it may touch. Every tenant
// gets its own GHL client, and its tool context carries its allowed locations, which the tool
// framework enforces whatever arguments a model sends. The file names environment variables
// instead of holding secrets, so it can be reviewed and mounted like any other configuration.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ConfigError } from "../config.js";
import { GhlClient } from "../ghl/client.js";
import type { Logger } from "../logger.js";
import type { ToolContext } from "../tools/framework.js";
import type { ToolSelection } from "../tools/index.js";
import type { NamedKey } from "./bearer-key.js";
import { StaticCredential } from "./credentials.js";
import { ScopeSet } from "./scopes.js";

/** Who authenticated: the holder of a bearer key, or the subject and client of a JWT. */
export type Principal =
  { kind: "key"; name: string } | { kind: "token"; subject?: string; clientId?: string };

export interface Tenant {
  name: string;
  context: ToolContext;
  selection: ToolSelection;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const tenantSchema = z
  .strictObject({
    apiKeyEnv: z
      .string()
      .regex(ENV_NAME, "must be the name of an environment variable holding the tenant's key")
      .optional(),
    subjects: z.array(z.string().min(1)).optional(),
    clients: z.array(z.string().min(1)).optional(),
    ghlTokenEnv: z
      .string()
      .regex(ENV_NAME, "must be the name of an environment variable holding the GHL token")
      .optional(),
    ghlScopes: z.string().optional(),
    locations: z
      .array(z.string().regex(ID, "must be a GHL location id"))
      .min(1, "must list at least one location id; the first is the default"),
    companyId: z.string().regex(ID, "must be a GHL company id").optional(),
  })
  .refine((tenant) => tenant.apiKeyEnv || tenant.subjects?.length || tenant.clients?.length, {
    message: "names no caller: give apiKeyEnv, subjects or clients",
  });

const fileSchema = z.strictObject({
  tenants: z
    .record(
      z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "tenant names are lower-case"),
      tenantSchema,
    )
    .refine((tenants) => Object.keys(tenants).length > 0, "must name at least one tenant"),
});

export type TenantsFile = z.infer<typeof fileSchema>;

export interface TenantEnvironment {
  env: NodeJS.ProcessEnv;
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
  /** What the server's own configuration exposes; tenants only ever narrow it. */
  selection: ToolSelection;
  /** Against the sandbox every tenant uses the sandbox's token, and token variables may be unset. */
  sandboxToken?: string;
  /** Whether JWTs are accepted, without which subjects and clients could never match. */
  acceptsTokens: boolean;
}

export class TenantDirectory {
  private constructor(
    readonly tenants: readonly Tenant[],
    /** Each tenant's bearer key, named after the tenant. */
    readonly keys: readonly NamedKey[],
    private readonly file: TenantsFile,
  ) {}

  static async load(path: string, environment: TenantEnvironment): Promise<TenantDirectory> {
    const file = parseTenantsFile(path, await readTenantsFile(path));
    checkCallers(path, file, environment);

    const keys: NamedKey[] = [];
    const tenants: Tenant[] = [];
    for (const [name, entry] of Object.entries(file.tenants)) {
      if (entry.apiKeyEnv) keys.push({ name, key: environment.env[entry.apiKeyEnv]! });
      const token = environment.sandboxToken ?? environment.env[entry.ghlTokenEnv!]!;
      const scopes = ScopeSet.parse(entry.ghlScopes);
      const client = new GhlClient({
        baseUrl: environment.baseUrl,
        credentials: new StaticCredential(token, scopes),
        logger: environment.logger.child({ tenant: name }),
        timeoutMs: environment.timeoutMs,
      });
      tenants.push({
        name,
        context: {
          client,
          locationId: entry.locations[0],
          companyId: entry.companyId,
          allowedLocations: new Set(entry.locations),
        },
        selection: { ...environment.selection, scopes: scopes.isAll ? undefined : scopes },
      });
    }
    return new TenantDirectory(tenants, keys, file);
  }

  /** The tenant a caller belongs to; a key belongs to the tenant it is named after. */
  find(principal: Principal): Tenant | undefined {
    const name =
      principal.kind === "key"
        ? principal.name
        : Object.entries(this.file.tenants).find(
            ([, entry]) =>
              (principal.subject !== undefined && entry.subjects?.includes(principal.subject)) ||
              (principal.clientId !== undefined && entry.clients?.includes(principal.clientId)),
          )?.[0];
    return this.tenants.find((tenant) => tenant.name === name);
  }

  async close(): Promise<void> {
    await Promise.all(this.tenants.map((tenant) => tenant.context.client.close()));
  }
}

async function readTenantsFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new ConfigError([
      `GHL_TENANTS_FILE ${path} cannot be read: ${(error as Error).message}.`,
    ]);
  }
}

export function parseTenantsFile(path: string, text: string): TenantsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([
      `GHL_TENANTS_FILE ${path} is not valid JSON: ${(error as Error).message}.`,
    ]);
  }
  const result = fileSchema.safeParse(json);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const where = issue.path.length > 0 ? issue.path.join(".") : "(the file)";
        return `GHL_TENANTS_FILE ${path}: ${where} ${issue.message}.`;
      }),
    );
  }
  return result.data;
}

/** Every caller must be reachable and unambiguous: one tenant per key, subject and client. */
function checkCallers(path: string, file: TenantsFile, environment: TenantEnvironment): void {
  const problems: string[] = [];
  const claimed = new Map<string, string>();
  const claim = (what: string, tenant: string) => {
    const other = claimed.get(what);
    if (other)
      problems.push(`${what} belongs to both tenants ${other} and ${tenant}; give it to one.`);
    claimed.set(what, tenant);
  };

  for (const [name, entry] of Object.entries(file.tenants)) {
    const where = `GHL_TENANTS_FILE ${path}: tenants.${name}`;
    if (entry.apiKeyEnv) {
      const key = environment.env[entry.apiKeyEnv];
      if (!key) problems.push(`${where}.apiKeyEnv names ${entry.apiKeyEnv}, which is not set.`);
      else if (key.length < 32) {
        problems.push(
          `${entry.apiKeyEnv} (the key of tenant ${name}) must be at least 32 characters.`,
        );
      }
    }
    if ((entry.subjects?.length || entry.clients?.length) && !environment.acceptsTokens) {
      problems.push(`${where} lists JWT subjects or clients, but GHL_OAUTH_ISSUER is not set.`);
    }
    for (const subject of entry.subjects ?? []) claim(`Subject ${subject}`, name);
    for (const client of entry.clients ?? []) claim(`Client ${client}`, name);
    if (environment.sandboxToken) continue;
    if (!entry.ghlTokenEnv) problems.push(`${where}.ghlTokenEnv is required outside the sandbox.`);
    else if (!environment.env[entry.ghlTokenEnv]) {
      problems.push(`${where}.ghlTokenEnv names ${entry.ghlTokenEnv}, which is not set.`);
    }
  }
  const keys = Object.entries(file.tenants).flatMap(([name, entry]) =>
    entry.apiKeyEnv && environment.env[entry.apiKeyEnv]
      ? [[name, environment.env[entry.apiKeyEnv]]]
      : [],
  );
  for (const [index, [name, key]] of keys.entries()) {
    const twin = keys.slice(0, index).find(([, other]) => other === key);
    if (twin) problems.push(`Tenants ${twin[0]} and ${name} have the same key; give each its own.`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
