// Who listens to what. A session is one client's subscriptions: the resources it asked about and
// whether it wants to hear of new contacts; the runtime's poller does the watching, and the
// session's sink delivers `notifications/resources/updated` and `.../list_changed`.
//
// Over stdio a connection speaks one protocol era. 2025-era clients send `resources/subscribe`
// to the server instance (handled where resources are registered); 2026-07-28 clients open
// `subscriptions/listen` streams, which the SDK's stdio entry answers itself without telling the
// server instance, so the connection watches its wire for them to learn what to poll.
import {
  ResourceNotFoundError,
  type JSONRPCMessage,
  type McpServer,
  type Transport,
} from "@modelcontextprotocol/server";
import type { Logger } from "../logger.js";
import type { ToolContext } from "../tools/framework.js";
import { digest, matchUri, readResource, type ResourceKind } from "./catalog.js";
import { contactListFingerprint } from "./contacts.js";
import type { Poller } from "./poller.js";

/** Where a session's notifications go; the SDK's `ServerNotifier` (HTTP) has this shape too. */
export interface ChangeSink {
  resourceUpdated(uri: string): void;
  resourcesChanged(): void;
}

/** A content digest that survives the resource disappearing: a deleted contact is a change. */
const GONE = "gone";

/** Tells contexts apart in poll keys, so two credentials never share a read. */
const contextIds = new WeakMap<ToolContext, number>();
let contexts = 0;
function contextId(ctx: ToolContext): number {
  let id = contextIds.get(ctx);
  if (id === undefined) contextIds.set(ctx, (id = ++contexts));
  return id;
}

export interface SessionOptions {
  poller: Poller;
  context: ToolContext;
  /** The resources this client may subscribe to. */
  kinds: readonly ResourceKind[];
  sink: ChangeSink;
  logger: Logger;
}

export class SubscriptionSession {
  /** owner (a listen stream, or "legacy") → what it watches → how to stop. */
  private readonly owners = new Map<string, Map<string, () => void>>();
  private closed = false;

  constructor(private readonly options: SessionOptions) {}

  /** Whether this URI names a resource the client may subscribe to. */
  accepts(uri: string): boolean {
    return matchUri(uri, this.options.kinds) !== undefined;
  }

  /** Starts watching `uri` for `owner`; reads it once first, so an unknown resource is refused. */
  async subscribe(owner: string, uri: string): Promise<void> {
    const { poller, context, kinds, sink } = this.options;
    if (this.watching(owner, uri)) return;
    const read = async (strict: boolean) => {
      try {
        return digest(await readResource(uri, kinds, context));
      } catch (error) {
        if (!strict && error instanceof ResourceNotFoundError) return GONE;
        throw error;
      }
    };
    const baseline = await read(true);
    if (this.closed || this.watching(owner, uri)) return;
    const key = `${contextId(context)} ${uri}`;
    const stop = poller.watch(
      key,
      () => read(false),
      baseline,
      () => sink.resourceUpdated(uri),
    );
    this.entriesOf(owner).set(uri, stop);
  }

  unsubscribe(owner: string, uri: string): void {
    const entries = this.owners.get(owner);
    entries?.get(uri)?.();
    entries?.delete(uri);
  }

  /** Watches the location's contacts for additions and removals (resources/list changes). */
  async watchContactList(owner: string): Promise<void> {
    const { poller, context, sink } = this.options;
    const locationId = context.locationId;
    const name = "contacts list";
    if (!locationId || this.watching(owner, name)) return;
    const read = () => contactListFingerprint(locationId, context);
    const baseline = await read();
    if (this.closed || this.watching(owner, name)) return;
    const key = `${contextId(context)} contacts of ${locationId}`;
    this.entriesOf(owner).set(
      name,
      poller.watch(key, read, baseline, () => sink.resourcesChanged()),
    );
  }

  /**
   * Watches what a 2026-07-28 `subscriptions/listen` filter asks for, under `owner` (the stream).
   * Resolves once everything is read, so the stream can be acknowledged knowing its starting
   * state; what cannot be watched is left out (and logged), as the stream has no error to carry.
   */
  async listen(owner: string, filter: ListenFilter): Promise<void> {
    const { logger } = this.options;
    const watching = (filter.resourceSubscriptions ?? [])
      .filter((uri) => this.accepts(uri))
      .map((uri) =>
        this.subscribe(owner, uri).catch((error: unknown) => {
          logger.warn({ uri, error: (error as Error).message }, "cannot watch resource");
        }),
      );
    if (filter.resourcesListChanged) {
      watching.push(
        this.watchContactList(owner).catch((error: unknown) => {
          logger.warn({ error: (error as Error).message }, "cannot watch the contact list");
        }),
      );
    }
    await Promise.all(watching);
  }

  /** Stops everything `owner` watches (a listen stream cancelled). */
  release(owner: string): void {
    for (const stop of this.owners.get(owner)?.values() ?? []) stop();
    this.owners.delete(owner);
  }

  close(): void {
    this.closed = true;
    for (const owner of [...this.owners.keys()]) this.release(owner);
  }

  private watching(owner: string, what: string): boolean {
    return this.owners.get(owner)?.has(what) ?? false;
  }

  private entriesOf(owner: string): Map<string, () => void> {
    let entries = this.owners.get(owner);
    if (!entries) this.owners.set(owner, (entries = new Map()));
    return entries;
  }
}

/** What the server factory needs to serve subscriptions on a connection. */
export interface ServedSubscriptions {
  session: SubscriptionSession;
  /** Makes `server` the instance the connection's notifications go out through. */
  attach(server: McpServer): void;
}

/** The subscriptions of one stdio connection, whichever era it speaks. */
export class StdioSubscriptions implements ServedSubscriptions, ChangeSink {
  readonly session: SubscriptionSession;
  private server?: McpServer;

  constructor(
    options: Omit<SessionOptions, "sink">,
    private readonly logger = options.logger,
  ) {
    this.session = new SubscriptionSession({ ...options, sink: this });
  }

  attach(server: McpServer): void {
    this.server = server;
    const previous = server.server.onclose;
    server.server.onclose = () => {
      previous?.();
      if (this.server === server) this.server = undefined;
    };
  }

  resourceUpdated(uri: string): void {
    this.server?.server.sendResourceUpdated({ uri }).catch((error: unknown) => {
      this.logger.warn({ error: (error as Error).message }, "could not send resources/updated");
    });
  }

  resourcesChanged(): void {
    this.server?.sendResourceListChanged();
  }

  /** Wraps the stdio transport to see the client's `subscriptions/listen` streams come and go. */
  observe(transport: Transport): Transport {
    return new ObservedTransport(transport, {
      message: (message) => this.onMessage(message),
      closed: () => this.session.close(),
    });
  }

  /** The stream is acknowledged only after `listen` has read its starting state. */
  private async onMessage(message: JSONRPCMessage): Promise<void> {
    if (!("method" in message)) return;
    if (message.method === "notifications/cancelled") {
      const requestId = (message.params as { requestId?: unknown } | undefined)?.requestId;
      if (requestId !== undefined) this.session.release(`listen ${String(requestId)}`);
    }
    if (message.method === "subscriptions/listen" && "id" in message) {
      const params = message.params as { notifications?: ListenFilter } | undefined;
      await this.session.listen(`listen ${String(message.id)}`, params?.notifications ?? {});
    }
  }
}

/** The part of a `subscriptions/listen` filter that polling serves. */
export interface ListenFilter {
  resourceSubscriptions?: string[];
  resourcesListChanged?: boolean;
}

/**
 * A transport that shows every inbound message, and the close, to an observer before its owner
 * gets them. The observer may hold a message back (by returning a promise); later messages wait
 * behind it, so the owner still sees them in order.
 */
class ObservedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport["onmessage"];
  private delivered: Promise<void> = Promise.resolve();

  constructor(
    private readonly inner: Transport,
    observer: { message(message: JSONRPCMessage): Promise<void>; closed(): void },
  ) {
    inner.onmessage = (message, extra) => {
      const observed = observer.message(message);
      this.delivered = this.delivered
        .then(() => observed)
        .then(() => this.onmessage?.(message, extra))
        .catch((error: unknown) => this.onerror?.(error as Error));
    };
    inner.onclose = () => {
      observer.closed();
      this.onclose?.();
    };
    inner.onerror = (error) => this.onerror?.(error);
  }

  get sessionId() {
    return this.inner.sessionId;
  }

  setProtocolVersion = (version: string) => this.inner.setProtocolVersion?.(version);

  start() {
    return this.inner.start();
  }

  send(...args: Parameters<Transport["send"]>) {
    return this.inner.send(...args);
  }

  close() {
    return this.inner.close();
  }
}
