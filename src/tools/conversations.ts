// Conversations toolset: conversations, their messages, sending on every channel, call recordings
// and transcriptions (conversations.json, Version 2021-04-15), and the location's message templates
// (locations.json, Version 2021-07-28).
import { z } from "zod";
import { GhlError } from "../ghl/errors.js";
import {
  buildRequest,
  defineTool,
  cursorInput,
  idInput,
  listTool,
  wholeNumberInput,
  locationIdInput,
  openObject,
  pagingInputs,
  spreadMore,
  requestTool,
  type HttpMapping,
  type ToolContext,
  type ToolDefinition,
} from "./framework.js";
import { offsetPager, type Pager } from "./paging.js";
import { SuccessOut, arrayField, compact, field, pageOut, pick, succeeded } from "./shape.js";
import { dateTimeInput, toEpochMs } from "./time.js";

const VERSION = "2021-04-15";
const READ = ["conversations.readonly"] as const;
const WRITE = ["conversations.write"] as const;
const MESSAGE_READ = ["conversations/message.readonly"] as const;
const MESSAGE_WRITE = ["conversations/message.write"] as const;
const toolset = "conversations";

const conversationId = idInput("Conversation");
const messageId = idInput("Message");

type Json = Record<string, unknown>;

/** GET /conversations/{id} numbers the channel; search names it. Tools always name it. */
const CONVERSATION_TYPES: Record<number, string> = {
  1: "TYPE_PHONE",
  2: "TYPE_EMAIL",
  3: "TYPE_FB_MESSENGER",
  4: "TYPE_REVIEW",
  5: "TYPE_GROUP_SMS",
};

/** GHL sends conversation times as epoch ms (numbers or numeric strings); tools give ISO. */
function isoTime(value: unknown): string | undefined {
  const ms = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof ms === "number") return new Date(ms).toISOString();
  return typeof value === "string" ? value : undefined;
}

function shapeConversation(conversation: unknown): Json {
  const source = (conversation ?? {}) as Json;
  return compact({
    ...pick(source, [
      "id",
      "contactId",
      "email",
      "phone",
      "lastMessageBody",
      "lastMessageType",
      "lastMessageDirection",
      "unreadCount",
      "starred",
      "assignedTo",
    ]),
    contactName: source.fullName ?? source.contactName,
    type: typeof source.type === "number" ? CONVERSATION_TYPES[source.type] : source.type,
    lastMessageDate: isoTime(source.lastMessageDate),
    dateAdded: isoTime(source.dateAdded),
  });
}

function shapeMessage(message: unknown): Json {
  const source = (message ?? {}) as Json;
  const meta = (source.meta ?? {}) as {
    email?: { messageIds?: string[] };
    callDuration?: unknown;
    callStatus?: unknown;
  };
  return compact({
    ...pick(source, [
      "id",
      "conversationId",
      "contactId",
      "messageType",
      "direction",
      "status",
      "body",
      "attachments",
      "source",
      "userId",
      "dateAdded",
    ]),
    emailMessageId: meta.email?.messageIds?.[0],
    callDuration: meta.callDuration,
    callStatus: meta.callStatus,
  });
}

const ConversationOut = z.looseObject({
  id: z.string(),
  contactId: z.string().optional(),
  contactName: z.string().optional(),
  lastMessageBody: z.string().optional(),
  lastMessageDate: z.string().optional(),
  unreadCount: z.number().optional(),
});

const MessageOut = z.looseObject({
  id: z.string(),
  messageType: z.string().optional(),
  direction: z.string().optional(),
  status: z.string().optional(),
  body: z.string().optional(),
  dateAdded: z.string().optional(),
});

/** Search pages by the sort value of the last conversation (`startAfterDate`). */
const startAfterDatePager: Pager = {
  apply(request, state, limit) {
    request.query = {
      ...request.query,
      limit,
      startAfterDate: state?.startAfterDate as number | undefined,
    };
  },
  next(_body, items, _state, limit) {
    if (items.length < limit) return undefined;
    const last = items.at(-1) as { sort?: unknown[]; lastMessageDate?: unknown } | undefined;
    const value = Number(Array.isArray(last?.sort) ? last.sort[0] : last?.lastMessageDate);
    return Number.isFinite(value) ? { startAfterDate: value } : undefined;
  },
};

const searchConversations = listTool({
  name: "conversations_search",
  title: "Search conversations",
  description: "Search conversations.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "conversations/search-conversation",
  input: z.strictObject({
    locationId: locationIdInput,
    contactId: z.string().optional().describe("Contact"),
    query: z.string().optional().describe("Text"),
    more: openObject({
      status: z.enum(["unread", "starred"]).optional(),
      assignedTo: z.string().optional().describe("User id or unassigned"),
    })
      .describe("status unread|starred, assignedTo")
      .optional(),
    ...pagingInputs(100),
  }),
  output: pageOut("conversations", ConversationOut),
  http: {
    method: "GET",
    path: "/conversations/search",
    version: VERSION,
    query: ["locationId", "contactId", "query", "status", "assignedTo"],
  },
  prepare: spreadMore,
  list: {
    items: (body) => arrayField(body, "conversations"),
    pager: startAfterDatePager,
    defaultLimit: 20,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor, body }) => ({
    conversations: items.map(shapeConversation),
    nextCursor,
    total: field(body, "total") as number | undefined,
  }),
});

const ConversationResult = z.object({ conversation: ConversationOut });

const getConversation = requestTool({
  name: "conversations_get",
  title: "Get conversation",
  description: "Get conversation.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "record",
  operation: "conversations/get-conversation",
  input: z.strictObject({ conversationId }),
  output: ConversationResult,
  http: { method: "GET", path: "/conversations/{conversationId}", version: VERSION },
  shape: (body) => ({ conversation: shapeConversation(field(body, "conversation") ?? body) }),
});

const createConversation = requestTool({
  name: "conversations_create",
  title: "Create conversation",
  description: "Start conversation with contact.",
  toolset,
  kind: "create",
  scopes: WRITE,
  scope: "location",
  operation: "conversations/create-conversation",
  input: z.strictObject({ locationId: locationIdInput, contactId: idInput("Contact") }),
  output: ConversationResult,
  http: {
    method: "POST",
    path: "/conversations/",
    version: VERSION,
    body: ["locationId", "contactId"],
  },
  shape: (body) => ({ conversation: shapeConversation(field(body, "conversation")) }),
  summary: ({ conversation }) => `Created conversation ${conversation.id}.`,
});

const updateConversation = requestTool({
  name: "conversations_update",
  title: "Update conversation",
  description: "Mark conversation read, unread or starred.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "location",
  operation: "conversations/update-conversation",
  input: z.strictObject({
    conversationId,
    locationId: locationIdInput,
    unreadCount: wholeNumberInput().optional().describe("0 marks it read"),
    starred: z.boolean().optional().describe("Star"),
  }),
  output: ConversationResult,
  http: {
    method: "PUT",
    path: "/conversations/{conversationId}",
    version: VERSION,
    body: ["locationId", "unreadCount", "starred"],
  },
  shape: (body) => ({ conversation: shapeConversation(field(body, "conversation")) }),
});

const deleteConversation = requestTool({
  name: "conversations_delete",
  title: "Delete conversation",
  description: "Delete conversation and messages.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "conversations/delete-conversation",
  input: z.strictObject({ conversationId }),
  output: SuccessOut,
  http: { method: "DELETE", path: "/conversations/{conversationId}", version: VERSION },
  shape: succeeded,
});

/**
 * The page of messages. The spec has `{lastMessageId, nextPage, messages}`; real responses wrap
 * that once more in `messages` (PLATFORM.md §5). Both are read.
 */
function messagePage(body: unknown): { messages: unknown[]; nextPage?: unknown; last?: unknown } {
  const outer = field(body, "messages");
  const page = outer && typeof outer === "object" && !Array.isArray(outer) ? outer : body;
  return {
    messages: arrayField(page, "messages"),
    nextPage: field(page, "nextPage"),
    last: field(page, "lastMessageId"),
  };
}

const lastMessagePager: Pager = {
  apply(request, state, limit) {
    request.query = {
      ...request.query,
      limit,
      lastMessageId: state?.lastMessageId as string | undefined,
    };
  },
  next(body) {
    const { nextPage, last } = messagePage(body);
    return nextPage === true && typeof last === "string" ? { lastMessageId: last } : undefined;
  },
};

const MESSAGE_TYPES = [
  "TYPE_CALL",
  "TYPE_SMS",
  "TYPE_RCS",
  "TYPE_EMAIL",
  "TYPE_FACEBOOK",
  "TYPE_GMB",
  "TYPE_INSTAGRAM",
  "TYPE_WHATSAPP",
  "TYPE_LIVE_CHAT",
  "TYPE_TIKTOK",
  "TYPE_INTERNAL_COMMENTS",
  "TYPE_FORM_SUBMISSION",
  "TYPE_ACTIVITY_APPOINTMENT",
  "TYPE_ACTIVITY_CONTACT",
  "TYPE_ACTIVITY_INVOICE",
  "TYPE_ACTIVITY_PAYMENT",
  "TYPE_ACTIVITY_OPPORTUNITY",
  "TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG",
  "TYPE_ACTIVITY_WHATSAPP",
];

const listMessages = listTool({
  name: "conversations_list_messages",
  title: "List conversation messages",
  description: "List conversation messages.",
  toolset,
  kind: "read",
  scopes: MESSAGE_READ,
  scope: "record",
  operation: "conversations/get-messages",
  input: z.strictObject({
    conversationId,
    // The advertised schema stays a plain string list; the values are checked here.
    types: z
      .array(
        z.string().refine((type) => MESSAGE_TYPES.includes(type), {
          message: `must be one of ${MESSAGE_TYPES.join(", ")}`,
        }),
      )
      .optional()
      .describe("e.g. TYPE_SMS"),
    cursor: cursorInput,
  }),
  output: pageOut("messages", MessageOut),
  http: {
    method: "GET",
    path: "/conversations/{conversationId}/messages",
    version: VERSION,
    query: ["type"],
  },
  prepare: ({ types }) => ({ type: types?.length ? types.join(",") : undefined }),
  list: {
    items: (body) => messagePage(body).messages,
    pager: lastMessagePager,
    defaultLimit: 20,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ messages: items.map(shapeMessage), nextCursor }),
});

const getMessage = requestTool({
  name: "conversations_get_message",
  title: "Get message",
  description: "Get message.",
  toolset,
  kind: "read",
  scopes: MESSAGE_READ,
  scope: "record",
  operation: "conversations/get-message",
  input: z.strictObject({ messageId }),
  output: z.object({ message: MessageOut }),
  http: {
    method: "GET",
    path: "/conversations/messages/{id}",
    version: VERSION,
    rename: { messageId: "id" },
  },
  shape: (body) => ({ message: shapeMessage(field(body, "message") ?? body) }),
});

const getEmail = requestTool({
  name: "conversations_get_email",
  title: "Get email",
  description: "Get email message.",
  toolset,
  kind: "read",
  scopes: MESSAGE_READ,
  scope: "record",
  operation: "conversations/get-email-by-id",
  input: z.strictObject({ emailMessageId: idInput("Email message") }),
  output: z.object({ email: z.looseObject({ id: z.string(), subject: z.string().optional() }) }),
  http: {
    method: "GET",
    path: "/conversations/messages/email/{id}",
    version: VERSION,
    rename: { emailMessageId: "id" },
  },
  // The spec has the email flat; some clients report it wrapped in `emailMessage`. Both are read.
  shape: (body) => ({
    email: pick(field(body, "emailMessage") ?? body, [
      "id",
      "conversationId",
      "contactId",
      "threadId",
      "subject",
      "from",
      "to",
      "cc",
      "bcc",
      "body",
      "direction",
      "status",
      "attachments",
      "replyToMessageId",
      "dateAdded",
    ]),
  }),
});

const CHANNELS = ["SMS", "Email", "WhatsApp", "IG", "FB", "Live_Chat", "Custom"] as const;

/** What each channel needs before anything is sent: GHL's own refusals come later and vaguer. */
function checkMessage(args: {
  type: (typeof CHANNELS)[number];
  message?: string;
  subject?: string;
  html?: string;
  attachments?: string[];
  scheduledAt?: string;
}): void {
  const refuse = (message: string, hint: string) => {
    throw new GhlError({ kind: "invalid_input", message, hint });
  };
  if (args.type === "Email") {
    if (!args.subject?.trim()) refuse("subject: is required for an Email.", "Give a subject.");
    if (!args.html?.trim() && !args.message?.trim()) {
      refuse("html: an Email needs html or message.", "Give the body as html or plain message.");
    }
  } else if (args.type === "SMS" && !args.message?.trim()) {
    refuse("message: is required for an SMS.", "Give the text to send.");
  } else if (!args.message?.trim() && !args.attachments?.length) {
    refuse(`message: a ${args.type} message needs text or attachments.`, "Give message text.");
  }
  if (args.scheduledAt && toEpochMs(args.scheduledAt) <= Date.now()) {
    refuse("scheduledAt: must be in the future.", "Leave scheduledAt out to send now.");
  }
}

const SendResult = z.object({
  conversationId: z.string().optional(),
  messageId: z.string().optional(),
  emailMessageId: z.string().optional(),
  status: z.string().optional(),
  scheduledAt: z.string().optional(),
});

const sendMessage = requestTool({
  name: "conversations_send_message",
  title: "Send message",
  description: "Send or schedule message to contact.",
  toolset,
  kind: "send",
  scopes: MESSAGE_WRITE,
  scope: "record",
  operation: "conversations/send-a-new-message",
  input: z.strictObject({
    contactId: idInput("Contact"),
    type: z.enum(CHANNELS).describe("Channel"),
    message: z.string().optional().describe("Text"),
    subject: z.string().optional().describe("For Email"),
    html: z.string().optional().describe("For Email"),
    scheduledAt: dateTimeInput().optional(),
    more: openObject(
      {
        attachments: z.array(z.url()).optional(),
        emailFrom: z.string().optional(),
        fromNumber: z.string().optional(),
        conversationProviderId: z.string().optional(),
      },
      ["attachments", "emailFrom"],
    ).optional(),
  }),
  output: SendResult,
  http: { method: "POST", path: "/conversations/messages", version: VERSION, body: "rest" },
  prepare: (args) => {
    checkMessage({ ...args, attachments: args.more?.attachments });
    return {
      ...args.more,
      more: undefined,
      scheduledAt: undefined,
      scheduledTimestamp: args.scheduledAt
        ? Math.floor(toEpochMs(args.scheduledAt) / 1000)
        : undefined,
    };
  },
  shape: (body, args): z.infer<typeof SendResult> => ({
    ...pick(body, ["conversationId", "messageId", "emailMessageId", "status"]),
    ...(args.scheduledAt && { scheduledAt: args.scheduledAt }),
  }),
  summary: (out) =>
    `${out.scheduledAt ? `Scheduled for ${out.scheduledAt}` : "Sent"}: message ${out.messageId} in conversation ${out.conversationId}.`,
});

const cancelScheduled = requestTool({
  name: "conversations_cancel_scheduled_message",
  title: "Cancel scheduled message",
  description: "Cancel scheduled message.",
  toolset,
  kind: "remove",
  scopes: MESSAGE_WRITE,
  scope: "record",
  operation: "conversations/cancel-scheduled-message",
  input: z.strictObject({ messageId }),
  output: SuccessOut,
  http: {
    method: "DELETE",
    path: "/conversations/messages/{messageId}/schedule",
    version: VERSION,
  },
  // The body carries its own status, and the spec's example of it is a failure (404).
  shape: (body) => {
    const status = field(body, "status");
    if (typeof status === "number" && status >= 400) {
      throw new GhlError({
        kind: "validation",
        status,
        message: `GHL did not cancel the message: ${String(field(body, "message") ?? status)}`,
        hint: "Only a message that is still scheduled can be cancelled; check it with conversations_get_message.",
      });
    }
    return { succeeded: true };
  },
});

const updateMessageStatus = requestTool({
  name: "conversations_update_message_status",
  title: "Update message status",
  description: "Set custom provider message status.",
  toolset,
  kind: "update",
  scopes: MESSAGE_WRITE,
  scope: "record",
  operation: "conversations/update-message-status",
  input: z.strictObject({
    messageId,
    status: z.enum(["delivered", "failed", "pending", "read"]).describe("Status"),
  }),
  output: SendResult,
  http: {
    method: "PUT",
    path: "/conversations/messages/{messageId}/status",
    version: VERSION,
    body: ["status"],
  },
  shape: (body) => pick(body, ["conversationId", "messageId", "status"]),
});

/** The most audio we hand back inline: base64 of more would flood the model's context. */
const MAX_INLINE_AUDIO_BYTES = 8 * 1024;

/** A request whose 2xx body is a file, with the content type GHL labels it with. */
async function download(
  tool: Pick<ToolDefinition, "scopes" | "kind" | "scope">,
  http: HttpMapping,
  args: object,
  ctx: ToolContext,
): Promise<{ bytes: Buffer; contentType?: string }> {
  const request = { ...buildRequest(tool, http, args as Json), responseType: "binary" as const };
  const response = await ctx.client.request<Buffer>({ ...request, signal: ctx.signal });
  return {
    bytes: response.body,
    contentType: response.headers.get("content-type") ?? undefined,
  };
}

const recordingHttp: HttpMapping = {
  method: "GET",
  path: "/conversations/messages/{messageId}/locations/{locationId}/recording",
  version: VERSION,
};

const RecordingOut = z.object({
  contentType: z.string(),
  bytes: z.number().describe("Size"),
  base64: z.string().optional().describe("The audio, when small"),
});

const getRecording = defineTool({
  name: "conversations_get_recording",
  title: "Get call recording",
  description: "Get call recording.",
  toolset,
  kind: "read",
  scopes: MESSAGE_READ,
  scope: "location",
  operation: "conversations/get-message-recording",
  http: recordingHttp,
  input: z.strictObject({ messageId, locationId: locationIdInput }),
  output: RecordingOut,
  async run(args, ctx) {
    const { bytes, contentType } = await download(getRecording, recordingHttp, args, ctx);
    return {
      contentType: contentType ?? "audio/x-wav",
      bytes: bytes.length,
      base64: bytes.length <= MAX_INLINE_AUDIO_BYTES ? bytes.toString("base64") : undefined,
    };
  },
  summary: (out) =>
    `Recording: ${out.bytes} bytes of ${out.contentType}` +
    (out.base64
      ? ", included as base64."
      : "; too large to include. For what was said, use conversations_get_transcription."),
});

const transcriptionPath =
  "/conversations/locations/{locationId}/messages/{messageId}/transcription";

const getTranscription = requestTool({
  name: "conversations_get_transcription",
  title: "Get call transcription",
  description: "Get call transcription.",
  toolset,
  kind: "read",
  scopes: MESSAGE_READ,
  scope: "location",
  operation: "conversations/get-message-transcription",
  input: z.strictObject({ messageId, locationId: locationIdInput }),
  output: z.object({
    sentences: z.array(z.looseObject({ transcript: z.string().optional() })),
  }),
  http: { method: "GET", path: transcriptionPath, version: VERSION },
  // The spec describes one sentence; a transcription is a list of them. Both are read.
  shape: (body) => ({
    sentences: (Array.isArray(body) ? body : body ? [body] : []).map((sentence) =>
      pick(sentence, ["mediaChannel", "startTime", "endTime", "transcript"]),
    ),
  }),
});

/** Past this, a downloaded transcript is cut, and the result says so. */
const MAX_TRANSCRIPT_CHARS = 50_000;

const downloadHttp: HttpMapping = {
  method: "GET",
  path: `${transcriptionPath}/download`,
  version: VERSION,
};

const downloadTranscription = defineTool({
  name: "conversations_download_transcription",
  title: "Download call transcription",
  description: "Call transcription as text.",
  toolset,
  kind: "read",
  scopes: MESSAGE_READ,
  scope: "location",
  operation: "conversations/download-message-transcription",
  http: downloadHttp,
  input: z.strictObject({ messageId, locationId: locationIdInput }),
  output: z.object({ text: z.string(), truncated: z.boolean().optional() }),
  async run(args, ctx) {
    const { bytes } = await download(downloadTranscription, downloadHttp, args, ctx);
    const text = bytes.toString("utf8");
    return text.length > MAX_TRANSCRIPT_CHARS
      ? { text: text.slice(0, MAX_TRANSCRIPT_CHARS), truncated: true }
      : { text };
  },
});

const agentTyping = requestTool({
  name: "conversations_live_chat_typing",
  title: "Show agent typing",
  description: "Show/hide agent typing indicator.",
  toolset,
  kind: "send",
  scopes: ["conversations/livechat.write"],
  scope: "location",
  operation: "conversations/live-chat-agent-typing",
  input: z.strictObject({
    conversationId,
    visitorId: idInput("Visitor"),
    isTyping: z.boolean().describe("Typing"),
    locationId: locationIdInput,
  }),
  output: SuccessOut,
  http: {
    method: "POST",
    path: "/conversations/providers/live-chat/typing",
    version: VERSION,
    body: ["locationId", "isTyping", "visitorId", "conversationId"],
  },
  // GHL types isTyping as a string.
  prepare: ({ isTyping }) => ({ isTyping: String(isTyping) }),
  shape: succeeded,
});

function shapeTemplate(template: unknown): Json {
  const content = (field(template, "template") ?? {}) as Json;
  return compact({
    ...pick(template, ["id", "name", "type"]),
    subject: content.subject,
    body: content.body,
    html: content.html,
    attachments: field(template, "urlAttachments"),
    dateAdded: field(template, "dateAdded"),
  });
}

const listTemplates = listTool({
  name: "conversations_list_templates",
  title: "List message templates",
  description: "List message templates.",
  toolset,
  kind: "read",
  scopes: ["locations/templates.readonly"],
  scope: "location",
  operation: "locations/GET-all-or-email-sms-templates",
  input: z.strictObject({
    locationId: locationIdInput,
    type: z.enum(["sms", "email", "whatsapp"]).optional().describe("Channel"),
    cursor: cursorInput,
  }),
  output: pageOut("templates", z.looseObject({ id: z.string(), name: z.string().optional() })),
  http: {
    method: "GET",
    path: "/locations/{locationId}/templates",
    version: "2021-07-28",
    query: ["originId", "type"],
  },
  // Inferred: a sub-account's own templates have the location as their origin (originId).
  prepare: ({ locationId }) => ({ originId: locationId }),
  list: {
    items: (body) => arrayField(body, "templates"),
    pager: offsetPager({ place: "query", offset: "skip", limit: "limit", asString: true }),
    defaultLimit: 25,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor, body }) => ({
    templates: items.map(shapeTemplate),
    nextCursor,
    total: field(body, "totalCount") as number | undefined,
  }),
});

export const conversationTools: ToolDefinition[] = [
  searchConversations,
  getConversation,
  createConversation,
  updateConversation,
  deleteConversation,
  listMessages,
  getMessage,
  getEmail,
  sendMessage,
  cancelScheduled,
  updateMessageStatus,
  getRecording,
  getTranscription,
  downloadTranscription,
  agentTyping,
  listTemplates,
] as ToolDefinition[];
