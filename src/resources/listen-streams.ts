// Subscriptions over stateless HTTP: each 2026-07-28 `subscriptions/listen` stream gets its own
// session, polled with the caller's own GHL client, read before the stream is acknowledged, and
// released when the stream closes. The SDK's handler serves the stream; this is the event bus it
// subscribes the stream to, and each stream hears only its own session's changes (a plain bus
// would hand a change to every stream naming the URI, whichever tenant opened it).
import { AsyncLocalStorage } from "node:async_hooks";
import type { FetchLikeMcpHandler } from "@modelcontextprotocol/node";
import type { AuthInfo, ServerEvent, ServerEventBus } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { Logger } from "../logger.js";
import type { ToolContext } from "../tools/framework.js";
import type { ToolSelection } from "../tools/index.js";
import { selectResources } from "./catalog.js";
import type { Poller } from "./poller.js";
import { SubscriptionSession, type ChangeSink, type SessionOptions } from "./subscriptions.js";

export interface ListenStreamOptions {
  poller: Poller;
  logger: Logger;
  /** The GHL client and tools of whoever sent the request (a tenant, or the server's own). */
  callerOf(authInfo: AuthInfo | undefined): { context: ToolContext; selection: ToolSelection };
}

type Listener = (event: ServerEvent) => void;

/** One listen stream: its session, and the SDK's listener once the stream is acknowledged. */
class Stream implements ChangeSink {
  readonly session: SubscriptionSession;
  listener?: Listener;

  constructor(options: Omit<SessionOptions, "sink">) {
    this.session = new SubscriptionSession({ ...options, sink: this });
  }

  resourceUpdated(uri: string): void {
    this.listener?.({ kind: "resource_updated", uri });
  }

  resourcesChanged(): void {
    this.listener?.({ kind: "resources_list_changed" });
  }
}

/** The part of a listen request read here; the SDK validates the whole and answers if invalid. */
const listenRequest = z.object({
  id: z.union([z.string(), z.number()]),
  params: z.object({
    notifications: z.object({
      resourceSubscriptions: z.array(z.string()).optional(),
      resourcesListChanged: z.boolean().optional(),
    }),
  }),
});

export class ListenStreams implements ServerEventBus {
  private readonly listeners = new Set<Listener>();
  /** The stream whose request the SDK is serving, so `subscribe` knows whose listener it gets. */
  private readonly opening = new AsyncLocalStorage<Stream>();

  constructor(private readonly options: ListenStreamOptions) {}

  /** The handler's fetch, with each listen request's session started before the SDK serves it. */
  serve(handler: FetchLikeMcpHandler): FetchLikeMcpHandler {
    return {
      fetch: async (request, requestOptions) => {
        const listen = await readListenRequest(request);
        if (!listen) return handler.fetch(request, requestOptions);

        const stream = this.open(requestOptions?.authInfo);
        await stream.session.listen(String(listen.id), listen.params.notifications);
        try {
          return await this.opening.run(stream, () => handler.fetch(request, requestOptions));
        } finally {
          // Refused (bad request, subscription limit) or acknowledged with nothing to hear.
          if (!stream.listener) stream.session.close();
        }
      },
    };
  }

  /** Called by the SDK as it opens a stream; the returned function runs when the stream ends. */
  subscribe(listener: Listener): () => void {
    const stream = this.opening.getStore();
    if (stream) stream.listener = listener;
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      stream?.session.close();
    };
  }

  /** Every open stream that asked for this kind of change hears it (`handler.notify`). */
  publish(event: ServerEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private open(authInfo: AuthInfo | undefined): Stream {
    const { poller, logger, callerOf } = this.options;
    const { context, selection } = callerOf(authInfo);
    return new Stream({ poller, context, kinds: selectResources(selection), logger });
  }
}

/** The listen request in `request`, read from a copy so the SDK can still read the body. */
async function readListenRequest(request: Request) {
  // 2026-07-28 requires the header, and the SDK refuses a request whose body names another method.
  if (request.method !== "POST" || request.headers.get("mcp-method") !== "subscriptions/listen") {
    return undefined;
  }
  const body: unknown = await request
    .clone()
    .json()
    .catch(() => undefined);
  const parsed = listenRequest.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
