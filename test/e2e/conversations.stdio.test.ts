// Every Conversations tool over real stdio against the sandbox playing GoHighLevel: each call works,
// changes what it should in the sandbox, and any invalid input is refused before GHL sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { allTools } from "../../src/tools/index.js";
import { againstSandbox, connectStdio, textOf, type TestClient } from "../support/mcp-clients.js";

let sandbox: Sandbox;
let client: TestClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  client = await connectStdio("current (2026-07-28)", againstSandbox(sandbox));
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});

function call<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}) {
  return client.callOk<T>(name, args);
}

/** Calls a tool that must refuse, and checks nothing reached the sandbox. */
async function refused(name: string, args: Record<string, unknown>): Promise<string> {
  const before = sandbox.requests.length;
  const result = await client.callTool(name, args);
  expect(result.isError).toBe(true);
  expect(sandbox.requests.length).toBe(before);
  return textOf(result);
}

function contact(firstName: string, lastName: string) {
  const found = [...sandbox.store.contacts.values()].find(
    (c) => c.firstName === firstName && c.lastName === lastName,
  );
  if (!found) throw new Error(`no contact ${firstName} ${lastName}`);
  return found;
}

function conversationOf(firstName: string, lastName: string) {
  const { id } = contact(firstName, lastName);
  return [...sandbox.store.conversations.values()].find((c) => c.contactId === id);
}

function messagesIn(conversationId: string) {
  return [...sandbox.store.messages.values()].filter((m) => m.conversationId === conversationId);
}

describe("the Conversations toolset over stdio", () => {
  it("lists every conversations tool, and never marks a send as safe to repeat", async () => {
    const { tools } = await client.listTools();
    const expected = allTools.filter((t) => t.toolset === "conversations").map((t) => t.name);
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(expected));
    const send = tools.find((t) => t.name === "conversations_send_message") as unknown as {
      annotations: object;
    };
    expect(send.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false });
  });

  it("searches conversations page by page, reaching each exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let total: number | undefined;
    do {
      const page = await call<{
        conversations: { id: string }[];
        nextCursor?: string;
        total: number;
      }>("conversations_search", { limit: 2, ...(cursor && { cursor }) });
      seen.push(...page.conversations.map((c) => c.id));
      total = page.total;
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(sandbox.store.conversations.size);
    expect(new Set(seen).size).toBe(seen.length);
    expect(total).toBe(seen.length);

    const starred = await call<{ conversations: { contactName: string }[] }>(
      "conversations_search",
      { more: { status: "starred" } },
    );
    expect(starred.conversations.map((c) => c.contactName)).toEqual(["Maria Gonzalez"]);
  });

  it("reads Jane Cooper's conversation and pages through her SMS thread", async () => {
    const conversation = conversationOf("Jane", "Cooper")!;
    const got = await call<{ conversation: Record<string, unknown> }>("conversations_get", {
      conversationId: conversation.id,
    });
    expect(got.conversation).toMatchObject({
      id: conversation.id,
      contactName: "Jane Cooper",
      type: "TYPE_PHONE",
      lastMessageBody: "Great, afternoons work best for a call. Thanks!",
    });
    expect(got.conversation.lastMessageDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const bodies: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<{ messages: { body: string }[]; nextCursor?: string }>(
        "conversations_list_messages",
        { conversationId: conversation.id, ...(cursor && { cursor }) },
      );
      bodies.push(...page.messages.map((m) => m.body));
      cursor = page.nextCursor;
    } while (cursor);
    expect(bodies).toHaveLength(4);
    expect(bodies[3]).toContain("You have 2 sessions left");
  });

  it("filters messages by type and refuses an unknown type before calling GHL", async () => {
    const conversation = conversationOf("Jane", "Doe")!;
    const emails = await call<{ messages: { messageType: string; emailMessageId: string }[] }>(
      "conversations_list_messages",
      { conversationId: conversation.id, types: ["TYPE_EMAIL"] },
    );
    expect(emails.messages.map((m) => m.messageType)).toEqual(["TYPE_EMAIL", "TYPE_EMAIL"]);

    const text = await refused("conversations_list_messages", {
      conversationId: conversation.id,
      types: ["TYPE_FAX"],
    });
    expect(text).toContain("types.0");
  });

  it("gets a message, and the email behind it", async () => {
    const conversation = conversationOf("Jane", "Doe")!;
    const sent = messagesIn(conversation.id).find((m) => m.email && m.direction === "outbound")!;
    const { message } = await call<{ message: { emailMessageId: string } }>(
      "conversations_get_message",
      { messageId: sent.id },
    );
    expect(message.emailMessageId).toBe(sent.email!.id);

    const { email } = await call<{ email: Record<string, unknown> }>("conversations_get_email", {
      emailMessageId: message.emailMessageId,
    });
    expect(email).toMatchObject({
      subject: "Your free intro session at Northside Strength",
      to: ["janedoe.fit@gmail.com"],
    });
  });

  it("sends an SMS that lands in the contact's conversation", async () => {
    const jane = contact("Jane", "Cooper");
    const sent = await call<{ messageId: string; conversationId: string }>(
      "conversations_send_message",
      { contactId: jane.id, type: "SMS", message: "Marcus here, calling you at 3pm." },
    );
    expect(sent.conversationId).toBe(conversationOf("Jane", "Cooper")!.id);
    expect(sandbox.store.messages.get(sent.messageId)).toMatchObject({
      contactId: jane.id,
      messageType: "TYPE_SMS",
      direction: "outbound",
      body: "Marcus here, calling you at 3pm.",
    });
  });

  it("sends an email, opening a conversation for a contact who had none", async () => {
    const grace = contact("Grace", "Lee");
    expect(conversationOf("Grace", "Lee")).toBeUndefined();
    const sent = await call<{ emailMessageId: string; conversationId: string }>(
      "conversations_send_message",
      {
        contactId: grace.id,
        type: "Email",
        subject: "Welcome to Northside Strength",
        html: "<p>Hi Grace, welcome!</p>",
        more: { attachments: ["https://northsidestrength.com/welcome.pdf"] },
      },
    );
    expect(conversationOf("Grace", "Lee")?.id).toBe(sent.conversationId);
    const message = messagesIn(sent.conversationId)[0]!;
    expect(message.email).toMatchObject({
      id: sent.emailMessageId,
      subject: "Welcome to Northside Strength",
      to: ["grace.lee@gmail.com"],
    });
    expect(message.attachments).toEqual(["https://northsidestrength.com/welcome.pdf"]);
  });

  it("refuses, before sending, an email without subject, an SMS without text, a past schedule", async () => {
    const jane = contact("Jane", "Cooper");
    expect(
      await refused("conversations_send_message", {
        contactId: jane.id,
        type: "Email",
        html: "<p>Hi</p>",
      }),
    ).toContain("subject");
    expect(
      await refused("conversations_send_message", { contactId: jane.id, type: "SMS" }),
    ).toContain("message");
    expect(
      await refused("conversations_send_message", {
        contactId: jane.id,
        type: "SMS",
        message: "Hi",
        scheduledAt: "2020-01-01T09:00:00-06:00",
      }),
    ).toContain("scheduledAt");
    expect(
      await refused("conversations_send_message", {
        contactId: jane.id,
        type: "Fax",
        message: "x",
      }),
    ).toContain("type");
  });

  it("schedules a message, then cancels it", async () => {
    const jane = contact("Jane", "Cooper");
    const at = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const sent = await call<{ messageId: string; scheduledAt: string }>(
      "conversations_send_message",
      { contactId: jane.id, type: "SMS", message: "See you Tuesday!", scheduledAt: at },
    );
    expect(sent.scheduledAt).toBe(at);
    expect(sandbox.store.messages.get(sent.messageId)?.status).toBe("scheduled");

    await call("conversations_cancel_scheduled_message", { messageId: sent.messageId });
    expect(sandbox.store.messages.has(sent.messageId)).toBe(false);

    const again = await client.callTool("conversations_cancel_scheduled_message", {
      messageId: sent.messageId,
    });
    expect(again.isError).toBe(true);
  });

  it("creates, updates and deletes a conversation", async () => {
    const olivia = contact("Olivia", "Martin");
    const { conversation } = await call<{ conversation: { id: string } }>("conversations_create", {
      contactId: olivia.id,
    });
    expect(sandbox.store.conversations.get(conversation.id)?.contactId).toBe(olivia.id);

    await call("conversations_update", { conversationId: conversation.id, starred: true });
    expect(sandbox.store.conversations.get(conversation.id)?.starred).toBe(true);

    await call("conversations_delete", { conversationId: conversation.id });
    expect(sandbox.store.conversations.has(conversation.id)).toBe(false);
  });

  it("gets a call's recording, with the small audio inline", async () => {
    const call1 = messagesIn(conversationOf("Robert", "Chen")!.id).find((m) => m.call)!;
    const recording = await call<{ contentType: string; bytes: number; base64: string }>(
      "conversations_get_recording",
      { messageId: call1.id },
    );
    expect(recording.contentType).toBe("audio/x-wav");
    expect(recording.bytes).toBe(call1.call!.recording!.data.length);
    expect(Buffer.from(recording.base64, "base64").subarray(0, 4).toString()).toBe("RIFF");
  });

  it("describes a large recording without flooding the result with its audio", async () => {
    const call1 = messagesIn(conversationOf("Robert", "Chen")!.id).find((m) => m.call)!;
    const original = call1.call!.recording!.data;
    call1.call!.recording!.data = Buffer.alloc(200_000, 0x80);
    try {
      const result = await client.callTool("conversations_get_recording", { messageId: call1.id });
      expect(result.structuredContent).toEqual({ contentType: "audio/x-wav", bytes: 200_000 });
      expect(textOf(result)).toContain("conversations_get_transcription");
    } finally {
      call1.call!.recording!.data = original;
    }
  });

  it("gets a call's transcription, as sentences and as text", async () => {
    const call1 = messagesIn(conversationOf("Robert", "Chen")!.id).find((m) => m.call)!;
    const { sentences } = await call<{ sentences: { transcript: string }[] }>(
      "conversations_get_transcription",
      { messageId: call1.id },
    );
    expect(sentences).toHaveLength(4);
    const { text } = await call<{ text: string }>("conversations_download_transcription", {
      messageId: call1.id,
    });
    expect(text).toBe(sentences.map((s) => s.transcript).join("\n"));
  });

  it("sets the status of a custom provider's message", async () => {
    const [message] = messagesIn(conversationOf("Tom", "Kowalski")!.id);
    await call("conversations_update_message_status", { messageId: message!.id, status: "read" });
    expect(sandbox.store.messages.get(message!.id)?.status).toBe("read");
  });

  it("shows the agent typing in a live chat", async () => {
    const chat = conversationOf("Aisha", "Thompson")!;
    await call("conversations_live_chat_typing", {
      conversationId: chat.id,
      visitorId: chat.visitorId,
      isTyping: true,
    });
    expect(sandbox.store.conversations.get(chat.id)?.agentTyping).toBe(true);
  });

  it("lists the location's message templates by type", async () => {
    const page = await call<{ templates: { name: string; body: string }[]; total: number }>(
      "conversations_list_templates",
      { type: "sms" },
    );
    expect(page.templates.map((t) => t.name)).toEqual([
      "Package renewal nudge",
      "Session reminder",
    ]);
    expect(page.total).toBe(2);
    expect(page.templates[1]?.body).toContain("{{contact.first_name}}");
  });
});
