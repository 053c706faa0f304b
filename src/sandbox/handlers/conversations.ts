// Conversations and messages (conversations.json, Version 2021-04-15) and the location's message
// templates (locations.json): one conversation per contact, messages newest first, sends that land
// in the contact's conversation, the double-nested message page, and call recordings as files.
import { fullName } from "../contact-search.js";
import { SandboxError, badRequest, contactNotFound, iamError, unprocessable } from "../errors.js";
import type {
  ContactRecord,
  ConversationRecord,
  DndChannel,
  MessageRecord,
  SandboxStore,
} from "../store.js";
import { isoUtc } from "../time.js";
import type { AuthContext, HandlerContext, HandlerResult, HandlerSet } from "./registry.js";

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

/** What each `type` of POST /conversations/messages becomes, and what it needs of the contact. */
const CHANNELS: Record<
  string,
  {
    messageType: string;
    conversationType: ConversationRecord["type"];
    dnd?: DndChannel;
    /** Where the message goes: the contact's phone, email, or a thread the contact started. */
    reach: "phone" | "email" | "inbound" | "provider";
  }
> = {
  SMS: { messageType: "TYPE_SMS", conversationType: "TYPE_PHONE", dnd: "SMS", reach: "phone" },
  RCS: { messageType: "TYPE_RCS", conversationType: "TYPE_PHONE", dnd: "SMS", reach: "phone" },
  Email: {
    messageType: "TYPE_EMAIL",
    conversationType: "TYPE_EMAIL",
    dnd: "Email",
    reach: "email",
  },
  WhatsApp: {
    messageType: "TYPE_WHATSAPP",
    conversationType: "TYPE_PHONE",
    dnd: "WhatsApp",
    reach: "phone",
  },
  IG: { messageType: "TYPE_INSTAGRAM", conversationType: "TYPE_FB_MESSENGER", reach: "inbound" },
  FB: {
    messageType: "TYPE_FACEBOOK",
    conversationType: "TYPE_FB_MESSENGER",
    dnd: "FB",
    reach: "inbound",
  },
  Live_Chat: { messageType: "TYPE_LIVE_CHAT", conversationType: "TYPE_PHONE", reach: "inbound" },
  TIKTOK: { messageType: "TYPE_TIKTOK", conversationType: "TYPE_PHONE", reach: "inbound" },
  Custom: {
    messageType: "TYPE_CUSTOM_PROVIDER_SMS",
    conversationType: "TYPE_PHONE",
    reach: "provider",
  },
};

/**
 * The numeric `type` of a message. Inferred: the position in GHL's message-type enum as it stood
 * before TYPE_RCS was added; types we cannot place (RCS, TikTok) get 0.
 */
const MESSAGE_TYPE_NUMBERS: Record<string, number> = {
  TYPE_CALL: 1,
  TYPE_SMS: 2,
  TYPE_EMAIL: 3,
  TYPE_FACEBOOK: 11,
  TYPE_INSTAGRAM: 18,
  TYPE_WHATSAPP: 19,
  TYPE_CUSTOM_PROVIDER_SMS: 22,
  TYPE_LIVE_CHAT: 29,
};

const CONVERSATION_TYPE_NUMBERS: Record<ConversationRecord["type"], number> = {
  TYPE_PHONE: 1,
  TYPE_EMAIL: 2,
  TYPE_FB_MESSENGER: 3,
  TYPE_REVIEW: 4,
  TYPE_GROUP_SMS: 5,
};

interface SendInput {
  type: string;
  contactId: string;
  message?: string;
  html?: string;
  subject?: string;
  attachments?: string[];
  emailFrom?: string;
  emailTo?: string;
  emailCc?: string[];
  emailBcc?: string[];
  replyMessageId?: string;
  threadId?: string;
  toNumber?: string;
  conversationProviderId?: string;
  scheduledTimestamp?: number;
}

const handlers: HandlerSet = {
  "conversations/search-conversation": ({ query, store }) => {
    const sortBy = query.sortBy === "last_manual_message_date" ? "manual" : "any";
    const direction = query.sort === "asc" ? 1 : -1;
    const limit = Number(query.limit ?? 20);
    const after = typeof query.startAfterDate === "number" ? query.startAfterDate : undefined;

    const matching = [...store.conversations.values()]
      .filter((conversation) => conversation.locationId === query.locationId)
      .filter((conversation) => matchesSearch(store, conversation, query))
      .map((conversation) => ({ conversation, sortValue: sortValue(store, conversation, sortBy) }))
      .sort((a, b) => direction * (a.sortValue - b.sortValue));
    // Limitation: the cursor is the sort value alone, as GHL documents it, so conversations
    // sharing the page boundary's exact millisecond would be skipped; the seed keeps them apart.
    const page = matching
      .filter(({ sortValue }) => after === undefined || direction * (sortValue - after) > 0)
      .slice(0, limit);
    return ok({
      conversations: page.map(({ conversation, sortValue }) => ({
        ...searchView(store, conversation),
        sort: [sortValue],
      })),
      total: matching.length,
    });
  },

  "conversations/get-conversation": ({ params, store }) => {
    const conversation = conversationOf(store, params.conversationId as string);
    return ok({
      ...searchView(store, conversation),
      type: CONVERSATION_TYPE_NUMBERS[conversation.type],
      deleted: false,
    });
  },

  "conversations/create-conversation": ({ body, store, now }) => {
    const contact = store.contacts.get(body.contactId as string);
    if (!contact || contact.locationId !== body.locationId) {
      throw contactNotFound(body.contactId as string);
    }
    const existing = conversationOfContact(store, contact.id);
    // Inferred from community reports: a second conversation for the contact is refused, naming
    // the one that exists.
    if (existing) {
      throw badRequest("Conversation already exists", { conversationId: existing.id });
    }

    const conversation = openConversation(store, contact, "TYPE_PHONE", now());
    return ok({ success: true, conversation: createdView(store, conversation) }, 201);
  },

  "conversations/update-conversation": ({ params, body, store, now }) => {
    const conversation = conversationOf(store, params.conversationId as string);
    if (conversation.locationId !== body.locationId) throw conversationNotFound(conversation.id);
    if (typeof body.unreadCount === "number") conversation.unreadCount = body.unreadCount;
    if (typeof body.starred === "boolean") conversation.starred = body.starred;
    conversation.dateUpdated = isoUtc(now());
    return ok({ success: true, conversation: dtoView(store, conversation) });
  },

  "conversations/delete-conversation": ({ params, store }) => {
    const conversation = conversationOf(store, params.conversationId as string);
    store.conversations.delete(conversation.id);
    for (const [id, message] of store.messages) {
      if (message.conversationId === conversation.id) store.messages.delete(id);
    }
    return ok({ success: true });
  },

  "conversations/get-messages": ({ params, query, store }) => {
    const conversation = conversationOf(store, params.conversationId as string);
    const limit = Number(query.limit ?? 20);
    const types = typeof query.type === "string" ? query.type.split(",") : undefined;
    const unknown = types?.filter((type) => !MESSAGE_LIST_TYPES.includes(type)) ?? [];
    if (unknown.length > 0) {
      throw unprocessable([`type must be one of the following values: ${MESSAGE_LIST_TYPES}`]);
    }

    const all = messagesOf(store, conversation.id).filter(
      (message) => !types || types.includes(message.messageType),
    );
    let start = 0;
    if (typeof query.lastMessageId === "string") {
      const index = all.findIndex((message) => message.id === query.lastMessageId);
      if (index < 0) throw messageNotFound(query.lastMessageId);
      start = index + 1;
    }
    const page = all.slice(start, start + limit);
    // Observed: the page comes wrapped once more than the spec's DTO says (PLATFORM.md §5).
    return ok({
      messages: {
        lastMessageId: page.at(-1)?.id ?? null,
        nextPage: start + limit < all.length,
        messages: page.map(messageView),
      },
    });
  },

  "conversations/get-message": ({ params, store, auth }) =>
    ok(messageView(visibleMessage(store, auth, params.id as string))),

  "conversations/get-email-by-id": ({ params, store, auth }) => {
    const message = [...store.messages.values()].find((m) => m.email?.id === params.id);
    if (!message) throw messageNotFound(params.id as string);
    return ok(emailView(visibleMessage(store, auth, message.id)));
  },

  "conversations/send-a-new-message": ({ body, store, now }) =>
    send(store, body as unknown as SendInput, now()),

  "conversations/cancel-scheduled-message": ({ params, store }) => {
    const message = messageOf(store, params.messageId as string);
    if (message.status !== "scheduled") {
      throw new SandboxError(404, "Failed cancel the scheduled message", { status: 404 });
    }
    // Inferred: a cancelled message never went out, so it leaves the conversation.
    store.messages.delete(message.id);
    return ok({ status: 200, message: "Scheduled message cancelled" });
  },

  "conversations/update-message-status": ({ params, body, store }) => {
    const message = messageOf(store, params.messageId as string);
    // Inferred, the stricter reading of "for custom conversation providers": other messages'
    // statuses belong to GHL's own channels and cannot be set from outside.
    if (!message.conversationProviderId) {
      throw badRequest("Only messages sent through a custom conversation provider take a status");
    }
    message.status = body.status as MessageRecord["status"];
    return ok({
      conversationId: message.conversationId,
      messageId: message.id,
      status: message.status,
    });
  },

  "conversations/get-message-recording": ({ params, store }) => {
    const message = messageAt(store, params.messageId as string, params.locationId as string);
    const recording = message.call?.recording;
    // Inferred: a message without a recording is a 404 in the platform's usual words.
    if (!recording) throw new SandboxError(404, "Recording not found");
    return {
      status: 200,
      body: recording.data,
      file: { contentType: recording.contentType, disposition: "attachment; filename=audio.wav" },
    };
  },

  "conversations/get-message-transcription": ({ params, store }) => {
    const message = messageAt(store, params.messageId as string, params.locationId as string);
    const sentences = message.call?.transcription;
    if (!sentences) throw new SandboxError(404, "Transcription not found");
    // Inferred: the DTO describes one sentence; the call's transcription is a list of them.
    return ok(sentences);
  },

  "conversations/download-message-transcription": ({ params, store }) => {
    const message = messageAt(store, params.messageId as string, params.locationId as string);
    const sentences = message.call?.transcription;
    if (!sentences) throw new SandboxError(404, "Transcription not found");
    return {
      status: 200,
      body: sentences.map((sentence) => sentence.transcript).join("\n"),
      file: {
        contentType: "text/plain; charset=utf-8",
        disposition: 'attachment; filename="transcription.txt"',
      },
    };
  },

  "conversations/live-chat-agent-typing": ({ body, store }) => {
    const conversation = store.conversations.get(body.conversationId as string);
    if (!conversation || conversation.locationId !== body.locationId) {
      throw conversationNotFound(body.conversationId as string);
    }
    if (body.isTyping !== "true" && body.isTyping !== "false") {
      throw unprocessable(["isTyping must be one of the following values: true, false"]);
    }
    // Inferred: only a conversation a website visitor started is a live chat.
    if (!conversation.visitorId) {
      throw badRequest("Conversation is not a live chat conversation");
    }
    conversation.agentTyping = body.isTyping === "true";
    return ok({ success: true }, 201);
  },

  "locations/GET-all-or-email-sms-templates": ({ params, query, store }) => {
    const skip = Number(query.skip);
    const limit = Number(query.limit);
    if (!Number.isInteger(skip) || skip < 0) throw unprocessable(["skip must be a number string"]);
    if (!Number.isInteger(limit) || limit < 1) {
      throw unprocessable(["limit must be a number string"]);
    }
    const matching = [...store.messageTemplates.values()]
      .filter(
        (template) =>
          template.locationId === params.locationId &&
          template.originId === query.originId &&
          template.deleted === (query.deleted === true) &&
          (query.type === undefined || template.type === query.type),
      )
      .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
    return ok({
      templates: matching.slice(skip, skip + limit).map((template) => ({
        id: template.id,
        name: template.name,
        type: template.type,
        locationId: template.locationId,
        dateAdded: template.dateAdded,
        template:
          template.type === "email"
            ? { subject: template.subject, html: template.html, attachments: [] }
            : { body: template.body, attachments: [] },
        urlAttachments: template.type === "email" ? undefined : template.attachments,
      })),
      totalCount: matching.length,
    });
  },
};

/** Every handler first lets scheduled messages whose time has come go out. */
export const conversationHandlers: HandlerSet = Object.fromEntries(
  Object.entries(handlers).map(([key, handler]) => [
    key,
    (context: HandlerContext) => {
      sendDueMessages(context.store, context.now());
      return handler(context);
    },
  ]),
);

function sendDueMessages(store: SandboxStore, nowMs: number): void {
  for (const message of store.messages.values()) {
    if (message.status !== "scheduled" || Date.parse(message.scheduledAt ?? "") > nowMs) continue;
    message.status = "delivered";
    message.dateAdded = message.scheduledAt as string;
    message.scheduledAt = undefined;
  }
}

/** The values `type` of GET /conversations/{id}/messages may list. */
const MESSAGE_LIST_TYPES = [
  "TYPE_CALL",
  "TYPE_SMS",
  "TYPE_RCS",
  "TYPE_EMAIL",
  "TYPE_FACEBOOK",
  "TYPE_GMB",
  "TYPE_INSTAGRAM",
  "TYPE_WHATSAPP",
  "TYPE_ACTIVITY_APPOINTMENT",
  "TYPE_ACTIVITY_CONTACT",
  "TYPE_ACTIVITY_INVOICE",
  "TYPE_ACTIVITY_PAYMENT",
  "TYPE_ACTIVITY_OPPORTUNITY",
  "TYPE_LIVE_CHAT",
  "TYPE_INTERNAL_COMMENTS",
  "TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG",
  "TYPE_TIKTOK",
  "TYPE_ACTIVITY_WHATSAPP",
  "TYPE_FORM_SUBMISSION",
];

function send(store: SandboxStore, input: SendInput, nowMs: number): HandlerResult {
  const contact = store.contacts.get(input.contactId);
  if (!contact) throw contactNotFound(input.contactId);
  const channel = CHANNELS[input.type];
  if (!channel) throw unprocessable([`type must be one of: ${Object.keys(CHANNELS).join(", ")}`]);

  checkContent(input);
  checkReach(store, contact, input, channel);
  const scheduled = input.scheduledTimestamp !== undefined;
  if (scheduled && (input.scheduledTimestamp as number) * 1000 <= nowMs) {
    // Inferred: a schedule in the past is refused rather than sent at once.
    throw badRequest("scheduledTimestamp must be in the future");
  }

  const conversation =
    conversationOfContact(store, contact.id) ??
    openConversation(store, contact, channel.conversationType, nowMs);
  const location = store.locations.get(contact.locationId);
  const messageId = store.ids.id();
  const message: MessageRecord = {
    id: messageId,
    locationId: contact.locationId,
    conversationId: conversation.id,
    contactId: contact.id,
    messageType: channel.messageType,
    direction: "outbound",
    status: scheduled ? "scheduled" : "delivered",
    body: input.html ?? input.message ?? "",
    contentType: input.html ? "text/html" : "text/plain",
    attachments: input.attachments ?? [],
    source: "api",
    conversationProviderId: input.conversationProviderId,
    email:
      input.type === "Email"
        ? {
            id: store.ids.id(),
            subject: input.subject ?? "",
            from: input.emailFrom ?? `${location?.name} <${location?.email}>`,
            to: [input.emailTo ?? (contact.email as string)],
            cc: input.emailCc ?? [],
            bcc: input.emailBcc ?? [],
            threadId: input.threadId ?? messageId,
            replyToMessageId: input.replyMessageId,
          }
        : undefined,
    scheduledAt: scheduled ? isoUtc((input.scheduledTimestamp as number) * 1000) : undefined,
    dateAdded: isoUtc(nowMs),
  };
  store.messages.set(message.id, message);
  conversation.dateUpdated = isoUtc(nowMs);

  return ok({
    conversationId: conversation.id,
    messageId: message.id,
    emailMessageId: message.email?.id,
    status: scheduled ? "pending" : "delivered",
  });
}

/** Inferred, the stricter reading: an email needs a subject and a body, a text needs words. */
function checkContent(input: SendInput): void {
  const hasAttachments = (input.attachments?.length ?? 0) > 0;
  if (input.type === "Email") {
    if (!input.subject) throw badRequest("subject is required for Email messages");
    if (!input.html && !input.message) {
      throw badRequest("html or message is required for Email messages");
    }
  } else if (!input.message && !hasAttachments) {
    throw badRequest(`message is required for ${input.type} messages`);
  }
}

/** Whether the contact can be reached on the channel: an address, no DND, a thread to answer. */
function checkReach(
  store: SandboxStore,
  contact: ContactRecord,
  input: SendInput,
  channel: (typeof CHANNELS)[string],
): void {
  // Inferred wording; the platform refuses sends to a contact with DND on for the channel.
  if (contact.dnd || (channel.dnd && contact.dndSettings[channel.dnd]?.status === "active")) {
    throw badRequest(`Cannot send message as DND is active for ${channel.dnd ?? input.type}.`);
  }
  if (channel.reach === "phone" && !contact.phone && !input.toNumber) {
    throw badRequest("Contact has no phone number");
  }
  if (channel.reach === "email" && !contact.email && !input.emailTo) {
    throw badRequest("Contact has no email address");
  }
  if (channel.reach === "provider" && !input.conversationProviderId) {
    throw badRequest("conversationProviderId is required for Custom messages");
  }
  if (channel.reach === "inbound") {
    // Inferred: social and chat channels can only answer a thread the contact started there.
    const conversation = conversationOfContact(store, contact.id);
    const started =
      conversation &&
      messagesOf(store, conversation.id).some(
        (m) => m.direction === "inbound" && m.messageType === channel.messageType,
      );
    if (!started) throw badRequest(`Contact has no ${input.type} conversation to reply to`);
  }
}

function openConversation(
  store: SandboxStore,
  contact: ContactRecord,
  type: ConversationRecord["type"],
  nowMs: number,
): ConversationRecord {
  return store.insert(store.conversations, {
    locationId: contact.locationId,
    contactId: contact.id,
    type,
    assignedTo: contact.assignedTo,
    followers: [],
    unreadCount: 0,
    starred: false,
    inbox: true,
    dateAdded: isoUtc(nowMs),
    dateUpdated: isoUtc(nowMs),
  });
}

function matchesSearch(
  store: SandboxStore,
  conversation: ConversationRecord,
  query: Record<string, unknown>,
): boolean {
  const last = lastMessage(store, conversation.id);
  const list = (value: unknown) => (typeof value === "string" ? value.split(",") : undefined);
  const assigned = list(query.assignedTo);
  const followers = list(query.followers);
  const added = Date.parse(conversation.dateAdded);
  const checks = [
    query.id === undefined || conversation.id === query.id,
    query.contactId === undefined || conversation.contactId === query.contactId,
    !assigned || assigned.includes(conversation.assignedTo ?? "unassigned"),
    !followers || followers.some((id) => conversation.followers.includes(id)),
    query.lastMessageType === undefined || last?.messageType === query.lastMessageType,
    query.lastMessageDirection === undefined || last?.direction === query.lastMessageDirection,
    query.status !== "unread" || conversation.unreadCount > 0,
    query.status !== "read" || conversation.unreadCount === 0,
    query.status !== "starred" || conversation.starred,
    typeof query.startDate !== "number" || added >= query.startDate,
    typeof query.endDate !== "number" || added <= query.endDate,
    typeof query.query !== "string" || matchesText(store, conversation, query.query),
  ];
  return checks.every(Boolean);
}

function matchesText(store: SandboxStore, conversation: ConversationRecord, text: string): boolean {
  const contact = store.contacts.get(conversation.contactId);
  const needle = text.toLowerCase();
  const digits = text.replace(/\D/g, "");
  const haystack = [
    contact && fullName(contact),
    contact?.email,
    lastMessage(store, conversation.id)?.body,
  ];
  return (
    haystack.some((value) => value?.toLowerCase().includes(needle)) ||
    (digits.length >= 4 && (contact?.phone ?? "").includes(digits))
  );
}

/**
 * The value a conversation sorts by: its last message's time, or (for "manual") its last message
 * a person sent; GHL's other sort keys (scores, due dates) are not modelled and sort by time too.
 */
function sortValue(
  store: SandboxStore,
  conversation: ConversationRecord,
  sortBy: "any" | "manual",
): number {
  const messages = messagesOf(store, conversation.id).filter((m) => m.status !== "scheduled");
  const manual =
    sortBy === "manual"
      ? messages.find((m) => m.source === "app" || m.source === "api" || m.direction === "inbound")
      : messages[0];
  return Date.parse(manual?.dateAdded ?? conversation.dateAdded);
}

/** The conversation as search lists it (ConversationSchema), times in epoch ms as GHL sends them. */
function searchView(
  store: SandboxStore,
  conversation: ConversationRecord,
): Record<string, unknown> {
  const contact = store.contacts.get(conversation.contactId);
  const last = lastMessage(store, conversation.id);
  const name = contact ? fullName(contact) : undefined;
  return {
    id: conversation.id,
    contactId: conversation.contactId,
    locationId: conversation.locationId,
    lastMessageBody: last ? snippet(last) : undefined,
    lastMessageType: last?.messageType,
    lastMessageDirection: last?.direction,
    lastMessageDate: Date.parse(last?.dateAdded ?? conversation.dateAdded),
    type: conversation.type,
    unreadCount: conversation.unreadCount,
    fullName: name,
    contactName: name ?? contact?.companyName,
    email: contact?.email,
    phone: contact?.phone,
    assignedTo: conversation.assignedTo,
    followers: conversation.followers,
    starred: conversation.starred,
    inbox: conversation.inbox,
    dateAdded: Date.parse(conversation.dateAdded),
    dateUpdated: Date.parse(conversation.dateUpdated),
  };
}

/** ConversationDto, as PUT answers it. */
function dtoView(store: SandboxStore, conversation: ConversationRecord): Record<string, unknown> {
  const last = lastMessage(store, conversation.id);
  return {
    id: conversation.id,
    locationId: conversation.locationId,
    contactId: conversation.contactId,
    assignedTo: conversation.assignedTo,
    lastMessageBody: last ? snippet(last) : undefined,
    lastMessageDate: String(Date.parse(last?.dateAdded ?? conversation.dateAdded)),
    lastMessageType: last?.messageType,
    unreadCount: conversation.unreadCount,
    inbox: conversation.inbox,
    starred: conversation.starred,
    deleted: false,
  };
}

/** ConversationCreateResponseDto. */
function createdView(store: SandboxStore, conversation: ConversationRecord) {
  return {
    id: conversation.id,
    dateUpdated: conversation.dateUpdated,
    dateAdded: conversation.dateAdded,
    deleted: false,
    contactId: conversation.contactId,
    locationId: conversation.locationId,
    lastMessageDate: lastMessage(store, conversation.id)?.dateAdded ?? conversation.dateAdded,
    assignedTo: conversation.assignedTo,
  };
}

/** GetMessageResponseDto. */
function messageView(message: MessageRecord): Record<string, unknown> {
  const meta = message.email
    ? { email: { messageIds: [message.email.id] } }
    : message.call
      ? { callDuration: String(message.call.duration), callStatus: message.call.status }
      : undefined;
  return {
    id: message.id,
    type: MESSAGE_TYPE_NUMBERS[message.messageType] ?? 0,
    messageType: message.messageType,
    locationId: message.locationId,
    contactId: message.contactId,
    conversationId: message.conversationId,
    dateAdded: message.dateAdded,
    body: message.body,
    direction: message.direction,
    status: message.status,
    contentType: message.contentType,
    attachments: message.attachments,
    meta,
    source: message.source,
    userId: message.userId,
    conversationProviderId: message.conversationProviderId,
  };
}

/**
 * GetEmailMessageResponseDto, flat as the spec declares it. Community clients disagree on whether
 * the platform wraps it in `emailMessage`; the tool reads either.
 */
function emailView(message: MessageRecord): Record<string, unknown> {
  const email = message.email as NonNullable<MessageRecord["email"]>;
  return {
    id: email.id,
    threadId: email.threadId,
    locationId: message.locationId,
    contactId: message.contactId,
    conversationId: message.conversationId,
    dateAdded: message.dateAdded,
    subject: email.subject,
    body: message.body,
    direction: message.direction,
    status: message.status,
    contentType: message.contentType,
    attachments: message.attachments,
    provider: "Leadconnector Gmail",
    from: email.from,
    to: email.to,
    cc: email.cc,
    bcc: email.bcc,
    replyToMessageId: email.replyToMessageId,
    source: message.source,
  };
}

/** What a conversation list shows of a message: its text, without markup. */
function snippet(message: MessageRecord): string {
  const text = message.contentType.startsWith("text/html")
    ? message.body
        .replace(/<[^>]*>/g, " ")
        .replace(/\s+/g, " ")
        .trim()
    : message.body;
  return message.email && !text ? message.email.subject : text;
}

/** A conversation's messages, newest first; among equal times the later-written first. */
function messagesOf(store: SandboxStore, conversationId: string): MessageRecord[] {
  return [...store.messages.values()]
    .filter((message) => message.conversationId === conversationId)
    .reverse()
    .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
}

function lastMessage(store: SandboxStore, conversationId: string): MessageRecord | undefined {
  return messagesOf(store, conversationId).find((message) => message.status !== "scheduled");
}

function conversationOfContact(
  store: SandboxStore,
  contactId: string,
): ConversationRecord | undefined {
  return [...store.conversations.values()].find((c) => c.contactId === contactId);
}

// Inferred wording for unknown conversations and messages, by analogy with the observed
// unknown-contact refusal (400 "Contact with id <id> not found").
function conversationNotFound(id: string): SandboxError {
  return badRequest(`Conversation with id ${id} not found`);
}

function messageNotFound(id: string): SandboxError {
  return badRequest(`Message with id ${id} not found`);
}

function conversationOf(store: SandboxStore, id: string): ConversationRecord {
  const conversation = store.conversations.get(id);
  if (!conversation) throw conversationNotFound(id);
  return conversation;
}

function messageOf(store: SandboxStore, id: string): MessageRecord {
  const message = store.messages.get(id);
  if (!message) throw messageNotFound(id);
  return message;
}

/** A message addressed with its location in the path (recording, transcription). */
function messageAt(store: SandboxStore, messageId: string, locationId: string): MessageRecord {
  const message = messageOf(store, messageId);
  if (message.locationId !== locationId) throw messageNotFound(messageId);
  return message;
}

/**
 * Routes that address a message by a bare `{id}` escape the pipeline's location check (the name
 * says nothing of the record type), so they check the token's reach here.
 */
function visibleMessage(store: SandboxStore, auth: AuthContext, id: string): MessageRecord {
  const message = messageOf(store, id);
  if (!visible(store, auth, message.locationId)) {
    throw iamError(403, "The token does not have access to this location.");
  }
  return message;
}

function visible(store: SandboxStore, auth: AuthContext, locationId: string): boolean {
  return auth.locationId
    ? auth.locationId === locationId
    : store.locations.get(locationId)?.companyId === auth.companyId;
}
