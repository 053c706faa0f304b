// Sub-accounts and their settings (locations.json, companies.json): locations and the agency that
// owns them, legacy custom fields, custom values, the location's tag list, and task search across
// every contact. Deleting a custom field or a tag takes it off the records that carry it.
import { badRequest, iamError, unprocessable } from "../errors.js";
import type {
  CompanyRecord,
  CustomFieldRecord,
  CustomValueRecord,
  LocationRecord,
  SandboxStore,
  TagRecord,
  TaskRecord,
} from "../store.js";
import { isoUtc } from "../time.js";
import type { AuthContext, HandlerResult, HandlerSet } from "./registry.js";

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

/** Every data type GHL's custom fields know (the v2 enum plus the legacy FLOAT, TIME, SIGNATURE). */
const DATA_TYPES = new Set([
  "TEXT",
  "LARGE_TEXT",
  "NUMERICAL",
  "PHONE",
  "MONETORY",
  "CHECKBOX",
  "SINGLE_OPTIONS",
  "MULTIPLE_OPTIONS",
  "FLOAT",
  "TIME",
  "DATE",
  "TEXTBOX_LIST",
  "FILE_UPLOAD",
  "SIGNATURE",
  "RADIO",
]);

interface LocationInput {
  name?: string;
  phone?: string;
  companyId?: string;
  address?: string;
  city?: string;
  state?: string;
  country?: string;
  postalCode?: string;
  website?: string;
  timezone?: string;
  snapshotId?: string;
  settings?: { allowDuplicateContact?: boolean };
}

interface CustomFieldInput {
  name?: string;
  dataType?: string;
  placeholder?: string;
  acceptedFormat?: string[];
  isMultipleFile?: boolean;
  maxNumberOfFiles?: number;
  textBoxListOptions?: { label?: string; prefillValue?: string }[];
  position?: number;
  model?: "contact" | "opportunity";
}

interface TaskSearchInput {
  contactId?: string[];
  completed?: boolean;
  assignedTo?: string[];
  query?: string;
  limit?: number;
  skip?: number;
  businessId?: string;
}

export const locationHandlers: HandlerSet = {
  "locations/search-locations": ({ query, auth, store }) => {
    const companyId = typeof query.companyId === "string" ? query.companyId : auth.companyId;
    checkCompany(auth, companyId);
    const skip = count(query.skip, "skip", 0);
    const limit = count(query.limit, "limit", 1);
    if (query.order !== "asc" && query.order !== "desc") {
      throw unprocessable(["order must be one of the following values: asc, desc"]);
    }
    const email = typeof query.email === "string" ? query.email.toLowerCase() : undefined;

    // Inferred: a sub-account token sees only its own location; ordered by creation date.
    const direction = query.order === "asc" ? 1 : -1;
    const locations = [...store.locations.values()]
      .filter((l) => l.companyId === companyId && (!auth.locationId || l.id === auth.locationId))
      .filter((l) => email === undefined || l.email.toLowerCase() === email)
      .sort(
        (a, b) => direction * (a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id)),
      );
    return ok({ locations: locations.slice(skip, skip + limit).map(locationView) });
  },

  "locations/get-location": ({ params, store }) =>
    ok({ location: locationView(locationOf(store, params.locationId)) }),

  "locations/create-location": ({ body, auth, store, now }) => {
    const input = body as LocationInput;
    checkCompany(auth, input.companyId as string);
    if (input.timezone !== undefined && !isTimeZone(input.timezone)) {
      throw unprocessable(["timezone must be a valid time zone"]);
    }
    const snapshot = input.snapshotId ? store.snapshots.get(input.snapshotId) : undefined;
    if (input.snapshotId && snapshot?.companyId !== input.companyId) {
      throw badRequest(`Snapshot with id ${input.snapshotId} not found`);
    }

    const location = store.insert(store.locations, {
      companyId: input.companyId as string,
      name: input.name as string,
      email: "",
      phone: input.phone ?? "",
      address: input.address ?? "",
      city: input.city ?? "",
      state: input.state ?? "",
      postalCode: input.postalCode ?? "",
      country: input.country ?? "US",
      website: input.website ?? "",
      timezone: input.timezone ?? "US/Central",
      allowDuplicateContact: input.settings?.allowDuplicateContact ?? false,
      duplicateContactPriority: ["email", "phone"],
      dateAdded: isoUtc(now()),
    });
    const { business: _business, dateAdded: _dateAdded, ...flat } = locationView(location);
    return ok(flat);
  },

  "companies/get-company": ({ params, auth, store }) => {
    const companyId = params.companyId as string;
    checkCompany(auth, companyId);
    const company = store.companies.get(companyId) as CompanyRecord;
    const locationCount = [...store.locations.values()].filter(
      (l) => l.companyId === companyId,
    ).length;
    return ok({ company: withoutEmpty({ ...company, locationCount, status: "active" }) });
  },

  "locations/get-custom-fields": ({ params, query, store }) => {
    const model = typeof query.model === "string" ? query.model : "contact";
    const fields = [...store.customFields.values()]
      .filter((f) => f.locationId === params.locationId && (model === "all" || f.model === model))
      .sort((a, b) => a.model.localeCompare(b.model) || a.position - b.position);
    return ok({ customFields: fields.map(customFieldView) });
  },

  "locations/create-custom-field": ({ params, body, store }) => {
    const input = body as CustomFieldInput;
    const locationId = params.locationId as string;
    if (!DATA_TYPES.has(input.dataType as string)) {
      throw unprocessable([`dataType must be one of the following values: ${[...DATA_TYPES]}`]);
    }
    const model = input.model ?? "contact";
    const fieldKey = `${model}.${slug(input.name as string)}`;
    // Inferred: a second field with the same key is refused rather than renamed.
    if (fieldsOf(store, locationId).some((f) => f.fieldKey === fieldKey)) {
      throw badRequest(`A custom field with the key ${fieldKey} already exists`);
    }

    const field = store.insert(store.customFields, {
      locationId,
      name: input.name as string,
      fieldKey,
      dataType: input.dataType as string,
      model,
      position: input.position ?? 0,
    });
    applyCustomField(field, input);
    return ok({ customField: customFieldView(field) }, 201);
  },

  "locations/get-custom-field": ({ params, store }) =>
    ok({ customField: customFieldView(customFieldOf(store, params)) }),

  "locations/update-custom-field": ({ params, body, store }) => {
    const field = customFieldOf(store, params);
    // Inferred: the key stays as it was, so merge fields already in use keep working.
    applyCustomField(field, body as CustomFieldInput);
    return ok({ customField: customFieldView(field) });
  },

  "locations/delete-custom-field": ({ params, store }) => {
    const field = customFieldOf(store, params);
    store.customFields.delete(field.id);
    for (const contact of store.contactsOf(field.locationId)) {
      contact.customFields = contact.customFields.filter((value) => value.id !== field.id);
    }
    for (const opportunity of store.opportunities.values()) {
      if (opportunity.locationId !== field.locationId) continue;
      opportunity.customFields = opportunity.customFields.filter((value) => value.id !== field.id);
    }
    return ok({ succeded: true });
  },

  "locations/get-custom-values": ({ params, store }) =>
    ok({ customValues: valuesOf(store, params.locationId as string).map(customValueView) }),

  "locations/create-custom-value": ({ params, body, store }) => {
    const locationId = params.locationId as string;
    const name = body.name as string;
    const fieldKey = `{{ custom_values.${slug(name)} }}`;
    // Inferred: names are unique per location, as their merge keys must be.
    if (valuesOf(store, locationId).some((v) => v.fieldKey === fieldKey)) {
      throw badRequest(`A custom value named ${name} already exists`);
    }
    const value = store.insert(store.customValues, {
      locationId,
      name,
      fieldKey,
      value: body.value as string,
    });
    return ok({ customValue: customValueView(value) }, 201);
  },

  "locations/get-custom-value": ({ params, store }) =>
    ok({ customValue: customValueView(customValueOf(store, params)) }),

  "locations/update-custom-value": ({ params, body, store }) => {
    const value = customValueOf(store, params);
    value.name = body.name as string;
    value.value = body.value as string;
    return ok({ customValue: customValueView(value) });
  },

  "locations/delete-custom-value": ({ params, store }) => {
    store.customValues.delete(customValueOf(store, params).id);
    return ok({ succeded: true });
  },

  "locations/get-location-tags": ({ params, store }) =>
    ok({ tags: tagsOf(store, params.locationId as string).map(tagView) }),

  "locations/create-tag": ({ params, body, store }) => {
    const locationId = params.locationId as string;
    const name = tagName(body.name);
    if (tagsOf(store, locationId).some((t) => t.name === name)) {
      throw badRequest(`The tag ${name} already exists`);
    }
    return ok({ tag: tagView(store.insert(store.tags, { locationId, name })) });
  },

  "locations/get-tag-by-id": ({ params, store }) => ok({ tag: tagView(tagOf(store, params)) }),

  // Inferred, as the app does it: renaming a tag renames it on every contact carrying it.
  "locations/update-tag": ({ params, body, store, now }) => {
    const tag = tagOf(store, params);
    const name = tagName(body.name);
    if (tagsOf(store, tag.locationId).some((t) => t.name === name && t.id !== tag.id)) {
      throw badRequest(`The tag ${name} already exists`);
    }
    retag(store, tag, (tags) => [...new Set(tags.map((t) => (t === tag.name ? name : t)))], now);
    tag.name = name;
    return ok({ tag: tagView(tag) });
  },

  // Inferred, as the app does it: deleting a tag takes it off every contact.
  "locations/delete-tag": ({ params, store, now }) => {
    const tag = tagOf(store, params);
    retag(store, tag, (tags) => tags.filter((t) => t !== tag.name), now);
    store.tags.delete(tag.id);
    return ok({ succeded: true });
  },

  /**
   * Observed (community probes): 201, rows keyed `_id` with contact and assignee details, no
   * total. Order inferred: by due date, earliest first.
   */
  "locations/task-search": ({ params, body, store }) => {
    const input = body as TaskSearchInput;
    const skip = count(input.skip ?? 0, "skip", 0);
    const limit = count(input.limit ?? 25, "limit", 1);
    const locationId = params.locationId as string;
    const inBusiness = input.businessId
      ? new Set(
          store
            .contactsOf(locationId)
            .filter((c) => c.businessId === input.businessId)
            .map((c) => c.id),
        )
      : undefined;
    const text = input.query?.trim().toLowerCase();

    const tasks = [...store.tasks.values()]
      .filter((t) => t.locationId === locationId)
      .filter((t) => !input.contactId?.length || input.contactId.includes(t.contactId))
      .filter((t) => !input.assignedTo?.length || input.assignedTo.includes(t.assignedTo ?? ""))
      .filter((t) => input.completed === undefined || t.completed === input.completed)
      .filter((t) => !inBusiness || inBusiness.has(t.contactId))
      .filter((t) => !text || `${t.title} ${t.body ?? ""}`.toLowerCase().includes(text))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
    return ok({ tasks: tasks.slice(skip, skip + limit).map((t) => taskRow(store, t)) }, 201);
  },

  "locations/get-timezones": ({ traceId }) =>
    ok({ timeZones: Intl.supportedValuesOf("timeZone"), traceId }),
};

/**
 * Agency calls name their company; a token reaches only its own. Inferred wording, modelled on the
 * observed refusal for a location the token does not cover.
 */
export function checkCompany(auth: AuthContext, companyId: string): void {
  if (companyId !== auth.companyId) {
    throw iamError(403, "The token does not have access to this company.");
  }
}

/** The location as GetLocationByIdSchema describes it; empty fields are left out. */
export function locationView(location: LocationRecord): Record<string, unknown> {
  const { id, companyId, name, email, phone, address, city, state, postalCode, country } = location;
  const { website, timezone, dateAdded } = location;
  const business = { name, address, city, state, country, postalCode, website, timezone };
  return withoutEmpty({
    id,
    companyId,
    name,
    email,
    phone,
    address,
    city,
    state,
    postalCode,
    country,
    website,
    timezone,
    business: withoutEmpty(business),
    settings: {
      allowDuplicateContact: location.allowDuplicateContact,
      allowDuplicateOpportunity: false,
      allowFacebookNameMerge: false,
      disableContactTimezone: false,
    },
    social: {},
    dateAdded,
  });
}

function withoutEmpty<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== ""),
  ) as Partial<T>;
}

function locationOf(store: SandboxStore, locationId: string | undefined): LocationRecord {
  const location = store.locations.get(locationId ?? "");
  if (!location) throw badRequest(`Location with id ${locationId} not found`);
  return location;
}

/** Query paging values arrive as strings; GHL's class-validator refuses anything but counts. */
function count(value: unknown, name: string, minimum: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) {
    throw unprocessable([`${name} must be an integer of at least ${minimum}`]);
  }
  return number;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `Fitness Goal` → `fitness_goal`, the way GHL derives field and value keys from names. */
function slug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

function fieldsOf(store: SandboxStore, locationId: string): CustomFieldRecord[] {
  return [...store.customFields.values()].filter((f) => f.locationId === locationId);
}

/** Inferred wording for unknown ids below, by analogy with the observed unknown contact. */
function customFieldOf(store: SandboxStore, params: Record<string, string>): CustomFieldRecord {
  const field = store.customFields.get(params.id as string);
  if (!field || field.locationId !== params.locationId) {
    throw badRequest(`Custom field with id ${params.id} not found`);
  }
  return field;
}

function applyCustomField(field: CustomFieldRecord, input: CustomFieldInput): void {
  const keys = [
    "name",
    "placeholder",
    "position",
    "model",
    "acceptedFormat",
    "isMultipleFile",
    "maxNumberOfFiles",
    "textBoxListOptions",
  ] as const;
  for (const key of keys) {
    if (input[key] !== undefined) Object.assign(field, { [key]: input[key] });
  }
}

function customFieldView(field: CustomFieldRecord): Record<string, unknown> {
  return withoutEmpty({
    id: field.id,
    name: field.name,
    fieldKey: field.fieldKey,
    placeholder: field.placeholder,
    dataType: field.dataType,
    position: field.position,
    picklistOptions: field.picklistOptions,
    acceptedFormat: field.acceptedFormat,
    isMultiFileAllowed: field.isMultipleFile,
    maxFileLimit: field.maxNumberOfFiles,
    textBoxListOptions: field.textBoxListOptions,
    locationId: field.locationId,
    model: field.model,
  });
}

function valuesOf(store: SandboxStore, locationId: string): CustomValueRecord[] {
  return [...store.customValues.values()].filter((v) => v.locationId === locationId);
}

function customValueOf(store: SandboxStore, params: Record<string, string>): CustomValueRecord {
  const value = store.customValues.get(params.id as string);
  if (!value || value.locationId !== params.locationId) {
    throw badRequest(`Custom value with id ${params.id} not found`);
  }
  return value;
}

function customValueView(value: CustomValueRecord): Record<string, unknown> {
  const { id, name, fieldKey, locationId } = value;
  return { id, name, fieldKey, value: value.value, locationId };
}

function tagsOf(store: SandboxStore, locationId: string): TagRecord[] {
  return [...store.tags.values()]
    .filter((t) => t.locationId === locationId)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function tagOf(store: SandboxStore, params: Record<string, string>): TagRecord {
  const tag = store.tags.get(params.tagId as string);
  if (!tag || tag.locationId !== params.locationId) {
    throw badRequest(`Tag with id ${params.tagId} not found`);
  }
  return tag;
}

/** Tags are kept trimmed and lower-cased, as contacts' tags are (see handlers/contacts.ts). */
function tagName(value: unknown): string {
  const name = String(value).trim().toLowerCase();
  if (name === "") throw unprocessable(["name should not be empty"]);
  return name;
}

function tagView(tag: TagRecord): Record<string, unknown> {
  return { id: tag.id, name: tag.name, locationId: tag.locationId };
}

function retag(
  store: SandboxStore,
  tag: TagRecord,
  change: (tags: string[]) => string[],
  now: () => number,
): void {
  for (const contact of store.contactsOf(tag.locationId)) {
    if (!contact.tags.includes(tag.name)) continue;
    contact.tags = change(contact.tags);
    contact.dateUpdated = isoUtc(now());
  }
}

function taskRow(store: SandboxStore, task: TaskRecord): Record<string, unknown> {
  const contact = store.contacts.get(task.contactId);
  const user = task.assignedTo ? store.users.get(task.assignedTo) : undefined;
  return withoutEmpty({
    _id: task.id,
    title: task.title,
    body: task.body,
    dueDate: task.dueDate,
    completed: task.completed,
    assignedTo: task.assignedTo,
    contactId: task.contactId,
    locationId: task.locationId,
    deleted: false,
    dateAdded: task.dateAdded,
    dateUpdated: task.dateUpdated,
    contactDetails: contact && {
      _id: contact.id,
      firstName: contact.firstName ?? null,
      lastName: contact.lastName ?? null,
    },
    assignedToUserDetails: user && {
      id: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
    },
    searchAfter: [Date.parse(task.dueDate), task.id],
  });
}
