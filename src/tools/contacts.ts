// Contacts toolset: contacts, their tasks, notes, tags, campaigns and appointments
// (contacts.json, Version 2021-07-28), plus contacts_find, which turns a description into a contact.
import { z } from "zod";
import {
  emailInput,
  cursorInput,
  defineTool,
  idInput,
  listTool,
  locationIdInput,
  openObject,
  pageSizeInput,
  pagingInputs,
  spreadMore,
  requestTool,
  callGhl,
  type HttpMapping,
  type ToolDefinition,
} from "./framework.js";
import { offsetPager, wholeListPager, type Pager } from "./paging.js";
import {
  AppointmentOut,
  ContactOut,
  NoteOut,
  SuccessOut,
  TaskOut,
  arrayField,
  field,
  pageOut,
  shapeAppointment,
  shapeContact,
  shapeNote,
  shapeTask,
  succeeded,
} from "./shape.js";
import {
  describe,
  differences,
  normalizePhone,
  rank,
  searchTerms,
  type Candidate,
} from "./contact-matching.js";
import { GhlError } from "../ghl/errors.js";
import { dateTimeInput, toUtcIso } from "./time.js";

const VERSION = "2021-07-28";
const READ = ["contacts.readonly"] as const;
const WRITE = ["contacts.write"] as const;
const toolset = "contacts";

const contactId = idInput("Contact");
const taskId = idInput("Task");
const noteId = idInput("Note");
const nonEmpty = z
  .string()
  .trim()
  .refine((value) => value !== "", "must not be empty");
const tagList = z
  .array(nonEmpty)
  .refine((tags) => tags.length > 0, "must name at least one tag")
  .describe("Tag names");

const customFields = z
  .array(
    z.strictObject({
      id: z.string().describe("Field id"),
      field_value: z.union([z.string(), z.number(), z.array(z.string())]).describe("Value"),
    }),
  )
  .describe("Custom field values");

/** The rarely used fields of a contact, in `more`. */
const contactMore = {
  name: z.string().optional(),
  assignedTo: z.string().optional(),
  customFields: customFields.optional(),
  address1: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().length(2, "must be a 2-letter country code, e.g. US").optional(),
  website: z.string().optional(),
  timezone: z.string().optional(),
  dateOfBirth: z.string().optional(),
  source: z.string().optional(),
  dnd: z.boolean().optional(),
};

/** The fields a person fills in on a contact; create, update and upsert share them. */
const contactFields = {
  firstName: z.string().optional().describe("First name"),
  lastName: z.string().optional().describe("Last name"),
  email: emailInput().optional(),
  phone: z.string().optional().describe("Any format"),
  tags: z.array(z.string()).optional().describe("Tag names"),
  more: openObject({ companyName: z.string().optional(), ...contactMore }, [
    "companyName",
    "customFields",
  ]).optional(),
};

/** Phones go to GHL as E.164, and the rarely used fields join the body at the top level. */
function contactBody<T extends { phone?: string; more?: Record<string, unknown> }>(args: T) {
  return {
    ...args.more,
    more: undefined,
    ...(args.phone && { phone: normalizePhone(args.phone) ?? args.phone }),
  };
}

const contactResult = (body: unknown) => ({ contact: shapeContact(field(body, "contact")) });
const ContactResult = z.object({ contact: ContactOut });

const getContact = requestTool({
  name: "contacts_get",
  title: "Get contact",
  description: "Get contact.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "record",
  operation: "contacts/get-contact",
  input: z.strictObject({ contactId }),
  output: ContactResult,
  http: { method: "GET", path: "/contacts/{contactId}", version: VERSION },
  shape: contactResult,
});

/** Contact search pages by `searchAfter`, which every hit carries, and so reaches past 10,000. */
const searchPager: Pager = {
  apply(request, state, limit) {
    const body = { ...(request.body as object), pageLimit: limit };
    request.body = state?.searchAfter
      ? { ...body, searchAfter: state.searchAfter }
      : { ...body, page: Number(state?.page ?? 1) };
  },
  next(_body, items, state, limit) {
    if (items.length < limit) return undefined;
    const last = items[items.length - 1] as { searchAfter?: unknown[] } | undefined;
    return Array.isArray(last?.searchAfter)
      ? { searchAfter: last.searchAfter }
      : { page: Number(state?.page ?? 1) + 1 };
  },
};

const FILTER_FIELDS = [
  "firstNameLowerCase",
  "lastNameLowerCase",
  "email",
  "phone",
  "companyName",
  "tags",
  "type",
  "source",
  "assignedTo",
  "dnd",
  "dateAdded",
  "dateUpdated",
  "businessId",
] as const;

const filter = z.strictObject({
  field: z
    .string()
    .refine(
      (name) =>
        (FILTER_FIELDS as readonly string[]).includes(name) || /^customFields\.\w+$/.test(name),
      `must be one of ${FILTER_FIELDS.join(", ")}, or customFields.<id>`,
    )
    .describe("e.g. tags, customFields.<id>"),
  operator: z
    .enum(["eq", "not_eq", "contains", "not_contains", "exists", "not_exists", "range"])
    .describe("Test"),
  value: z
    .union([z.string(), z.number(), z.boolean()])
    .refine((v) => typeof v !== "string" || v.length <= 75, "must be at most 75 characters")
    .optional()
    .describe("Not for exists/range"),
  gte: z.string().optional().describe("From"),
  lte: z.string().optional().describe("To"),
});

/** GHL's filter form: a range's bounds go inside `value`. */
function wireFilter({ gte, lte, ...rest }: z.infer<typeof filter>) {
  return gte || lte ? { ...rest, value: { ...(gte && { gte }), ...(lte && { lte }) } } : rest;
}

const searchContacts = listTool({
  name: "contacts_search",
  title: "Search contacts",
  description: "Search contacts.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "contacts/search-contacts-advanced",
  input: z.strictObject({
    locationId: locationIdInput,
    query: z
      .string()
      .refine((text) => text.length <= 75, "must be at most 75 characters")
      .optional()
      .describe("Text"),
    filters: z.array(filter).optional().describe("All must hold unless more.matchAny"),
    more: openObject({
      sortBy: z
        .enum(["dateAdded", "dateUpdated", "firstNameLowerCase", "lastNameLowerCase"])
        .optional(),
      sortDirection: z.enum(["asc", "desc"]).optional(),
      matchAny: z.boolean().optional(),
    }).optional(),
    ...pagingInputs(100),
  }),
  output: pageOut("contacts", ContactOut),
  http: {
    method: "POST",
    path: "/contacts/search",
    version: VERSION,
    body: ["locationId", "query", "filters", "sort"],
  },
  prepare: ({ filters, more: { matchAny, sortBy, sortDirection } = {} }) => ({
    more: undefined,
    filters: filters?.length
      ? matchAny
        ? [{ group: "OR", filters: filters.map(wireFilter) }]
        : filters.map(wireFilter)
      : undefined,
    sort: sortBy ? [{ field: sortBy, direction: sortDirection ?? "desc" }] : undefined,
  }),
  list: {
    items: (body) => arrayField(body, "contacts"),
    pager: searchPager,
    defaultLimit: 20,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor, body }) => ({
    contacts: items.map(shapeContact),
    nextCursor,
    total: field(body, "total") as number | undefined,
  }),
});

const listByBusiness = listTool({
  name: "contacts_list_by_business",
  title: "List a business's contacts",
  description: "List business contacts.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "contacts/get-contacts-by-businessId",
  input: z.strictObject({
    businessId: idInput("Business"),
    locationId: locationIdInput,
    query: z.string().optional().describe("Text"),
    cursor: cursorInput,
  }),
  output: pageOut("contacts", ContactOut),
  http: {
    method: "GET",
    path: "/contacts/business/{businessId}",
    version: VERSION,
    query: ["locationId", "query"],
  },
  list: {
    items: (body) => arrayField(body, "contacts"),
    pager: offsetPager({ place: "query", offset: "skip", limit: "limit", asString: true }),
    defaultLimit: 25,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ contacts: items.map(shapeContact), nextCursor }),
});

const findDuplicate = requestTool({
  name: "contacts_find_duplicate",
  title: "Find duplicate contact",
  description: "Find duplicate by email or phone.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "contacts/get-duplicate-contact",
  input: z
    .strictObject({
      locationId: locationIdInput,
      email: emailInput().optional(),
      number: z.string().optional().describe("Phone"),
    })
    .refine((v) => v.email || v.number, { message: "give email or number", path: ["email"] }),
  output: z.object({ contact: ContactOut.nullable() }),
  http: {
    method: "GET",
    path: "/contacts/search/duplicate",
    version: VERSION,
    query: ["locationId", "email", "number"],
  },
  prepare: ({ number }) => ({ number: number ? (normalizePhone(number) ?? number) : undefined }),
  shape: (body) => {
    const contact = field(body, "contact");
    return { contact: contact ? shapeContact(contact) : null };
  },
});

/** Per-contact lists (tasks, notes, appointments) come whole; we page them for the model. */
function contactListTool(options: {
  name: string;
  title: string;
  description: string;
  operation: string;
  path: string;
  key: string;
  output: z.ZodType;
  shape(items: unknown[], nextCursor?: string): Record<string, unknown>;
}) {
  return listTool({
    name: options.name,
    title: options.title,
    description: options.description,
    toolset,
    kind: "read",
    scopes: READ,
    scope: "record",
    operation: options.operation,
    input: z.strictObject({ contactId, cursor: cursorInput }),
    output: options.output,
    http: { method: "GET", path: options.path, version: VERSION },
    list: {
      items: (body) => arrayField(body, options.key),
      pager: wholeListPager,
      defaultLimit: 50,
      maxLimit: 100,
    },
    shape: ({ items, nextCursor }) => options.shape(items, nextCursor),
  });
}

const listTasks = contactListTool({
  name: "contacts_list_tasks",
  title: "List contact tasks",
  description: "List contact tasks.",
  operation: "contacts/get-all-tasks",
  path: "/contacts/{contactId}/tasks",
  key: "tasks",
  output: pageOut("tasks", TaskOut),
  shape: (items, nextCursor) => ({ tasks: items.map(shapeTask), nextCursor }),
});

const listNotes = contactListTool({
  name: "contacts_list_notes",
  title: "List contact notes",
  description: "List contact notes.",
  operation: "contacts/get-all-notes",
  path: "/contacts/{contactId}/notes",
  key: "notes",
  output: pageOut("notes", NoteOut),
  shape: (items, nextCursor) => ({ notes: items.map(shapeNote), nextCursor }),
});

const listAppointments = contactListTool({
  name: "contacts_list_appointments",
  title: "List contact appointments",
  description: "List contact appointments.",
  operation: "contacts/get-appointments-for-contact",
  path: "/contacts/{contactId}/appointments",
  key: "events",
  output: pageOut("appointments", AppointmentOut),
  shape: (items, nextCursor) => ({ appointments: items.map(shapeAppointment), nextCursor }),
});

const getTask = requestTool({
  name: "contacts_get_task",
  title: "Get contact task",
  description: "Get task.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "record",
  operation: "contacts/get-task",
  input: z.strictObject({ contactId, taskId }),
  output: z.object({ task: TaskOut }),
  http: { method: "GET", path: "/contacts/{contactId}/tasks/{taskId}", version: VERSION },
  shape: (body) => ({ task: shapeTask(field(body, "task")) }),
});

const getNote = requestTool({
  name: "contacts_get_note",
  title: "Get contact note",
  description: "Get note.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "record",
  operation: "contacts/get-note",
  input: z.strictObject({ contactId, noteId }),
  output: z.object({ note: NoteOut }),
  http: {
    method: "GET",
    path: "/contacts/{contactId}/notes/{id}",
    version: VERSION,
    rename: { noteId: "id" },
  },
  shape: (body) => ({ note: shapeNote(field(body, "note")) }),
});

/** The deprecated list pages by the last contact's sort value and id, which GHL returns in `meta`. */
const startAfterPager: Pager = {
  apply(request, state, limit) {
    request.query = {
      ...request.query,
      limit,
      startAfter: state?.startAfter as number | undefined,
      startAfterId: state?.startAfterId as string | undefined,
    };
  },
  next(body, items, _state, limit) {
    const meta = field(body, "meta") as { startAfter?: number; startAfterId?: string } | undefined;
    if (items.length < limit || !meta?.startAfterId) return undefined;
    return { startAfter: meta.startAfter, startAfterId: meta.startAfterId };
  },
};

const listContacts = listTool({
  name: "contacts_list",
  title: "List contacts (deprecated)",
  description: "Deprecated: use contacts_search.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  deprecated: true,
  operation: "contacts/get-contacts",
  input: z.strictObject({
    locationId: locationIdInput,
    query: z.string().optional().describe("Text"),
    ...pagingInputs(100),
  }),
  output: pageOut("contacts", ContactOut),
  http: { method: "GET", path: "/contacts/", version: VERSION, query: ["locationId", "query"] },
  list: {
    items: (body) => arrayField(body, "contacts"),
    pager: startAfterPager,
    defaultLimit: 20,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor, body }) => ({
    contacts: items.map(shapeContact),
    nextCursor,
    total: (field(body, "meta") as { total?: number } | undefined)?.total,
  }),
});

const createContact = requestTool({
  name: "contacts_create",
  title: "Create contact",
  description: "Create contact; duplicates fail.",
  toolset,
  kind: "create",
  scopes: WRITE,
  scope: "location",
  operation: "contacts/create-contact",
  input: z.strictObject({ locationId: locationIdInput, ...contactFields }),
  output: ContactResult,
  http: { method: "POST", path: "/contacts/", version: VERSION, body: "rest" },
  prepare: contactBody,
  shape: contactResult,
  summary: ({ contact }) => `Created contact ${contact.name ?? contact.id} (${contact.id}).`,
});

/** GHL's update takes no company name. */
const updatableFields = {
  ...contactFields,
  tags: contactFields.tags.describe("Replace all tags"),
  more: openObject(contactMore, ["customFields", "assignedTo"]).optional(),
};

const updateContact = requestTool({
  name: "contacts_update",
  title: "Update contact",
  description: "Update contact; tags replace all.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/update-contact",
  input: z.strictObject({ contactId, ...updatableFields }),
  output: ContactResult,
  http: { method: "PUT", path: "/contacts/{contactId}", version: VERSION, body: "rest" },
  prepare: contactBody,
  shape: contactResult,
});

const upsertContact = requestTool({
  name: "contacts_upsert",
  title: "Create or update contact",
  description: "Upsert contact by email/phone.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "location",
  operation: "contacts/upsert-contact",
  input: z.strictObject({ locationId: locationIdInput, ...contactFields }),
  output: z.object({ new: z.boolean(), contact: ContactOut }),
  http: { method: "POST", path: "/contacts/upsert", version: VERSION, body: "rest" },
  prepare: contactBody,
  shape: (body) => ({
    new: Boolean(field(body, "new")),
    contact: shapeContact(field(body, "contact")),
  }),
  summary: (out) => `${out.new ? "Created" : "Updated"} contact ${out.contact.id}.`,
});

const deleteContact = requestTool({
  name: "contacts_delete",
  title: "Delete contact",
  description: "Delete contact, its tasks and notes.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/delete-contact",
  input: z.strictObject({ contactId }),
  output: SuccessOut,
  http: { method: "DELETE", path: "/contacts/{contactId}", version: VERSION },
  shape: succeeded,
});

const TagsResult = z.object({ tags: z.array(z.string()) });
const tagsResult = (body: unknown) => ({
  tags: (field(body, "tags") as string[] | undefined) ?? [],
});

const addTags = requestTool({
  name: "contacts_add_tags",
  title: "Add tags to contact",
  description: "Add contact tags.",
  toolset,
  kind: "add",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/add-tags",
  input: z.strictObject({ contactId, tags: tagList }),
  output: TagsResult,
  http: { method: "POST", path: "/contacts/{contactId}/tags", version: VERSION, body: ["tags"] },
  shape: tagsResult,
});

const removeTags = requestTool({
  name: "contacts_remove_tags",
  title: "Remove tags from contact",
  description: "Remove contact tags.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/remove-tags",
  input: z.strictObject({ contactId, tags: tagList }),
  output: TagsResult,
  http: { method: "DELETE", path: "/contacts/{contactId}/tags", version: VERSION, body: ["tags"] },
  shape: tagsResult,
});

const bulkTags = requestTool({
  name: "contacts_bulk_update_tags",
  title: "Add or remove tags in bulk",
  description: "Add/remove tags in bulk.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "location",
  operation: "contacts/create-association",
  input: z
    .strictObject({
      locationId: locationIdInput,
      type: z.enum(["add", "remove"]).describe("Action"),
      contacts: z
        .array(nonEmpty)
        .refine((ids) => ids.length > 0 && ids.length <= 100, "must name 1 to 100 contacts")
        .describe("Contact ids"),
      tags: z.array(nonEmpty).describe("Tag names"),
      removeAllTags: z.boolean().optional().describe("All tags"),
    })
    .refine((v) => !v.removeAllTags || v.type === "remove", {
      message: "removeAllTags only works with type remove",
      path: ["removeAllTags"],
    }),
  output: z.looseObject({ succeeded: z.boolean() }),
  http: {
    method: "POST",
    path: "/contacts/bulk/tags/update/{type}",
    version: VERSION,
    body: ["locationId", "contacts", "tags", "removeAllTags"],
  },
  shape: (body) => ({ ...(body as object), succeeded: Boolean(field(body, "succeeded") ?? true) }),
});

const taskMore = openObject({
  body: z.string().optional(),
  assignedTo: z.string().optional(),
}).optional();

const createTask = requestTool({
  name: "contacts_create_task",
  title: "Create contact task",
  description: "Create contact task.",
  toolset,
  kind: "create",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/create-task",
  input: z.strictObject({
    contactId,
    title: nonEmpty.describe("Title"),
    dueDate: dateTimeInput(),
    completed: z.boolean().optional().describe("Done"),
    more: taskMore,
  }),
  output: z.object({ task: TaskOut }),
  http: {
    method: "POST",
    path: "/contacts/{contactId}/tasks",
    version: VERSION,
    body: ["title", "body", "dueDate", "completed", "assignedTo"],
  },
  prepare: ({ dueDate, completed, more }) => ({
    ...spreadMore({ more }),
    dueDate: toUtcIso(dueDate),
    completed: completed ?? false,
  }),
  shape: (body) => ({ task: shapeTask(field(body, "task")) }),
  summary: ({ task }) => `Created task "${task.title}" (${task.id}).`,
});

const updateTask = requestTool({
  name: "contacts_update_task",
  title: "Update contact task",
  description: "Update task.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/update-task",
  input: z.strictObject({
    contactId,
    taskId,
    title: nonEmpty.optional().describe("Title"),
    dueDate: dateTimeInput().optional(),
    completed: z.boolean().optional().describe("Done"),
    more: taskMore,
  }),
  output: z.object({ task: TaskOut }),
  http: {
    method: "PUT",
    path: "/contacts/{contactId}/tasks/{taskId}",
    version: VERSION,
    body: ["title", "body", "dueDate", "completed", "assignedTo"],
  },
  prepare: ({ dueDate, more }) => ({
    ...spreadMore({ more }),
    dueDate: dueDate && toUtcIso(dueDate),
  }),
  shape: (body) => ({ task: shapeTask(field(body, "task")) }),
});

const completeTask = requestTool({
  name: "contacts_complete_task",
  title: "Complete contact task",
  description: "Complete or reopen task.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/update-task-completed",
  input: z.strictObject({
    contactId,
    taskId,
    completed: z.boolean().default(true).describe("Done"),
  }),
  output: z.object({ task: TaskOut }),
  http: {
    method: "PUT",
    path: "/contacts/{contactId}/tasks/{taskId}/completed",
    version: VERSION,
    body: ["completed"],
  },
  shape: (body) => ({ task: shapeTask(field(body, "task")) }),
  summary: ({ task }) =>
    `Task "${task.title ?? task.id}" is now ${task.completed ? "completed" : "open"}.`,
});

const deleteTask = requestTool({
  name: "contacts_delete_task",
  title: "Delete contact task",
  description: "Delete task.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/delete-task",
  input: z.strictObject({ contactId, taskId }),
  output: SuccessOut,
  http: { method: "DELETE", path: "/contacts/{contactId}/tasks/{taskId}", version: VERSION },
  shape: succeeded,
});

const noteFields = {
  body: nonEmpty.describe("Text"),
  more: openObject({
    title: z.string().optional(),
    userId: z.string().optional(),
    pinned: z.boolean().optional(),
  }).optional(),
};

const createNote = requestTool({
  name: "contacts_create_note",
  title: "Create contact note",
  description: "Add contact note.",
  toolset,
  kind: "create",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/create-note",
  input: z.strictObject({ contactId, ...noteFields }),
  prepare: spreadMore,
  output: z.object({ note: NoteOut }),
  http: {
    method: "POST",
    path: "/contacts/{contactId}/notes",
    version: VERSION,
    body: ["body", "title", "userId", "pinned"],
  },
  shape: (body) => ({ note: shapeNote(field(body, "note")) }),
});

const updateNote = requestTool({
  name: "contacts_update_note",
  title: "Update contact note",
  description: "Update note.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/update-note",
  input: z.strictObject({ contactId, noteId, ...noteFields, body: noteFields.body.optional() }),
  prepare: spreadMore,
  output: z.object({ note: NoteOut }),
  http: {
    method: "PUT",
    path: "/contacts/{contactId}/notes/{id}",
    version: VERSION,
    body: ["body", "title", "userId", "pinned"],
    rename: { noteId: "id" },
  },
  shape: (body) => ({ note: shapeNote(field(body, "note")) }),
});

const deleteNote = requestTool({
  name: "contacts_delete_note",
  title: "Delete contact note",
  description: "Delete note.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/delete-note",
  input: z.strictObject({ contactId, noteId }),
  output: SuccessOut,
  http: {
    method: "DELETE",
    path: "/contacts/{contactId}/notes/{id}",
    version: VERSION,
    rename: { noteId: "id" },
  },
  shape: succeeded,
});

const campaignId = idInput("Campaign");

const addToCampaign = requestTool({
  name: "contacts_add_to_campaign",
  title: "Add contact to campaign",
  description: "Add contact to campaign.",
  toolset,
  kind: "add",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/add-contact-to-campaign",
  input: z.strictObject({ contactId, campaignId }),
  output: SuccessOut,
  http: {
    method: "POST",
    path: "/contacts/{contactId}/campaigns/{campaignId}",
    version: VERSION,
    emptyBody: true,
  },
  shape: succeeded,
});

const removeFromCampaign = requestTool({
  name: "contacts_remove_from_campaign",
  title: "Remove contact from campaign",
  description: "Remove contact from campaign.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/remove-contact-from-campaign",
  input: z.strictObject({ contactId, campaignId }),
  output: SuccessOut,
  http: {
    method: "DELETE",
    path: "/contacts/{contactId}/campaigns/{campaignId}",
    version: VERSION,
  },
  shape: succeeded,
});

const removeFromAllCampaigns = requestTool({
  name: "contacts_remove_from_all_campaigns",
  title: "Remove contact from all campaigns",
  description: "Remove contact from all campaigns.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/remove-contact-from-every-campaign",
  input: z.strictObject({ contactId }),
  output: SuccessOut,
  http: { method: "DELETE", path: "/contacts/{contactId}/campaigns/removeAll", version: VERSION },
  shape: succeeded,
});

const MatchOut = ContactOut.extend({
  matchedOn: z.array(z.string()).describe("Why it matched"),
  score: z.number(),
});

const findOutput = z.object({
  matches: z.array(MatchOut),
  ambiguous: z.boolean().describe("Several contacts match about equally well"),
  differences: z.array(z.string()).describe("Fields that tell the top matches apart"),
});

const lookups = {
  byId: { method: "GET", path: "/contacts/{contactId}", version: VERSION },
  duplicate: {
    method: "GET",
    path: "/contacts/search/duplicate",
    version: VERSION,
    query: ["locationId", "email", "number"],
  },
  search: {
    method: "POST",
    path: "/contacts/search",
    version: VERSION,
    body: ["locationId", "query", "pageLimit"],
  },
} satisfies Record<string, HttpMapping>;

const findContact = defineTool({
  name: "contacts_find",
  title: "Find contact",
  description: "Find contact by name, email, phone or id.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  input: z.strictObject({
    query: z
      .string()
      .trim()
      .refine((text) => text !== "" && text.length <= 200, "must be 1 to 200 characters")
      .describe("What you know"),
    locationId: locationIdInput,
    limit: pageSizeInput(20).default(5),
  }),
  output: findOutput,
  async run({ query, locationId, limit }, ctx) {
    const description = describe(query);
    const candidates: Candidate[] = [];
    const collect = (body: unknown, key: "contact" | "contacts") => {
      const found = field(body, key);
      for (const item of Array.isArray(found) ? found : found ? [found] : []) {
        candidates.push(shapeContact(item) as Candidate);
      }
    };
    const calls: Promise<void>[] = [];
    if (description.id) {
      calls.push(
        callGhl(findContact, lookups.byId, { contactId: description.id }, ctx).then(
          (body) => collect(body, "contact"),
          (error: unknown) => {
            if (!(error instanceof GhlError && error.kind === "not_found")) throw error;
          },
        ),
      );
    }
    if (description.email || description.phone) {
      const exact = { locationId, email: description.email, number: description.phone };
      calls.push(
        callGhl(findContact, lookups.duplicate, exact, ctx).then((b) => collect(b, "contact")),
      );
    }
    const terms = description.email
      ? [description.email]
      : description.phone
        ? [description.phone]
        : searchTerms(description);
    for (const term of terms) {
      const search = { locationId, query: term.slice(0, 75), pageLimit: 50 };
      calls.push(
        callGhl(findContact, lookups.search, search, ctx).then((b) => collect(b, "contacts")),
      );
    }
    await Promise.all(calls);

    const ranked = rank(description, candidates).slice(0, limit);
    const [first, second] = ranked;
    const ambiguous = Boolean(first && second && second.score >= first.score - 10);
    const close = ranked.filter((r) => first && r.score >= first.score - 10).map((r) => r.contact);
    return {
      matches: ranked.map((r) => ({ ...r.contact, matchedOn: r.matchedOn, score: r.score })),
      ambiguous,
      differences: ambiguous ? differences(close) : [],
    };
  },
  summary(out) {
    const [best] = out.matches;
    if (!best)
      return "No contact matches. Try another spelling, part of the name, an email or a phone.";
    if (out.ambiguous) {
      return `${out.matches.filter((m) => m.score >= best.score - 10).length} contacts match about equally; they differ in ${out.differences.join(", ") || "nothing visible"}. Confirm which one is meant before changing anything.`;
    }
    return `Best match: ${best.name ?? best.id} (${best.id}), on ${best.matchedOn.join(", ")}.`;
  },
});

export const contactTools: ToolDefinition[] = [
  findContact,
  getContact,
  searchContacts,
  listContacts,
  listByBusiness,
  findDuplicate,
  createContact,
  updateContact,
  upsertContact,
  deleteContact,
  addTags,
  removeTags,
  bulkTags,
  listTasks,
  getTask,
  createTask,
  updateTask,
  completeTask,
  deleteTask,
  listNotes,
  getNote,
  createNote,
  updateNote,
  deleteNote,
  listAppointments,
  addToCampaign,
  removeFromCampaign,
  removeFromAllCampaigns,
] as ToolDefinition[];
