// Every operation of spec/apps/opportunities.json against the store: search with GET's snake_case
// filters and both paging styles, pipelines, lost reasons, status changes, upsert by contact and
// pipeline, followers, and GHL's one-opportunity-per-contact-per-pipeline rule.
import { fullName } from "../contact-search.js";
import { SandboxError, badRequest, contactNotFound, iamError, unprocessable } from "../errors.js";
import type { ContactRecord, OpportunityRecord, PipelineRecord, SandboxStore } from "../store.js";
import { isoUtc, isoWithOffset } from "../time.js";
import type { AuthContext, HandlerContext, HandlerResult, HandlerSet } from "./registry.js";

type Status = OpportunityRecord["status"];

interface OpportunityInput {
  pipelineId?: string;
  pipelineStageId?: string;
  contactId?: string;
  name?: string;
  status?: Status | "all";
  monetaryValue?: number;
  assignedTo?: string;
  lostReasonId?: string;
  customFields?: { id?: string; key?: string; field_value?: unknown }[];
}

interface UpsertInput extends OpportunityInput {
  id?: string;
  locationId: string;
  followers?: string[];
  isRemoveAllFollowers?: boolean;
  followersActionType?: "add" | "remove";
}

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

const ORDERS = ["added_desc", "added_asc"] as const;

export const opportunityHandlers: HandlerSet = {
  "opportunities/search-opportunity": (context) => search(context),

  "opportunities/search-opportunities-advanced": (context) => searchAdvanced(context),

  "opportunities/get-opportunity": ({ params, store, auth }) =>
    ok({ opportunity: opportunityView(store, opportunityOf(store, auth, params.id)) }),

  "opportunities/get-pipelines": ({ query, store }) => {
    const pipelines = [...store.pipelines.values()].filter(
      (p) => p.locationId === query.locationId,
    );
    return ok({ pipelines: pipelines.map(pipelineView) });
  },

  "opportunities/get-lost-reason": ({ query, store }) => {
    const text = typeof query.query === "string" ? query.query.toLowerCase() : undefined;
    const reasons = [...store.lostReasons.values()]
      .filter((reason) => reason.locationId === query.locationId)
      .filter((reason) => reason.deleted === (query.deleted === true))
      .filter((reason) => typeof query.name !== "string" || reason.name === query.name)
      .filter((reason) => !text || reason.name.toLowerCase().includes(text))
      .sort((a, b) => a.name.localeCompare(b.name));
    const skip = Number(query.skip);
    const limit = Number(query.limit);
    const page = reasons.slice(skip, skip + limit).map((reason) => {
      const { id, name, locationId, createdAt, updatedAt } = reason;
      return { id, name, locationId, createdAt, updatedAt };
    });
    // Inferred: the total comes back only when asked for with getCount.
    return ok({ lostReasons: page, ...(query.getCount === true && { total: reasons.length }) });
  },

  "opportunities/create-opportunity": ({ body, store, now }) => {
    const input = body as unknown as OpportunityInput & { locationId: string };
    const contact = contactIn(store, input.locationId, input.contactId as string);
    const pipeline = pipelineIn(store, input.locationId, input.pipelineId as string);
    refuseDuplicate(store, contact.id, pipeline.id);

    const opportunity = insertOpportunity(store, contact, pipeline, input, now());
    return ok({ opportunity: opportunityView(store, opportunity) }, 201);
  },

  "opportunities/update-opportunity": ({ params, body, store, auth, now }) => {
    const opportunity = opportunityOf(store, auth, params.id);
    applyInput(store, opportunity, body as OpportunityInput, now());
    return ok({ opportunity: opportunityView(store, opportunity) });
  },

  "opportunities/update-opportunity-status": ({ params, body, store, auth, now }) => {
    const opportunity = opportunityOf(store, auth, params.id);
    const { status, lostReasonId } = body as OpportunityInput;
    applyInput(store, opportunity, { status, lostReasonId }, now());
    return ok({ succeded: true });
  },

  "opportunities/Upsert-opportunity": (context) => upsert(context),

  "opportunities/delete-opportunity": ({ params, store, auth }) => {
    store.opportunities.delete(opportunityOf(store, auth, params.id).id);
    return ok({ succeded: true });
  },

  "opportunities/add-followers-opportunity": ({ params, body, store, auth, now }) => {
    const opportunity = opportunityOf(store, auth, params.id);
    const added = followersOf(store, opportunity.locationId, body.followers).filter(
      (id) => !opportunity.followers.includes(id),
    );
    opportunity.followers.push(...added);
    opportunity.updatedAt = isoUtc(now());
    return ok({ followers: opportunity.followers, followersAdded: added }, 201);
  },

  "opportunities/remove-followers-opportunity": ({ params, query, body, store, auth, now }) => {
    const opportunity = opportunityOf(store, auth, params.id);
    const requested = new Set(body.followers as string[]);
    const all = query.isRemoveAllFollowers === true;
    const removed = opportunity.followers.filter((id) => all || requested.has(id));
    opportunity.followers = opportunity.followers.filter((id) => !removed.includes(id));
    opportunity.updatedAt = isoUtc(now());
    return ok({ followers: opportunity.followers, followersRemoved: removed });
  },
};

/** The opportunity as SearchOpportunitiesResponseSchema describes it, with its contact. */
function opportunityView(store: SandboxStore, opportunity: OpportunityRecord) {
  const contact = store.contacts.get(opportunity.contactId);
  return {
    id: opportunity.id,
    name: opportunity.name,
    monetaryValue: opportunity.monetaryValue,
    pipelineId: opportunity.pipelineId,
    pipelineStageId: opportunity.pipelineStageId,
    assignedTo: opportunity.assignedTo,
    status: opportunity.status,
    source: opportunity.source,
    lastStatusChangeAt: opportunity.lastStatusChangeAt,
    lastStageChangeAt: opportunity.lastStageChangeAt,
    lastActionDate: opportunity.updatedAt,
    indexVersion: 1,
    createdAt: opportunity.createdAt,
    updatedAt: opportunity.updatedAt,
    contactId: opportunity.contactId,
    locationId: opportunity.locationId,
    contact: contact && {
      id: contact.id,
      name: fullName(contact),
      companyName: contact.companyName,
      email: contact.email,
      phone: contact.phone,
      tags: contact.tags,
    },
    lostReasonId: opportunity.lostReasonId,
    customFields: opportunity.customFields,
    followers: opportunity.followers,
  };
}

function pipelineView(pipeline: PipelineRecord) {
  return {
    id: pipeline.id,
    name: pipeline.name,
    stages: [...pipeline.stages]
      .sort((a, b) => a.position - b.position)
      .map((stage) => ({ ...stage, showInFunnel: true, showInPieChart: true })),
    showInFunnel: pipeline.showInFunnel,
    showInPieChart: pipeline.showInPieChart,
    locationId: pipeline.locationId,
  };
}

/** The token reaches the location: its own for a sub-account token, its company's for an agency. */
export function checkReach(auth: AuthContext, store: SandboxStore, locationId: string): void {
  const reached = auth.locationId
    ? auth.locationId === locationId
    : store.locations.get(locationId)?.companyId === auth.companyId;
  if (!reached) throw iamError(403, "The token does not have access to this location.");
}

/**
 * Inferred wording, by analogy with the observed unknown-contact refusal. The path parameter is a
 * bare `{id}`, which the pipeline cannot attribute to a location, so the reach is checked here.
 */
function opportunityOf(
  store: SandboxStore,
  auth: AuthContext,
  id: string | undefined,
): OpportunityRecord {
  const opportunity = store.opportunities.get(id ?? "");
  if (!opportunity) throw badRequest(`Opportunity with id ${id} not found`);
  checkReach(auth, store, opportunity.locationId);
  return opportunity;
}

function contactIn(store: SandboxStore, locationId: string, contactId: string): ContactRecord {
  const contact = store.contacts.get(contactId);
  if (!contact || contact.locationId !== locationId) throw contactNotFound(contactId);
  return contact;
}

/** Inferred wording, as for an unknown contact. */
function pipelineIn(store: SandboxStore, locationId: string, pipelineId: string): PipelineRecord {
  const pipeline = store.pipelines.get(pipelineId);
  if (!pipeline || pipeline.locationId !== locationId) {
    throw badRequest(`Pipeline with id ${pipelineId} not found`);
  }
  return pipeline;
}

/** The stage asked for, which must be one of the pipeline's; by default its first stage. */
function stageIn(pipeline: PipelineRecord, stageId: string | undefined): string {
  if (stageId === undefined) {
    return [...pipeline.stages].sort((a, b) => a.position - b.position)[0]?.id ?? "";
  }
  if (!pipeline.stages.some((stage) => stage.id === stageId)) {
    throw badRequest(`Stage with id ${stageId} not found in pipeline ${pipeline.id}`);
  }
  return stageId;
}

/**
 * "all" is in the DTO's enum because the search filter shares it; as a value to set it means
 * nothing, so we refuse it (inferred, the stricter reading).
 */
function statusOf(status: Status | "all"): Status {
  if (status === "all") {
    throw unprocessable(["status must be one of the following values: open, won, lost, abandoned"]);
  }
  return status;
}

/** Owners and followers are users of the location (inferred: GHL would not assign strangers). */
function userIn(store: SandboxStore, locationId: string, userId: string): string {
  const user = store.users.get(userId);
  if (!user || user.deleted || !user.locationIds.includes(locationId)) {
    throw badRequest(`User with id ${userId} not found`);
  }
  return userId;
}

function followersOf(store: SandboxStore, locationId: string, followers: unknown): string[] {
  const ids = [...new Set(Array.isArray(followers) ? (followers as string[]) : [])];
  return ids.map((id) => userIn(store, locationId, id));
}

/**
 * With "Allow duplicate opportunities" off (GHL's default, modelled here), a contact has at most
 * one opportunity per pipeline, whatever its status; the refusal is the observed one.
 */
function refuseDuplicate(
  store: SandboxStore,
  contactId: string,
  pipelineId: string,
  exceptId?: string,
): void {
  const existing = findByContact(store, contactId, pipelineId, exceptId);
  if (!existing) return;
  throw new SandboxError(400, "Can not create duplicate opportunity for the contact.", {
    code: "OPPORTUNITY_NO_DUPLICATE",
    meta: { existingId: existing.id },
  });
}

function findByContact(
  store: SandboxStore,
  contactId: string,
  pipelineId: string,
  exceptId?: string,
): OpportunityRecord | undefined {
  return [...store.opportunities.values()].find(
    (o) => o.contactId === contactId && o.pipelineId === pipelineId && o.id !== exceptId,
  );
}

function customFieldsOf(
  input: OpportunityInput["customFields"],
): OpportunityRecord["customFields"] {
  return (input ?? []).map((field) => ({
    id: field.id ?? field.key ?? "",
    fieldValue: field.field_value,
  }));
}

function insertOpportunity(
  store: SandboxStore,
  contact: ContactRecord,
  pipeline: PipelineRecord,
  input: OpportunityInput,
  nowMs: number,
): OpportunityRecord {
  const status = statusOf(input.status ?? "open");
  const stamp = isoUtc(nowMs);
  return store.insert(store.opportunities, {
    locationId: contact.locationId,
    pipelineId: pipeline.id,
    pipelineStageId: stageIn(pipeline, input.pipelineStageId),
    contactId: contact.id,
    name: input.name as string,
    monetaryValue: input.monetaryValue ?? 0,
    status,
    assignedTo: input.assignedTo && userIn(store, contact.locationId, input.assignedTo),
    followers: [],
    lostReasonId: lostReasonOf(store, contact.locationId, status, input.lostReasonId),
    customFields: customFieldsOf(input.customFields),
    createdAt: stamp,
    updatedAt: stamp,
    lastStatusChangeAt: stamp,
    lastStageChangeAt: stamp,
  });
}

/** A lost reason goes only with status lost, and must be one of the location's (inferred). */
function lostReasonOf(
  store: SandboxStore,
  locationId: string,
  status: Status,
  lostReasonId: string | undefined,
): string | undefined {
  if (lostReasonId === undefined) return undefined;
  if (status !== "lost") {
    throw unprocessable(["lostReasonId can only be set when status is lost"]);
  }
  const reason = store.lostReasons.get(lostReasonId);
  if (!reason || reason.deleted || reason.locationId !== locationId) {
    throw badRequest(`Lost reason with id ${lostReasonId} not found`);
  }
  return lostReasonId;
}

/**
 * Applies an update: a new pipeline needs a stage of its own (its first by default) and must not
 * hold another opportunity of the contact; leaving "lost" drops the lost reason.
 */
function applyInput(
  store: SandboxStore,
  opportunity: OpportunityRecord,
  input: OpportunityInput,
  nowMs: number,
): void {
  const stamp = isoUtc(nowMs);
  const pipelineId = input.pipelineId ?? opportunity.pipelineId;
  const pipeline = pipelineIn(store, opportunity.locationId, pipelineId);
  if (pipelineId !== opportunity.pipelineId) {
    refuseDuplicate(store, opportunity.contactId, pipelineId, opportunity.id);
  }
  const stageId =
    input.pipelineStageId !== undefined || pipelineId !== opportunity.pipelineId
      ? stageIn(pipeline, input.pipelineStageId)
      : opportunity.pipelineStageId;
  const status = input.status === undefined ? opportunity.status : statusOf(input.status);
  const lostReasonId =
    input.lostReasonId !== undefined
      ? lostReasonOf(store, opportunity.locationId, status, input.lostReasonId)
      : status === "lost"
        ? opportunity.lostReasonId
        : undefined;
  const assignedTo =
    input.assignedTo === undefined
      ? opportunity.assignedTo
      : userIn(store, opportunity.locationId, input.assignedTo);

  if (stageId !== opportunity.pipelineStageId) opportunity.lastStageChangeAt = stamp;
  if (status !== opportunity.status) opportunity.lastStatusChangeAt = stamp;
  Object.assign(opportunity, { pipelineId, pipelineStageId: stageId, status, assignedTo });
  if (lostReasonId === undefined) delete opportunity.lostReasonId;
  else opportunity.lostReasonId = lostReasonId;
  if (input.name !== undefined) opportunity.name = input.name;
  if (input.monetaryValue !== undefined) opportunity.monetaryValue = input.monetaryValue;
  if (input.customFields !== undefined) {
    const changed = customFieldsOf(input.customFields);
    const kept = opportunity.customFields.filter((f) => !changed.some((c) => c.id === f.id));
    opportunity.customFields = [...kept, ...changed];
  }
  opportunity.updatedAt = stamp;
}

/**
 * Matches the opportunity by `id` when given, else by contact and pipeline (GHL keeps one per
 * contact per pipeline). A new one needs a name: refused without one (inferred, the stricter
 * reading of an undocumented default).
 */
function upsert({ body, store, now }: HandlerContext): HandlerResult {
  const input = body as unknown as UpsertInput;
  const contact = contactIn(store, input.locationId, input.contactId as string);
  const pipeline = pipelineIn(store, input.locationId, input.pipelineId as string);

  let existing: OpportunityRecord | undefined;
  if (input.id !== undefined) {
    existing = store.opportunities.get(input.id);
    if (!existing || existing.locationId !== input.locationId) {
      throw badRequest(`Opportunity with id ${input.id} not found`);
    }
  } else {
    existing = findByContact(store, contact.id, pipeline.id);
  }

  let opportunity: OpportunityRecord;
  if (existing) {
    applyInput(store, existing, input, now());
    opportunity = existing;
  } else {
    if (!input.name?.trim()) throw unprocessable(["name should not be empty"]);
    opportunity = insertOpportunity(store, contact, pipeline, input, now());
  }

  if (input.isRemoveAllFollowers === true) opportunity.followers = [];
  if (input.followers && input.followersActionType) {
    const ids = followersOf(store, opportunity.locationId, input.followers);
    opportunity.followers =
      input.followersActionType === "add"
        ? [...new Set([...opportunity.followers, ...ids])]
        : opportunity.followers.filter((id) => !ids.includes(id));
  }
  return ok({ opportunity: opportunityView(store, opportunity), new: !existing });
}

const MONTH_DAY_YEAR = /^(\d{2})-(\d{2})-(\d{4})$/;

/** `mm-dd-yyyy` → `yyyy-mm-dd`, refused when it is not a real day (inferred wording). */
function dayOf(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const match = MONTH_DAY_YEAR.exec(String(value));
  const iso = match ? `${match[3]}-${match[1]}-${match[2]}` : "";
  if (!match || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) {
    throw unprocessable([`${name} must be a date in mm-dd-yyyy format`]);
  }
  return iso;
}

/**
 * GET /opportunities/search. Inferred where PLATFORM.md is silent, always the stricter reading:
 * without `status` only open opportunities come back (the enum has "all" for everything); `date`
 * and `endDate` bound the creation day in the location's time zone; `q` matches the name and the
 * contact's name, email, phone and company. Paging is by `page` or by the `startAfter` +
 * `startAfterId` that `meta` hands back.
 */
function search({ query, store, baseUrl }: HandlerContext): HandlerResult {
  const locationId = String(query.location_id);
  const timeZone = store.locations.get(locationId)?.timezone ?? "UTC";
  const order = (query.order as string | undefined) ?? "added_desc";
  if (!ORDERS.includes(order as (typeof ORDERS)[number])) {
    throw unprocessable([`order must be one of the following values: ${ORDERS.join(", ")}`]);
  }
  const from = dayOf("date", query.date);
  const to = dayOf("endDate", query.endDate);
  const status = (query.status as string | undefined) ?? "open";
  const text = typeof query.q === "string" ? query.q.trim().toLowerCase() : "";
  const equal = (wanted: unknown, actual: string | undefined) =>
    wanted === undefined || wanted === actual;

  const matching = [...store.opportunities.values()]
    .filter((o) => o.locationId === locationId)
    .filter((o) => status === "all" || o.status === status)
    .filter((o) => equal(query.pipeline_id, o.pipelineId))
    .filter((o) => equal(query.pipeline_stage_id, o.pipelineStageId))
    .filter((o) => equal(query.contact_id, o.contactId))
    .filter((o) => equal(query.assigned_to, o.assignedTo))
    .filter((o) => equal(query.id, o.id))
    // The sandbox's opportunities come from no campaign, so a campaign filter matches none.
    .filter(() => query.campaignId === undefined)
    .filter((o) => equal(query.country, store.contacts.get(o.contactId)?.country))
    .filter((o) => {
      const day = isoWithOffset(Date.parse(o.createdAt), timeZone).slice(0, 10);
      return (!from || day >= from) && (!to || day <= to);
    })
    .filter((o) => !text || matchesText(o, store.contacts.get(o.contactId), text))
    .sort((a, b) => compareAdded(a, b) * (order === "added_asc" ? 1 : -1));

  const limit = Number(query.limit);
  let start: number;
  if (query.startAfter !== undefined || query.startAfterId !== undefined) {
    const after = Number(query.startAfter);
    if (!Number.isFinite(after)) throw unprocessable(["startAfter must be a number string"]);
    const cursor = { createdAt: isoUtc(after), id: String(query.startAfterId ?? "") };
    const direction = order === "added_asc" ? 1 : -1;
    start = matching.findIndex((o) => compareAdded(o, cursor) * direction > 0);
    if (start === -1) start = matching.length;
  } else {
    start = (Number(query.page) - 1) * limit;
    if (!Number.isInteger(start) || start < 0)
      throw unprocessable(["page must not be less than 1"]);
  }

  const page = matching.slice(start, start + limit);
  const last = page[page.length - 1];
  const hasMore = start + limit < matching.length && last !== undefined;
  const currentPage = Math.floor(start / limit) + 1;
  const next = hasMore
    ? { startAfter: Date.parse(last.createdAt), startAfterId: last.id }
    : { startAfter: null, startAfterId: null };
  const nextQuery = Object.fromEntries(
    Object.entries(query)
      .filter(([key, value]) => value !== undefined && key !== "page")
      .map(([key, value]) => [key, String(value)]),
  );
  const nextPageUrl = hasMore
    ? `${baseUrl}/opportunities/search?${new URLSearchParams({
        ...nextQuery,
        startAfter: String(next.startAfter),
        startAfterId: String(next.startAfterId),
      })}`
    : null;

  return ok({
    opportunities: page.map((o) => ({
      ...opportunityView(store, o),
      ...extras(store, o.contactId, query),
    })),
    meta: {
      total: matching.length,
      nextPageUrl,
      ...next,
      currentPage,
      nextPage: hasMore ? currentPage + 1 : null,
      prevPage: currentPage > 1 ? currentPage - 1 : null,
    },
    aggregations: {},
  });
}

/**
 * POST /opportunities/search, the contacts-search family: newest first, paged by `page` and
 * `limit` or by the `searchAfter` each hit carries (`[createdAt ms, id]`, inferred from contacts
 * search). Every body field is required, as the spec says; PLATFORM.md doubts it, so we keep the
 * stricter reading.
 */
function searchAdvanced({ body, store }: HandlerContext): HandlerResult {
  const locationId = String(body.locationId);
  const text = String(body.query).trim().toLowerCase();
  const limit = Number(body.limit);
  const details = body.additionalDetails as Record<string, boolean>;
  const matching = [...store.opportunities.values()]
    .filter((o) => o.locationId === locationId)
    .filter((o) => !text || matchesText(o, store.contacts.get(o.contactId), text))
    .sort((a, b) => compareAdded(b, a));

  const after = body.searchAfter as string[];
  let start = (Number(body.page) - 1) * limit;
  if (after.length > 0) {
    const cursor = { createdAt: isoUtc(Number(after[0])), id: String(after[1] ?? "") };
    start = matching.findIndex((o) => compareAdded(o, cursor) < 0);
    if (start === -1) start = matching.length;
  }
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(limit) || limit < 1) {
    throw unprocessable(["page and limit must be positive integers"]);
  }

  const flags = {
    getTasks: details.tasks,
    getNotes: details.notes,
    getCalendarEvents: details.calendarEvents,
  };
  return ok({
    opportunities: matching.slice(start, start + limit).map((o) => ({
      ...opportunityView(store, o),
      ...extras(store, o.contactId, flags),
      searchAfter: [String(Date.parse(o.createdAt)), o.id],
    })),
    total: matching.length,
    aggregations: {},
  });
}

function matchesText(
  opportunity: OpportunityRecord,
  contact: ContactRecord | undefined,
  text: string,
): boolean {
  const digits = text.replace(/\D/g, "");
  const haystack = [
    opportunity.name,
    contact && fullName(contact),
    contact?.email,
    contact?.companyName,
  ];
  return (
    haystack.some((value) => value?.toLowerCase().includes(text)) ||
    (digits.length >= 4 && (contact?.phone ?? "").includes(digits))
  );
}

/** Oldest first, ties by id, so the `startAfter` + `startAfterId` position is exact. */
function compareAdded(
  a: Pick<OpportunityRecord, "createdAt" | "id">,
  b: Pick<OpportunityRecord, "createdAt" | "id">,
): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `getTasks`, `getNotes` and `getCalendarEvents`: the contact's, beside each opportunity. */
function extras(store: SandboxStore, contactId: string, query: Record<string, unknown>) {
  const out: Record<string, unknown[]> = {};
  if (query.getTasks === true) {
    out.tasks = [...store.tasks.values()]
      .filter((task) => task.contactId === contactId)
      .map(({ id, title, dueDate, completed }) => ({ id, title, dueDate, completed }));
  }
  if (query.getNotes === true) {
    out.notes = [...store.notes.values()]
      .filter((note) => note.contactId === contactId)
      .map(({ id, body, dateAdded }) => ({ id, body, dateAdded }));
  }
  if (query.getCalendarEvents === true) {
    out.calendarEvents = [...store.appointments.values()]
      .filter((event) => event.contactId === contactId)
      .map(({ id, title, startTime, endTime }) => ({ id, title, startTime, endTime }));
  }
  return out;
}
