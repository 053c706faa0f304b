import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact, type CallOptions } from "./http.js";

const NOW = Date.parse("2026-03-09T15:00:00Z");
let clock = NOW;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => clock });
});
beforeEach(() => {
  clock = NOW;
  sandbox.reset();
});
afterAll(() => sandbox.close());

/** Conversations speak Version 2021-04-15. */
function api(method: string, path: string, options: CallOptions = {}) {
  return call(sandbox, method, path, { version: "2021-04-15", ...options });
}

function conversationOf(firstName: string, lastName: string) {
  const contact = seededContact(sandbox, firstName, lastName);
  const conversation = [...sandbox.store.conversations.values()].find(
    (c) => c.contactId === contact.id,
  );
  if (!conversation) throw new Error(`${firstName} ${lastName} has no conversation`);
  return conversation;
}

function messagesIn(conversationId: string) {
  return [...sandbox.store.messages.values()].filter((m) => m.conversationId === conversationId);
}

async function send(body: Record<string, unknown>) {
  return api("POST", "/conversations/messages", { body });
}

describe("conversation search", () => {
  it("lists the location's conversations, latest message first, with the total", async () => {
    const response = await api("GET", `/conversations/search?locationId=${sandbox.locationId}`);
    expect(response.status).toBe(200);
    const dates = response.body.conversations.map(
      (c: { lastMessageDate: number }) => c.lastMessageDate,
    );
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(response.body.total).toBe(sandbox.store.conversations.size);
    expect(response.body.conversations[0]).toMatchObject({ fullName: "Jane Cooper" });
  });

  it("pages with startAfterDate, the sort value of the last conversation, reaching each once", async () => {
    const seen: string[] = [];
    let after: number | undefined;
    for (;;) {
      const query = `locationId=${sandbox.locationId}&limit=2${after ? `&startAfterDate=${after}` : ""}`;
      const page = await api("GET", `/conversations/search?${query}`);
      const items = page.body.conversations as { id: string; sort: number[] }[];
      seen.push(...items.map((c) => c.id));
      if (items.length < 2) break;
      after = items.at(-1)!.sort[0];
    }
    expect(seen).toHaveLength(sandbox.store.conversations.size);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("filters by contact, unread, starred and text", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const byContact = await api(
      "GET",
      `/conversations/search?locationId=${sandbox.locationId}&contactId=${jane.id}`,
    );
    expect(byContact.body.conversations.map((c: { contactId: string }) => c.contactId)).toEqual([
      jane.id,
    ]);

    const unread = await api(
      "GET",
      `/conversations/search?locationId=${sandbox.locationId}&status=unread`,
    );
    for (const c of unread.body.conversations) expect(c.unreadCount).toBeGreaterThan(0);

    const starred = await api(
      "GET",
      `/conversations/search?locationId=${sandbox.locationId}&status=starred`,
    );
    expect(starred.body.conversations.map((c: { fullName: string }) => c.fullName)).toEqual([
      "Maria Gonzalez",
    ]);

    const text = await api(
      "GET",
      `/conversations/search?locationId=${sandbox.locationId}&query=beginners`,
    );
    expect(text.body.total).toBe(1);
  });
});

describe("messages of a conversation", () => {
  it("gives Jane Cooper an SMS thread, newest first, wrapped twice as GHL does", async () => {
    const conversation = conversationOf("Jane", "Cooper");
    const response = await api("GET", `/conversations/${conversation.id}/messages`);
    expect(response.status).toBe(200);
    const page = response.body.messages;
    expect(page.nextPage).toBe(false);
    expect(page.messages).toHaveLength(4);
    expect(page.messages[0]).toMatchObject({
      messageType: "TYPE_SMS",
      direction: "inbound",
      body: "Great, afternoons work best for a call. Thanks!",
    });
    expect(page.lastMessageId).toBe(page.messages[3].id);
  });

  it("pages with lastMessageId and nextPage", async () => {
    const conversation = conversationOf("Jane", "Cooper");
    const first = await api("GET", `/conversations/${conversation.id}/messages?limit=3`);
    expect(first.body.messages.nextPage).toBe(true);
    const second = await api(
      "GET",
      `/conversations/${conversation.id}/messages?limit=3&lastMessageId=${first.body.messages.lastMessageId}`,
    );
    expect(second.body.messages.nextPage).toBe(false);
    expect(second.body.messages.messages).toHaveLength(1);
  });

  it("filters by a comma-separated list of types and refuses an unknown one", async () => {
    const conversation = conversationOf("Jane", "Doe");
    const emails = await api("GET", `/conversations/${conversation.id}/messages?type=TYPE_EMAIL`);
    expect(
      emails.body.messages.messages.map((m: { messageType: string }) => m.messageType),
    ).toEqual(["TYPE_EMAIL", "TYPE_EMAIL"]);
    const both = await api(
      "GET",
      `/conversations/${conversation.id}/messages?type=TYPE_EMAIL,TYPE_SMS`,
    );
    expect(both.body.messages.messages).toHaveLength(3);
    const wrong = await api("GET", `/conversations/${conversation.id}/messages?type=TYPE_FAX`);
    expect(wrong.status).toBe(422);
  });

  it("reads one message by id, and an email by its emailMessageId", async () => {
    const conversation = conversationOf("Jane", "Doe");
    const email = messagesIn(conversation.id).find((m) => m.email && m.direction === "outbound")!;
    const message = await api("GET", `/conversations/messages/${email.id}`);
    expect(message.body).toMatchObject({
      id: email.id,
      type: 3,
      messageType: "TYPE_EMAIL",
      meta: { email: { messageIds: [email.email!.id] } },
    });
    const read = await api("GET", `/conversations/messages/email/${email.email!.id}`);
    expect(read.body).toMatchObject({
      subject: "Your free intro session at Northside Strength",
      to: ["janedoe.fit@gmail.com"],
      threadId: email.id,
    });
  });

  it("refuses a message of a location the token cannot reach", async () => {
    const conversation = conversationOf("Jane", "Cooper");
    const [message] = messagesIn(conversation.id);
    const other = sandbox.mintToken({ kind: "location-pit", locationId: "AnotherLocation00001" });
    const response = await api("GET", `/conversations/messages/${message!.id}`, { token: other });
    expect(response.status).toBe(403);
  });
});

describe("sending a message", () => {
  it("adds an SMS to the contact's conversation, where it becomes the last message", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const conversation = conversationOf("Jane", "Cooper");
    const response = await send({
      type: "SMS",
      contactId: jane.id,
      message: "Calling you at 3pm.",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ conversationId: conversation.id, status: "delivered" });

    const page = await api("GET", `/conversations/${conversation.id}/messages?limit=1`);
    expect(page.body.messages.messages[0]).toMatchObject({
      id: response.body.messageId,
      body: "Calling you at 3pm.",
      direction: "outbound",
      source: "api",
    });
    const got = await api("GET", `/conversations/${conversation.id}`);
    expect(got.body.lastMessageBody).toBe("Calling you at 3pm.");
  });

  it("opens a conversation for a contact who has none", async () => {
    const grace = seededContact(sandbox, "Grace", "Lee");
    const response = await send({ type: "SMS", contactId: grace.id, message: "Welcome!" });
    const conversation = sandbox.store.conversations.get(response.body.conversationId);
    expect(conversation?.contactId).toBe(grace.id);
    expect(messagesIn(conversation!.id).map((m) => m.body)).toEqual(["Welcome!"]);
  });

  it("records an email with its subject and recipients", async () => {
    const robert = seededContact(sandbox, "Robert", "Chen");
    const response = await send({
      type: "Email",
      contactId: robert.id,
      subject: "Your Friday session",
      html: "<p>See you at 7am.</p>",
      emailCc: ["frontdesk@northsidestrength.com"],
    });
    expect(response.body.emailMessageId).toEqual(expect.any(String));
    const email = await api("GET", `/conversations/messages/email/${response.body.emailMessageId}`);
    expect(email.body).toMatchObject({
      subject: "Your Friday session",
      to: ["rchen@chenarchitects.com"],
      cc: ["frontdesk@northsidestrength.com"],
      body: "<p>See you at 7am.</p>",
    });
  });

  it("refuses an email without a subject, and an SMS without text", async () => {
    const robert = seededContact(sandbox, "Robert", "Chen");
    const email = await send({ type: "Email", contactId: robert.id, html: "<p>Hi</p>" });
    expect(email.status).toBe(400);
    const sms = await send({ type: "SMS", contactId: robert.id });
    expect(sms.status).toBe(400);
  });

  it("refuses a text to a contact with DND on", async () => {
    const kevin = seededContact(sandbox, "Kevin", "O'Brien");
    const response = await send({ type: "SMS", contactId: kevin.id, message: "Hi Kevin" });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain("DND");
  });

  it("answers on Facebook only a contact who wrote there first", async () => {
    const maria = seededContact(sandbox, "Maria", "Gonzalez");
    expect((await send({ type: "FB", contactId: maria.id, message: "See you Sat!" })).status).toBe(
      200,
    );
    const grace = seededContact(sandbox, "Grace", "Lee");
    expect((await send({ type: "FB", contactId: grace.id, message: "Hi" })).status).toBe(400);
  });

  it("does not need the subType and status the spec marks required", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const response = await send({ type: "SMS", contactId: jane.id, message: "Hi" });
    expect(response.status).toBe(200);
  });

  it("schedules a message, and cancels it before it goes out", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const response = await send({
      type: "SMS",
      contactId: jane.id,
      message: "Reminder: call at 3pm",
      scheduledTimestamp: NOW / 1000 + 3600,
    });
    const id = response.body.messageId as string;
    expect(sandbox.store.messages.get(id)).toMatchObject({
      status: "scheduled",
      scheduledAt: "2026-03-09T16:00:00.000Z",
    });

    const cancelled = await api("DELETE", `/conversations/messages/${id}/schedule`);
    expect(cancelled.status).toBe(200);
    expect(sandbox.store.messages.has(id)).toBe(false);
  });

  it("sends a scheduled message when its time comes", async () => {
    const [scheduled] = messagesIn(conversationOf("Jane", "Doe").id).filter(
      (m) => m.status === "scheduled",
    );
    clock = Date.parse(scheduled!.scheduledAt!) + 1000;
    const page = await api("GET", `/conversations/${scheduled!.conversationId}/messages?limit=1`);
    expect(page.body.messages.messages[0]).toMatchObject({
      id: scheduled!.id,
      status: "delivered",
      dateAdded: "2026-03-10T11:00:00.000Z",
    });
  });

  it("refuses a schedule in the past, and cancelling a message already sent", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const past = await send({
      type: "SMS",
      contactId: jane.id,
      message: "Too late",
      scheduledTimestamp: NOW / 1000 - 60,
    });
    expect(past.status).toBe(400);

    const [sent] = messagesIn(conversationOf("Jane", "Cooper").id);
    const cancel = await api("DELETE", `/conversations/messages/${sent!.id}/schedule`);
    expect(cancel.status).toBe(404);
    expect(cancel.body).toMatchObject({
      status: 404,
      message: "Failed cancel the scheduled message",
    });
  });
});

describe("conversations", () => {
  it("creates one per contact, refusing a second, then updates and deletes it", async () => {
    const grace = seededContact(sandbox, "Grace", "Lee");
    const body = { locationId: sandbox.locationId, contactId: grace.id };
    const created = await api("POST", "/conversations/", { body });
    expect(created.status).toBe(201);
    const id = created.body.conversation.id as string;
    expect(created.body).toMatchObject({ success: true, conversation: { contactId: grace.id } });

    const again = await api("POST", "/conversations/", { body });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      message: "Conversation already exists",
      conversationId: id,
    });

    const updated = await api("PUT", `/conversations/${id}`, {
      body: { locationId: sandbox.locationId, starred: true, unreadCount: 2 },
    });
    expect(updated.body).toMatchObject({
      success: true,
      conversation: { starred: true, unreadCount: 2 },
    });

    await send({ type: "SMS", contactId: grace.id, message: "Hi" });
    const deleted = await api("DELETE", `/conversations/${id}`);
    expect(deleted.body).toEqual({ success: true });
    expect(sandbox.store.conversations.has(id)).toBe(false);
    expect(messagesIn(id)).toEqual([]);
    expect((await api("GET", `/conversations/${id}`)).status).toBe(400);
  });

  it("goes, with its messages, when its contact is deleted", async () => {
    const conversation = conversationOf("Jane", "Cooper");
    await call(sandbox, "DELETE", `/contacts/${conversation.contactId}`);
    expect(sandbox.store.conversations.has(conversation.id)).toBe(false);
    expect(messagesIn(conversation.id)).toEqual([]);
  });

  it("numbers the channel on GET, as the spec's DTO does", async () => {
    const conversation = conversationOf("Jane", "Doe");
    const response = await api("GET", `/conversations/${conversation.id}`);
    expect(response.body).toMatchObject({
      id: conversation.id,
      type: 2,
      deleted: false,
      inbox: true,
    });
  });
});

describe("calls", () => {
  function robertsCall() {
    return messagesIn(conversationOf("Robert", "Chen").id).find((m) => m.call)!;
  }

  it("serves a call's recording as a WAV file", async () => {
    const message = robertsCall();
    const response = await fetch(
      `${sandbox.url}/conversations/messages/${message.id}/locations/${sandbox.locationId}/recording`,
      { headers: { Authorization: `Bearer ${sandbox.tokens.location}`, Version: "2021-04-15" } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/x-wav");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=audio.wav");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe("RIFF");
    expect(bytes.subarray(8, 12).toString()).toBe("WAVE");
  });

  it("answers 404 for a message without a recording", async () => {
    const [sms] = messagesIn(conversationOf("Jane", "Cooper").id);
    const response = await api(
      "GET",
      `/conversations/messages/${sms!.id}/locations/${sandbox.locationId}/recording`,
    );
    expect(response.status).toBe(404);
  });

  it("gives the transcription sentence by sentence, and as a text file", async () => {
    const message = robertsCall();
    const path = `/conversations/locations/${sandbox.locationId}/messages/${message.id}/transcription`;
    const sentences = await api("GET", path);
    expect(sentences.body[1]).toMatchObject({
      mediaChannel: 2,
      sentenceIndex: 1,
      transcript: expect.stringContaining("Robert Chen"),
    });

    const file = await fetch(`${sandbox.url}${path}/download`, {
      headers: { Authorization: `Bearer ${sandbox.tokens.location}`, Version: "2021-04-15" },
    });
    expect(file.headers.get("content-type")).toContain("text/plain");
    expect((await file.text()).split("\n")[0]).toBe("Northside Strength, this is Marcus.");
  });
});

describe("custom providers and live chat", () => {
  it("lets a custom provider's message take a status, and no other", async () => {
    const [custom] = messagesIn(conversationOf("Tom", "Kowalski").id);
    const updated = await api("PUT", `/conversations/messages/${custom!.id}/status`, {
      body: { status: "delivered" },
    });
    expect(updated.body).toMatchObject({ messageId: custom!.id, status: "delivered" });
    expect(sandbox.store.messages.get(custom!.id)?.status).toBe("delivered");

    const [sms] = messagesIn(conversationOf("Jane", "Cooper").id);
    const refused = await api("PUT", `/conversations/messages/${sms!.id}/status`, {
      body: { status: "read" },
    });
    expect(refused.status).toBe(400);
  });

  it("shows the agent typing in a live chat, and only there", async () => {
    const chat = conversationOf("Aisha", "Thompson");
    const body = {
      locationId: sandbox.locationId,
      conversationId: chat.id,
      visitorId: chat.visitorId,
      isTyping: "true",
    };
    const typing = await api("POST", "/conversations/providers/live-chat/typing", { body });
    expect(typing.status).toBe(201);
    expect(chat.agentTyping).toBe(true);

    const sms = conversationOf("Jane", "Cooper");
    const refused = await api("POST", "/conversations/providers/live-chat/typing", {
      body: { ...body, conversationId: sms.id },
    });
    expect(refused.status).toBe(400);
  });
});

describe("message templates", () => {
  const path = () => `/locations/${sandbox.locationId}/templates?originId=${sandbox.locationId}`;

  it("lists the location's live templates with a total, newest first", async () => {
    const response = await call(sandbox, "GET", path());
    expect(response.status).toBe(200);
    expect(response.body.totalCount).toBe(4);
    expect(response.body.templates[0]).toMatchObject({
      name: "Class waitlist opening",
      type: "whatsapp",
      template: { body: expect.stringContaining("Saturday HIIT") },
    });
  });

  it("filters by type and pages with skip and limit", async () => {
    const sms = await call(sandbox, "GET", `${path()}&type=sms`);
    expect(sms.body.templates.map((t: { name: string }) => t.name)).toEqual([
      "Package renewal nudge",
      "Session reminder",
    ]);
    const page = await call(sandbox, "GET", `${path()}&skip=1&limit=2`);
    expect(page.body.templates).toHaveLength(2);
    expect(page.body.totalCount).toBe(4);
  });

  it("shows deleted templates only when asked, and requires originId", async () => {
    const deleted = await call(sandbox, "GET", `${path()}&deleted=true`);
    expect(deleted.body.templates.map((t: { name: string }) => t.name)).toEqual(["Holiday hours"]);
    const missing = await call(sandbox, "GET", `/locations/${sandbox.locationId}/templates`);
    expect(missing.status).toBe(422);
  });
});
