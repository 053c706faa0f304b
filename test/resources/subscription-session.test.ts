// One client's subscriptions in-process, against the sandbox through the runtime's real client
// and poller: what is read when, what counts as a change, and that nothing is polled once the
// session ends.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { selectResources } from "../../src/resources/catalog.js";
import { SubscriptionSession } from "../../src/resources/subscriptions.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { againstSandbox } from "../support/mcp-clients.js";

let sandbox: Sandbox;
let runtime: Runtime;
let session: SubscriptionSession;
const heard = { updated: [] as string[], listChanges: 0 };

beforeAll(async () => {
  sandbox = await startSandbox();
  const { config } = parseCommandLine(againstSandbox(sandbox), {});
  runtime = await createRuntime(config, silentLogger, { pollIntervalMs: 60_000 });
});
afterAll(async () => {
  await runtime.close();
  await sandbox.close();
});
afterEach(() => session.close());

function openSession(): SubscriptionSession {
  heard.updated = [];
  heard.listChanges = 0;
  session = new SubscriptionSession({
    poller: runtime.poller,
    context: runtime.context,
    kinds: selectResources(),
    logger: silentLogger,
    sink: {
      resourceUpdated: (uri) => heard.updated.push(uri),
      resourcesChanged: () => (heard.listChanges += 1),
    },
  });
  return session;
}

const someone = () => [...sandbox.store.contacts.values()][3]!;
const uriOf = (contactId: string) => `ghl://locations/${sandbox.locationId}/contacts/${contactId}`;

describe("a subscription session", () => {
  it("reads a resource when subscribing, so an unknown one is refused at once", async () => {
    openSession();
    await expect(session.subscribe("legacy", uriOf("nobody0000000000000"))).rejects.toThrow(
      /not found/i,
    );
    expect(runtime.poller.active).toBe(false);
  });

  it("reports a contact deleted in GoHighLevel as a change", async () => {
    openSession();
    const doomed = sandbox.outside.addContact({ firstName: "Temp", lastName: "Person" });
    await session.subscribe("legacy", uriOf(doomed.id));
    sandbox.store.contacts.delete(doomed.id);
    await runtime.poller.poll();
    expect(heard.updated).toEqual([uriOf(doomed.id)]);
  });

  it("hears of new contacts only when watching the contact list", async () => {
    openSession();
    await session.subscribe("legacy", uriOf(someone().id));
    sandbox.outside.addContact({ firstName: "Ines", lastName: "Duarte" });
    await runtime.poller.poll();
    expect(heard.listChanges).toBe(0);

    await session.watchContactList("legacy");
    sandbox.outside.addContact({ firstName: "Omar", lastName: "Haddad" });
    await runtime.poller.poll();
    expect(heard.listChanges).toBe(1);
  });

  it("stops polling when its last owner lets go, or when it closes", async () => {
    openSession();
    await session.subscribe("listen 1", uriOf(someone().id));
    await session.subscribe("listen 2", uriOf(someone().id));
    session.release("listen 1");
    expect(runtime.poller.active).toBe(true);
    session.release("listen 2");
    expect(runtime.poller.active).toBe(false);

    await session.watchContactList("legacy");
    expect(runtime.poller.active).toBe(true);
    session.close();
    expect(runtime.poller.active).toBe(false);
  });
});
