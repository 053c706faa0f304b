// Every operation of spec/apps/contacts.json against the store, with the platform's envelopes and
// quirks (`succeded` sic, 400 for an unknown contact, duplicate refusal with meta, E.164 phones).
import {
  fullName,
  matchesQuery,
  searchContacts,
  type ContactSearchRequest,
} from "../contact-search.js";
import { SandboxError, badRequest, contactNotFound, unprocessable } from "../errors.js";
import { toE164 } from "../phone.js";
import type {
  AppointmentRecord,
  ContactRecord,
  LocationRecord,
  NoteRecord,
  SandboxStore,
  TaskRecord,
} from "../store.js";
import { isoUtc } from "../time.js";
import type { HandlerContext, HandlerResult, HandlerSet } from "./registry.js";

/** The writable fields of CreateContactDto / UpdateContactDto / UpsertContactDto. */
interface ContactInput {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  gender?: string;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string;
  website?: string | null;
  timezone?: string | null;
  dnd?: boolean;
  dndSettings?: ContactRecord["dndSettings"];
  inboundDndSettings?: ContactRecord["inboundDndSettings"];
  tags?: string[];
  customFields?: { id?: string; key?: string; field_value?: unknown; value?: unknown }[];
  source?: string | null;
  dateOfBirth?: string | Record<string, unknown> | null;
  country?: string;
  companyName?: string | null;
  assignedTo?: string | null;
  createNewIfDuplicateAllowed?: boolean;
}

interface TaskInput {
  title?: string;
  body?: string;
  dueDate?: string;
  completed?: boolean;
  assignedTo?: string;
}

interface NoteInput {
  body?: string;
  userId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
}

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

export const contactHandlers: HandlerSet = {
  "contacts/get-contact": ({ params, store }) =>
    ok({ contact: contactView(contactOf(store, params)) }),

  "contacts/create-contact": (context) => {
    const { store, body, now } = context;
    const location = locationOf(store, String(body.locationId));
    const input = body as ContactInput;
    const fields = contactFields(input, location);
    refuseDuplicate(store, location, fields);

    const contact = insertContact(store, location.id, fields, now());
    return ok({ contact: contactView(contact) }, 201);
  },

  "contacts/update-contact": ({ params, body, store, now }) => {
    const contact = contactOf(store, params);
    const location = locationOf(store, contact.locationId);
    const fields = contactFields(body as ContactInput, location);
    refuseDuplicate(store, location, fields, contact.id);

    applyFields(contact, fields, now);
    store.registerTags(location.id, contact.tags);
    return ok({ succeded: true, contact: contactView(contact) });
  },

  "contacts/delete-contact": ({ params, store }) => {
    const contact = contactOf(store, params);
    store.contacts.delete(contact.id);
    for (const [id, task] of store.tasks) if (task.contactId === contact.id) store.tasks.delete(id);
    for (const [id, note] of store.notes) if (note.contactId === contact.id) store.notes.delete(id);
    removeWhere(store.campaignMemberships, (m) => m.contactId === contact.id);
    removeWhere(store.workflowMemberships, (m) => m.contactId === contact.id);
    // An opportunity cannot outlive its contact: GHL deletes the contact's opportunities with it.
    for (const [id, deal] of store.opportunities) {
      if (deal.contactId === contact.id) store.opportunities.delete(id);
    }
    // Inferred: the contact's conversation and messages go with it, as in the app.
    for (const [id, conversation] of store.conversations) {
      if (conversation.contactId === contact.id) store.conversations.delete(id);
    }
    for (const [id, message] of store.messages) {
      if (message.contactId === contact.id) store.messages.delete(id);
    }
    return ok({ succeded: true });
  },

  "contacts/upsert-contact": (context) => upsert(context),

  "contacts/get-duplicate-contact": ({ query, store }) => {
    const location = locationOf(store, String(query.locationId));
    const email = typeof query.email === "string" ? query.email : undefined;
    const number = typeof query.number === "string" ? query.number : undefined;
    // Inferred: with neither key the platform's answer is unknown; we refuse instead of guessing.
    if (!email && !number) throw badRequest("Either email or number is required");

    const phone = number ? toE164(number, location.country) : undefined;
    const match = findDuplicate(store, location, { email, phone });
    return ok({ contact: match ? contactView(match.contact) : null });
  },

  "contacts/search-contacts-advanced": ({ body, store }) => {
    const request = body as unknown as ContactSearchRequest & { locationId: string };
    const { hits, total } = searchContacts(store.contactsOf(request.locationId), request);
    return ok({
      contacts: hits.map((hit) => ({ ...contactView(hit.contact), searchAfter: hit.searchAfter })),
      total,
    });
  },

  "contacts/get-contacts": ({ query, store, baseUrl }) => listContacts(query, store, baseUrl),

  "contacts/get-contacts-by-businessId": ({ params, query, store }) => {
    const business = store.businesses.get(params.businessId as string);
    // Inferred wording, by analogy with the observed unknown-contact refusal.
    if (!business) throw badRequest(`Business with id ${params.businessId} not found`);

    const skip = Number(query.skip);
    const limit = Number(query.limit);
    if (!Number.isInteger(skip) || skip < 0) throw unprocessable(["skip must be a number string"]);
    if (!Number.isInteger(limit) || limit < 1)
      throw unprocessable(["limit must be a number string"]);

    const matching = store
      .contactsOf(business.locationId)
      .filter((contact) => contact.businessId === business.id)
      .filter((contact) => typeof query.query !== "string" || matchesQuery(contact, query.query))
      .sort(byDateAdded);
    return ok({
      contacts: matching.slice(skip, skip + limit).map(contactView),
      count: matching.length,
    });
  },

  "contacts/get-all-tasks": ({ params, store }) => {
    const contact = contactOf(store, params);
    const tasks = [...store.tasks.values()]
      .filter((task) => task.contactId === contact.id)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    return ok({ tasks: tasks.map(taskView) });
  },

  "contacts/create-task": ({ params, body, store, now }) => {
    const contact = contactOf(store, params);
    const input = body as TaskInput;
    const stamp = isoUtc(now());
    const task = store.insert(store.tasks, {
      locationId: contact.locationId,
      contactId: contact.id,
      title: input.title as string,
      body: input.body,
      assignedTo: input.assignedTo,
      dueDate: isoUtc(Date.parse(input.dueDate as string)),
      completed: input.completed as boolean,
      dateAdded: stamp,
      dateUpdated: stamp,
    });
    return ok({ task: taskView(task) }, 201);
  },

  "contacts/get-task": ({ params, store }) => ok({ task: taskView(taskOf(store, params)) }),

  "contacts/update-task": ({ params, body, store, now }) => {
    const task = taskOf(store, params);
    const input = body as TaskInput;
    if (input.title !== undefined) task.title = input.title;
    if (input.body !== undefined) task.body = input.body;
    if (input.assignedTo !== undefined) task.assignedTo = input.assignedTo;
    if (input.completed !== undefined) task.completed = input.completed;
    if (input.dueDate !== undefined) task.dueDate = isoUtc(Date.parse(input.dueDate));
    task.dateUpdated = isoUtc(now());
    return ok({ task: taskView(task) });
  },

  "contacts/update-task-completed": ({ params, body, store, now }) => {
    const task = taskOf(store, params);
    task.completed = body.completed as boolean;
    task.dateUpdated = isoUtc(now());
    return ok({ task: taskView(task) });
  },

  "contacts/delete-task": ({ params, store }) => {
    store.tasks.delete(taskOf(store, params).id);
    return ok({ succeded: true });
  },

  "contacts/get-all-notes": ({ params, store }) => {
    const contact = contactOf(store, params);
    const notes = [...store.notes.values()]
      .filter((note) => note.contactId === contact.id)
      .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
    return ok({ notes: notes.map(noteView) });
  },

  "contacts/create-note": ({ params, body, store, now }) => {
    const contact = contactOf(store, params);
    const input = body as NoteInput;
    const note = store.insert(store.notes, {
      locationId: contact.locationId,
      contactId: contact.id,
      body: input.body as string,
      userId: input.userId,
      title: input.title,
      color: input.color,
      pinned: input.pinned,
      dateAdded: isoUtc(now()),
    });
    return ok({ note: noteView(note) }, 201);
  },

  "contacts/get-note": ({ params, store }) => ok({ note: noteView(noteOf(store, params)) }),

  "contacts/update-note": ({ params, body, store }) => {
    const note = noteOf(store, params);
    const input = body as NoteInput;
    for (const key of ["body", "userId", "title", "color", "pinned"] as const) {
      if (input[key] !== undefined) Object.assign(note, { [key]: input[key] });
    }
    return ok({ note: noteView(note) });
  },

  "contacts/delete-note": ({ params, store }) => {
    store.notes.delete(noteOf(store, params).id);
    return ok({ succeded: true });
  },

  "contacts/add-tags": ({ params, body, store, now }) => {
    const contact = contactOf(store, params);
    applyFields(contact, { tags: mergeTags(contact.tags, normaliseTags(body.tags)) }, now);
    store.registerTags(contact.locationId, contact.tags);
    return ok({ tags: contact.tags }, 201);
  },

  "contacts/remove-tags": ({ params, body, store, now }) => {
    const contact = contactOf(store, params);
    const removed = new Set(normaliseTags(body.tags));
    applyFields(contact, { tags: contact.tags.filter((tag) => !removed.has(tag)) }, now);
    return ok({ tags: contact.tags });
  },

  "contacts/create-association": ({ params, body, store, now }) => {
    const type = params.type;
    if (type !== "add" && type !== "remove") {
      throw unprocessable(["type must be one of the following values: add, remove"]);
    }
    if (body.removeAllTags === true && type !== "remove") {
      throw unprocessable(["removeAllTags can only be used with remove type"]);
    }

    const tags = normaliseTags(body.tags);
    const responses: string[] = [];
    let errorCount = 0;
    for (const id of body.contacts as string[]) {
      const contact = store.contacts.get(id);
      if (!contact || contact.locationId !== body.locationId) {
        errorCount += 1;
        continue;
      }
      const next =
        type === "add"
          ? mergeTags(contact.tags, tags)
          : body.removeAllTags === true
            ? []
            : contact.tags.filter((tag) => !tags.includes(tag));
      applyFields(contact, { tags: next }, now);
      store.registerTags(contact.locationId, contact.tags);
      responses.push(contact.id);
    }
    return ok({ succeded: errorCount === 0, errorCount, responses }, 201);
  },

  "contacts/add-remove-contact-from-business": ({ body, store, now }) => {
    const businessId = body.businessId as string | null;
    if (businessId !== null && store.businesses.get(businessId)?.locationId !== body.locationId) {
      throw badRequest(`Business with id ${businessId} not found`);
    }
    const ids: string[] = [];
    for (const id of body.ids as string[]) {
      const contact = store.contacts.get(id);
      if (!contact || contact.locationId !== body.locationId) continue;
      applyFields(contact, { businessId: businessId ?? undefined }, now);
      ids.push(contact.id);
    }
    return ok({ success: true, ids });
  },

  "contacts/add-followers-contact": ({ params, body, store, now }) => {
    const contact = contactOf(store, params);
    const added = (body.followers as string[]).filter((id) => !contact.followers.includes(id));
    applyFields(contact, { followers: [...contact.followers, ...new Set(added)] }, now);
    return ok({ followers: contact.followers, followersAdded: [...new Set(added)] }, 201);
  },

  "contacts/remove-followers-contact": ({ params, body, store, now }) => {
    const contact = contactOf(store, params);
    const requested = new Set(body.followers as string[]);
    const removed = contact.followers.filter((id) => requested.has(id));
    applyFields(contact, { followers: contact.followers.filter((id) => !requested.has(id)) }, now);
    return ok({ followers: contact.followers, followersRemoved: removed });
  },

  "contacts/add-contact-to-campaign": ({ params, store, now }) => {
    const contact = contactOf(store, params);
    const campaign = store.campaigns.get(params.campaignId as string);
    // Inferred wording, by analogy with the observed unknown-contact refusal.
    if (!campaign) throw badRequest(`Campaign with id ${params.campaignId} not found`);

    const member = store.campaignMemberships.some(
      (m) => m.contactId === contact.id && m.campaignId === campaign.id,
    );
    if (!member) {
      store.campaignMemberships.push({
        campaignId: campaign.id,
        contactId: contact.id,
        dateAdded: isoUtc(now()),
      });
    }
    return ok({ succeded: true }, 201);
  },

  "contacts/remove-contact-from-campaign": ({ params, store }) => {
    const contact = contactOf(store, params);
    removeWhere(
      store.campaignMemberships,
      (m) => m.contactId === contact.id && m.campaignId === params.campaignId,
    );
    return ok({ succeded: true });
  },

  "contacts/remove-contact-from-every-campaign": ({ params, store }) => {
    const contact = contactOf(store, params);
    removeWhere(store.campaignMemberships, (m) => m.contactId === contact.id);
    return ok({ succeded: true });
  },

  "contacts/add-contact-to-workflow": ({ params, body, store, now }) => {
    const contact = contactOf(store, params);
    const workflow = store.workflows.get(params.workflowId as string);
    if (!workflow) throw badRequest(`Workflow with id ${params.workflowId} not found`);

    removeWhere(
      store.workflowMemberships,
      (m) => m.contactId === contact.id && m.workflowId === workflow.id,
    );
    store.workflowMemberships.push({
      workflowId: workflow.id,
      contactId: contact.id,
      eventStartTime: typeof body.eventStartTime === "string" ? body.eventStartTime : undefined,
      dateAdded: isoUtc(now()),
    });
    return ok({ succeded: true });
  },

  "contacts/delete-contact-from-workflow": ({ params, store }) => {
    const contact = contactOf(store, params);
    removeWhere(
      store.workflowMemberships,
      (m) => m.contactId === contact.id && m.workflowId === params.workflowId,
    );
    return ok({ succeded: true });
  },

  "contacts/get-appointments-for-contact": ({ params, store }) => {
    const contact = contactOf(store, params);
    const events = [...store.appointments.values()]
      .filter((appointment) => appointment.contactId === contact.id)
      .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
    return ok({ events: events.map(eventView) });
  },
};

/** The contact as GetContectByIdSchema (sic) describes it; absent fields are left out. */
export function contactView(contact: ContactRecord): Record<string, unknown> {
  const name = fullName(contact);
  return {
    id: contact.id,
    locationId: contact.locationId,
    name,
    firstName: contact.firstName,
    lastName: contact.lastName,
    firstNameLowerCase: contact.firstName?.toLowerCase(),
    lastNameLowerCase: contact.lastName?.toLowerCase(),
    fullNameLowerCase: name?.toLowerCase(),
    email: contact.email,
    emailLowerCase: contact.email?.toLowerCase(),
    phone: contact.phone,
    companyName: contact.companyName,
    address1: contact.address1,
    city: contact.city,
    state: contact.state,
    postalCode: contact.postalCode,
    country: contact.country,
    website: contact.website,
    timezone: contact.timezone,
    dnd: contact.dnd,
    dndSettings: contact.dndSettings,
    inboundDndSettings: contact.inboundDndSettings,
    type: contact.type,
    source: contact.source,
    assignedTo: contact.assignedTo,
    tags: contact.tags,
    customFields: contact.customFields,
    businessId: contact.businessId,
    dateOfBirth: contact.dateOfBirth,
    followers: contact.followers,
    dateAdded: contact.dateAdded,
    dateUpdated: contact.dateUpdated,
  };
}

function taskView(task: TaskRecord): Record<string, unknown> {
  const { id, title, body, assignedTo, dueDate, completed, contactId } = task;
  return { id, title, body, assignedTo, dueDate, completed, contactId };
}

function noteView(note: NoteRecord): Record<string, unknown> {
  const { id, body, userId, dateAdded, contactId, title, color, pinned } = note;
  return { id, body, userId, dateAdded, contactId, title, color, pinned };
}

function eventView(appointment: AppointmentRecord): Record<string, unknown> {
  return {
    id: appointment.id,
    calendarId: appointment.calendarId,
    locationId: appointment.locationId,
    contactId: appointment.contactId,
    groupId: appointment.groupId,
    title: appointment.title,
    status: appointment.appointmentStatus,
    appointmentStatus: appointment.appointmentStatus,
    assignedUserId: appointment.assignedUserId,
    users: appointment.users,
    notes: appointment.notes,
    address: appointment.address,
    startTime: appointment.startTime,
    endTime: appointment.endTime,
    dateAdded: appointment.dateAdded,
    dateUpdated: appointment.dateUpdated,
    assignedResources: [],
  };
}

function locationOf(store: SandboxStore, locationId: string): LocationRecord {
  const location = store.locations.get(locationId);
  if (!location) throw badRequest(`Location with id ${locationId} not found`);
  return location;
}

function contactOf(store: SandboxStore, params: Record<string, string>): ContactRecord {
  const contactId = params.contactId as string;
  const contact = store.contacts.get(contactId);
  if (!contact) throw contactNotFound(contactId);
  return contact;
}

/** Inferred wording for an unknown task or note, by analogy with the unknown contact. */
function taskOf(store: SandboxStore, params: Record<string, string>): TaskRecord {
  const contact = contactOf(store, params);
  const task = store.tasks.get(params.taskId as string);
  if (!task || task.contactId !== contact.id) {
    throw badRequest(`Task with id ${params.taskId} not found`);
  }
  return task;
}

function noteOf(store: SandboxStore, params: Record<string, string>): NoteRecord {
  const contact = contactOf(store, params);
  const note = store.notes.get(params.id as string);
  if (!note || note.contactId !== contact.id)
    throw badRequest(`Note with id ${params.id} not found`);
  return note;
}

type ContactFields = Partial<
  Omit<ContactRecord, "id" | "locationId" | "dateAdded" | "dateUpdated">
>;

/** Turns a DTO into record fields: phones to E.164, tags lower-cased, null clears a field. */
function contactFields(input: ContactInput, location: LocationRecord): ContactFields {
  const fields: Record<string, unknown> = {};
  const copied = [
    "firstName",
    "lastName",
    "address1",
    "city",
    "state",
    "postalCode",
    "website",
    "timezone",
    "source",
    "companyName",
    "assignedTo",
    "gender",
    "country",
    "dnd",
    "dndSettings",
    "inboundDndSettings",
  ] as const;
  for (const key of copied) {
    if (input[key] !== undefined) fields[key] = input[key] ?? undefined;
  }

  if (input.name !== undefined) {
    const [first, ...rest] = (input.name ?? "").trim().split(/\s+/);
    if (input.firstName === undefined) fields.firstName = first || undefined;
    if (input.lastName === undefined) fields.lastName = rest.join(" ") || undefined;
  }
  if (input.email !== undefined) fields.email = input.email?.trim() || undefined;
  if (input.phone !== undefined) fields.phone = phoneOf(input.phone, location);
  if (input.tags !== undefined) fields.tags = normaliseTags(input.tags);
  if (input.dateOfBirth !== undefined) fields.dateOfBirth = dateOfBirthOf(input.dateOfBirth);
  if (input.customFields !== undefined) {
    fields.customFields = input.customFields.map((field) => ({
      id: field.id ?? field.key ?? "",
      value: field.field_value ?? field.value,
    }));
  }
  return fields as ContactFields;
}

function phoneOf(phone: string | null, location: LocationRecord): string | undefined {
  if (phone === null || phone.trim() === "") return undefined;
  const e164 = toE164(phone, location.country);
  if (!e164) throw unprocessable(["phone must be a valid phone number"]);
  return e164;
}

/** `YYYY-MM-DD`, `MM/DD/YYYY` (any separator) or `{year, month, day}`, kept as ISO midnight UTC. */
function dateOfBirthOf(value: string | Record<string, unknown> | null): string | undefined {
  if (value === null) return undefined;
  let parts: number[] | undefined;
  if (typeof value === "object") {
    parts = [Number(value.year), Number(value.month), Number(value.day)];
  } else {
    const yearFirst = /^(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(value);
    const yearLast = /^(\d{1,2})\D(\d{1,2})\D(\d{4})$/.exec(value);
    if (yearFirst) parts = [yearFirst[1], yearFirst[2], yearFirst[3]].map(Number);
    if (yearLast) parts = [yearLast[3], yearLast[1], yearLast[2]].map(Number);
  }
  const [year, month, day] = parts ?? [];
  const epoch = Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN);
  if (isNaN(epoch) || new Date(epoch).getUTCDate() !== day) {
    throw unprocessable(["dateOfBirth must be a valid date"]);
  }
  return isoUtc(epoch);
}

/**
 * Inferred: the platform stores tags lower-cased and trimmed; we do too, so a client that relies on
 * the case it sent finds out here rather than in production.
 */
function normaliseTags(tags: unknown): string[] {
  const list = Array.isArray(tags) ? tags : [];
  return [...new Set(list.map((tag) => String(tag).trim().toLowerCase()).filter(Boolean))];
}

function mergeTags(current: string[], added: string[]): string[] {
  return [...new Set([...current, ...added])];
}

function applyFields(contact: ContactRecord, fields: ContactFields, now: () => number): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete (contact as unknown as Record<string, unknown>)[key];
    else Object.assign(contact, { [key]: value });
  }
  contact.dateUpdated = isoUtc(now());
}

/** The existing contact that an email or phone would duplicate, in the location's priority order. */
function findDuplicate(
  store: SandboxStore,
  location: LocationRecord,
  keys: { email?: string; phone?: string },
  exceptId?: string,
): { contact: ContactRecord; matchingField: "email" | "phone" } | undefined {
  const others = store.contactsOf(location.id).filter((contact) => contact.id !== exceptId);
  for (const field of location.duplicateContactPriority) {
    const wanted = field === "email" ? keys.email?.toLowerCase() : keys.phone;
    if (!wanted) continue;
    const contact = others.find(
      (c) => (field === "email" ? c.email?.toLowerCase() : c.phone) === wanted,
    );
    if (contact) return { contact, matchingField: field };
  }
  return undefined;
}

/** With "Allow Duplicate Contact" off, a second contact with the same email or phone is refused. */
function refuseDuplicate(
  store: SandboxStore,
  location: LocationRecord,
  fields: ContactFields,
  exceptId?: string,
): void {
  if (location.allowDuplicateContact) return;
  const duplicate = findDuplicate(store, location, fields, exceptId);
  if (!duplicate) return;
  throw new SandboxError(
    400,
    "This location does not allow duplicated contacts.",
    {
      meta: {
        contactName: fullName(duplicate.contact),
        contactId: duplicate.contact.id,
        matchingField: duplicate.matchingField,
      },
    },
    false,
  );
}

/**
 * Matches on the location's first-priority field, then the next. When email and phone point at
 * two different contacts, the first-priority one is updated and the other field is ignored (§7.3).
 * Tags, as on update, replace the contact's tags (inferred; the stricter reading). A `gender` sent
 * for an existing contact is silently dropped, as observed (#313).
 */
function upsert({ body, store, now, traceId }: HandlerContext): HandlerResult {
  const location = locationOf(store, String(body.locationId));
  const input = body as ContactInput;
  const fields = contactFields(input, location);
  const createAnyway = location.allowDuplicateContact && input.createNewIfDuplicateAllowed === true;
  const match = createAnyway ? undefined : findDuplicate(store, location, fields);

  if (!match) {
    const contact = insertContact(store, location.id, fields, now());
    return ok({ new: true, contact: contactView(contact), traceId });
  }

  const other = match.matchingField === "email" ? "phone" : "email";
  const conflicting = findDuplicate(
    store,
    { ...location, duplicateContactPriority: [other] },
    fields,
  );
  if (conflicting && conflicting.contact.id !== match.contact.id) delete fields[other];
  delete fields.gender;

  applyFields(match.contact, fields, now);
  store.registerTags(location.id, match.contact.tags);
  return ok({ new: false, contact: contactView(match.contact), traceId });
}

/**
 * The deprecated list: oldest first, cursor `startAfter` (dateAdded in ms) plus `startAfterId`,
 * and a `meta` block. Its `nextPageUrl` points at the sandbox itself.
 */
function listContacts(
  query: Record<string, unknown>,
  store: SandboxStore,
  baseUrl: string,
): HandlerResult {
  const locationId = String(query.locationId);
  const limit = Number(query.limit);
  const ordered = store
    .contactsOf(locationId)
    .filter((contact) => typeof query.query !== "string" || matchesQuery(contact, query.query))
    .sort(byDateAdded);

  const startAfter = typeof query.startAfter === "number" ? query.startAfter : undefined;
  const startAfterId = typeof query.startAfterId === "string" ? query.startAfterId : undefined;
  const start =
    startAfter === undefined
      ? 0
      : ordered.filter((contact) => {
          const added = Date.parse(contact.dateAdded);
          return added < startAfter || (added === startAfter && contact.id <= (startAfterId ?? ""));
        }).length;

  const page = ordered.slice(start, start + limit);
  const last = page[page.length - 1];
  const hasMore = start + limit < ordered.length && last !== undefined;
  const currentPage = Math.floor(start / limit) + 1;
  const next = hasMore
    ? { startAfter: Date.parse(last.dateAdded), startAfterId: last.id }
    : { startAfter: null, startAfterId: null };
  const nextPageUrl = hasMore
    ? `${baseUrl}/contacts/?${new URLSearchParams({
        locationId,
        limit: String(limit),
        startAfter: String(next.startAfter),
        startAfterId: String(next.startAfterId),
        ...(typeof query.query === "string" ? { query: query.query } : {}),
      })}`
    : null;

  return ok({
    contacts: page.map(contactView),
    meta: {
      total: ordered.length,
      nextPageUrl,
      ...next,
      currentPage,
      nextPage: hasMore ? currentPage + 1 : null,
      prevPage: currentPage > 1 ? currentPage - 1 : null,
    },
  });
}

function byDateAdded(a: ContactRecord, b: ContactRecord): number {
  if (a.dateAdded !== b.dateAdded) return a.dateAdded < b.dateAdded ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function removeWhere<T>(list: T[], predicate: (item: T) => boolean): void {
  for (let index = list.length - 1; index >= 0; index--) {
    if (predicate(list[index] as T)) list.splice(index, 1);
  }
}

/** A new contact with GHL's defaults under the given fields; its tags join the location's list. */
function insertContact(
  store: SandboxStore,
  locationId: string,
  fields: Partial<ContactRecord>,
  now: number,
): ContactRecord {
  const stamp = isoUtc(now);
  const contact = store.insert(store.contacts, {
    locationId,
    type: "lead",
    tags: [],
    dnd: false,
    dndSettings: {},
    customFields: [],
    followers: [],
    dateAdded: stamp,
    dateUpdated: stamp,
    ...fields,
  } as Omit<ContactRecord, "id">);
  store.registerTags(locationId, contact.tags);
  return contact;
}
