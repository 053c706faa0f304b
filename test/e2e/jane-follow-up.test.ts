// "Complete Jane's follow-up task", done as an agent would, over stdio with each client
// generation: find the contact, list her tasks, complete the right one, and see it completed in
// the sandbox playing GoHighLevel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { CLIENT_KINDS, againstSandbox, connectStdio, textOf } from "../support/mcp-clients.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe.each(CLIENT_KINDS)("with the %s client", (kind) => {
  it("completes Jane Cooper's follow-up task and nothing else", async () => {
    sandbox.reset();
    const before = new Map([...sandbox.store.tasks.values()].map((t) => [t.id, t.completed]));
    const client = await connectStdio(kind, againstSandbox(sandbox));
    try {
      const ambiguous = await client.callTool("contacts_find", { query: "Jane" });
      expect(ambiguous.structuredContent?.ambiguous).toBe(true);
      expect(textOf(ambiguous)).toMatch(/Confirm which one is meant/);

      const found = await client.callTool("contacts_find", { query: "Jane from Acme" });
      const [jane] = found.structuredContent?.matches as { id: string; name: string }[];
      expect(jane?.name).toBe("Jane Cooper");
      expect(found.structuredContent?.ambiguous).toBe(false);

      const listed = await client.callTool("contacts_list_tasks", { contactId: jane!.id });
      const tasks = listed.structuredContent?.tasks as {
        id: string;
        title: string;
        completed: boolean;
      }[];
      const open = tasks.filter((t) => !t.completed && /follow-up/i.test(t.title));
      expect(open).toHaveLength(1);

      const done = await client.callTool("contacts_complete_task", {
        contactId: jane!.id,
        taskId: open[0]!.id,
      });
      expect(done.isError).toBeFalsy();
      expect(textOf(done)).toMatch(/is now completed/);

      const changed = [...sandbox.store.tasks.values()].filter(
        (t) => before.get(t.id) !== t.completed,
      );
      expect(changed.map((t) => [t.id, t.completed])).toEqual([[open[0]!.id, true]]);
    } finally {
      await client.close();
    }
  });
});
