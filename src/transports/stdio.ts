// stdio: one client on stdin/stdout. The SDK's entry settles the protocol era from the client's
// opening message (the 2026-07-28 revision, or the initialize handshake of older clients) and
// builds one server for it from the factory; the connection's resource subscriptions, whichever
// era they come in, are polled by the runtime's poller.
import { StdioServerTransport, serveStdio } from "@modelcontextprotocol/server/stdio";
import { selectResources } from "../resources/catalog.js";
import { StdioSubscriptions } from "../resources/subscriptions.js";
import type { Runtime } from "../runtime.js";
import { createServer } from "../server.js";

export interface StdioConnection {
  close(): Promise<void>;
}

export function serveStdioConnection(runtime: Runtime): StdioConnection {
  const { context, selection, poller, logger } = runtime;
  const subscriptions = new StdioSubscriptions({
    poller,
    context,
    kinds: selectResources(selection),
    logger,
  });
  const connection = serveStdio(() => createServer({ context, selection, subscriptions }), {
    transport: subscriptions.observe(new StdioServerTransport()),
    onerror: (error) => logger.debug({ error: error.message }, "stdio connection error"),
  });
  return {
    async close() {
      subscriptions.session.close();
      await connection.close();
    },
  };
}
