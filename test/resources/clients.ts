// The resource, completion, subscription and prompt calls the tests make, the same for every
// client generation: the current SDK speaking 2026-07-28 (subscriptions/listen streams) or the
// older handshake (resources/subscribe), and the 1.x SDK (resources/subscribe).
import type { Client } from "@modelcontextprotocol/client";
import type { Client as ClientV1 } from "mcp-sdk-v1/client/index.js";
import {
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from "mcp-sdk-v1/types.js";
import { CLI, connectStdio, type ClientKind, type TestClient } from "../support/mcp-clients.js";

export const FAST_POLL_SERVER = "test/resources/fast-poll-server.mjs";
export const POLL_MS = 250;

export interface Listed {
  uri: string;
  name: string;
  title?: string;
  mimeType?: string;
}

export type Ref = { type: "ref/resource"; uri: string } | { type: "ref/prompt"; name: string };

export interface PromptMessage {
  role: string;
  content: { type: string; text?: string; resource?: { uri: string; text?: string } };
}

export interface ResourceClient {
  kind: ClientKind;
  raw: TestClient["raw"];
  listResources(
    cursor?: string,
  ): Promise<{ resources: Listed[]; nextCursor?: string; ttlMs?: number }>;
  listTemplates(): Promise<{ name: string; uriTemplate: string; mimeType?: string }[]>;
  /** Lists and reads are fetched fresh: the tests look at the server, not the client's cache. */
  read<T = Record<string, unknown>>(uri: string): Promise<T>;
  readRaw(uri: string): Promise<{
    contents: { uri: string; mimeType?: string; text?: string }[];
    ttlMs?: number;
    cacheScope?: string;
  }>;
  complete(
    ref: Ref,
    argument: string,
    value: string,
    filled?: Record<string, string>,
  ): Promise<string[]>;
  listPrompts(): Promise<
    {
      name: string;
      title?: string;
      description?: string;
      arguments?: { name: string; description?: string; required?: boolean }[];
    }[]
  >;
  getPrompt(name: string, args?: Record<string, string>): Promise<{ messages: PromptMessage[] }>;
  /** Subscribes the way the client's era does; returns how to unsubscribe. */
  subscribe(uri: string): Promise<() => Promise<void>>;
  /** Asks to hear of resources/list changes (2026-07-28: a listen stream; older: listing). */
  watchList(): Promise<() => Promise<void>>;
  updates: string[];
  listChanges: number;
  close(): Promise<void>;
}

export async function connectForResources(
  kind: ClientKind,
  args: string[],
  options: { fastPolling?: boolean } = {},
): Promise<ResourceClient> {
  const script = options.fastPolling ? FAST_POLL_SERVER : CLI;
  const serverArgs = options.fastPolling ? [String(POLL_MS), ...args] : args;
  const client = await connectStdio(kind, serverArgs, {}, script);
  return kind === "sdk 1.x"
    ? adaptV1(kind, client, client.raw as ClientV1)
    : adaptCurrent(kind, client, client.raw as Client);
}

function adaptCurrent(kind: ClientKind, test: TestClient, client: Client): ResourceClient {
  const modern = kind === "current (2026-07-28)";
  const adapted: ResourceClient = {
    kind,
    raw: client,
    updates: [],
    listChanges: 0,
    listResources: (cursor) =>
      client.listResources(cursor ? { cursor } : {}, { cacheMode: "bypass" }),
    listTemplates: async () => (await client.listResourceTemplates()).resourceTemplates,
    readRaw: (uri) =>
      client.readResource({ uri }, { cacheMode: "bypass" }) as ReturnType<
        ResourceClient["readRaw"]
      >,
    read: async (uri) => parse(await adapted.readRaw(uri)),
    complete: async (ref, name, value, filled) =>
      (
        await client.complete({
          ref,
          argument: { name, value },
          ...(filled && { context: { arguments: filled } }),
        })
      ).completion.values,
    listPrompts: async () => (await client.listPrompts()).prompts,
    getPrompt: (name, args) =>
      client.getPrompt({ name, arguments: args ?? {} }) as ReturnType<ResourceClient["getPrompt"]>,
    async subscribe(uri) {
      if (!modern) {
        await client.subscribeResource({ uri });
        return async () => void (await client.unsubscribeResource({ uri }));
      }
      const subscription = await client.listen({ resourceSubscriptions: [uri] });
      return () => subscription.close();
    },
    async watchList() {
      if (!modern) {
        await client.listResources();
        return async () => undefined;
      }
      const subscription = await client.listen({ resourcesListChanged: true });
      return () => subscription.close();
    },
    close: () => test.close(),
  };
  client.setNotificationHandler("notifications/resources/updated", (notification) => {
    adapted.updates.push(notification.params.uri);
  });
  client.setNotificationHandler("notifications/resources/list_changed", () => {
    adapted.listChanges += 1;
  });
  return adapted;
}

function adaptV1(kind: ClientKind, test: TestClient, client: ClientV1): ResourceClient {
  const adapted: ResourceClient = {
    kind,
    raw: client,
    updates: [],
    listChanges: 0,
    listResources: (cursor) => client.listResources(cursor ? { cursor } : {}),
    listTemplates: async () => (await client.listResourceTemplates()).resourceTemplates,
    readRaw: (uri) => client.readResource({ uri }) as ReturnType<ResourceClient["readRaw"]>,
    read: async (uri) => parse(await adapted.readRaw(uri)),
    complete: async (ref, name, value, filled) =>
      (
        await client.complete({
          ref,
          argument: { name, value },
          ...(filled && { context: { arguments: filled } }),
        })
      ).completion.values,
    listPrompts: async () => (await client.listPrompts()).prompts,
    getPrompt: (name, args) =>
      client.getPrompt({ name, arguments: args ?? {} }) as ReturnType<ResourceClient["getPrompt"]>,
    async subscribe(uri) {
      await client.subscribeResource({ uri });
      return async () => void (await client.unsubscribeResource({ uri }));
    },
    async watchList() {
      await client.listResources();
      return async () => undefined;
    },
    close: () => test.close(),
  };
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
    adapted.updates.push(notification.params.uri);
  });
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
    adapted.listChanges += 1;
  });
  return adapted;
}

function parse<T>(result: { contents: { text?: string }[] }): T {
  return JSON.parse(result.contents[0]?.text ?? "null") as T;
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(
  check: () => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
