// Assembles what a server needs from the configuration: the logger, the credential, the one GHL
// client, and, in sandbox mode, the built-in fake GoHighLevel that the client talks to.
import { StaticCredential } from "./auth/credentials.js";
import { ScopeSet } from "./auth/scopes.js";
import type { Config } from "./config.js";
import { GhlClient } from "./ghl/client.js";
import { createLogger, type Logger } from "./logger.js";
import { Poller } from "./resources/poller.js";
import { startSandbox, type Sandbox } from "./sandbox/index.js";
import type { ToolContext } from "./tools/framework.js";
import type { ToolSelection } from "./tools/index.js";

export interface Runtime {
  config: Config;
  logger: Logger;
  client: GhlClient;
  context: ToolContext;
  selection: ToolSelection;
  sandbox?: Sandbox;
  /** Reads subscribed resources again at the poll interval, while anyone listens. */
  poller: Poller;
  close(): Promise<void>;
}

/** Settings that are not configuration: the tests' faster clock. */
export interface RuntimeOptions {
  /** Poll this often instead of every GHL_POLL_INTERVAL minutes (tests only). */
  pollIntervalMs?: number;
}

export async function createRuntime(
  config: Config,
  logger = createLogger(config.logLevel),
  options: RuntimeOptions = {},
): Promise<Runtime> {
  let sandbox: Sandbox | undefined;
  let credentials: StaticCredential;
  let agencyCredentials: StaticCredential | undefined;
  let baseUrl = config.baseUrl;
  let locationId = config.locationId;
  let companyId = config.companyId;

  if (config.sandbox) {
    sandbox = await startSandbox();
    credentials = new StaticCredential(sandbox.tokens.location, ScopeSet.all());
    agencyCredentials = new StaticCredential(sandbox.tokens.agency, ScopeSet.all());
    baseUrl = sandbox.url;
    locationId = sandbox.locationId;
    companyId = sandbox.companyId;
  } else {
    credentials = new StaticCredential(config.token!, config.scopes);
    if (config.agencyToken) agencyCredentials = new StaticCredential(config.agencyToken);
  }

  const client = new GhlClient({
    baseUrl,
    credentials,
    agencyCredentials,
    logger,
    timeoutMs: config.timeoutMs,
  });
  const poller = new Poller({
    intervalMs: options.pollIntervalMs ?? config.pollIntervalMinutes * 60_000,
    logger,
  });
  return {
    config,
    logger,
    client,
    sandbox,
    poller,
    context: { client, locationId, companyId },
    selection: {
      toolsets: config.toolsets,
      readOnly: config.readOnly,
      scopes: config.scopes.isAll ? undefined : config.scopes,
    },
    async close() {
      poller.stop();
      await client.close();
      await sandbox?.close();
    },
  };
}
