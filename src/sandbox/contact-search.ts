// The contact search engine behind POST /contacts/search: free-text query, filters with AND/OR
// groups, sort, and page or searchAfter paging (PLATFORM.md §5, the Contacts Search guide).
import { badRequest, unprocessable } from "./errors.js";
import type { ContactRecord } from "./store.js";

export interface SearchFilter {
  field?: string;
  operator?: string;
  value?: unknown;
  group?: "AND" | "OR";
  filters?: SearchFilter[];
}

export interface ContactSearchRequest {
  query?: string;
  filters?: SearchFilter[];
  sort?: { field: string; direction: "asc" | "desc" }[];
  page?: number;
  pageLimit: number;
  searchAfter?: (string | number)[];
}

export interface ContactSearchHit {
  contact: ContactRecord;
  /** The cursor to pass as `searchAfter` to continue after this contact. */
  searchAfter: (string | number)[];
}

/** page × pageLimit may reach only this far; deeper results need searchAfter (§5). */
const PAGE_WINDOW = 10_000;

type FieldValue = string | number | boolean | string[] | undefined;

const DATE_FIELDS = new Set(["dateAdded", "dateUpdated", "dateOfBirth"]);

const FIELDS: Record<string, (contact: ContactRecord) => FieldValue> = {
  id: (c) => c.id,
  firstName: (c) => c.firstName,
  lastName: (c) => c.lastName,
  firstNameLowerCase: (c) => c.firstName?.toLowerCase(),
  lastNameLowerCase: (c) => c.lastName?.toLowerCase(),
  fullNameLowerCase: (c) => fullName(c)?.toLowerCase(),
  email: (c) => c.email?.toLowerCase(),
  phone: (c) => c.phone,
  companyName: (c) => c.companyName,
  address1: (c) => c.address1,
  city: (c) => c.city,
  state: (c) => c.state,
  postalCode: (c) => c.postalCode,
  country: (c) => c.country,
  website: (c) => c.website,
  timezone: (c) => c.timezone,
  source: (c) => c.source,
  type: (c) => c.type,
  tags: (c) => c.tags,
  dnd: (c) => c.dnd,
  assignedTo: (c) => c.assignedTo,
  businessId: (c) => c.businessId,
  followers: (c) => c.followers,
  dateAdded: (c) => Date.parse(c.dateAdded),
  dateUpdated: (c) => Date.parse(c.dateUpdated),
  dateOfBirth: (c) => (c.dateOfBirth ? Date.parse(c.dateOfBirth) : undefined),
  "inboundDndSettings.all.status": (c) => c.inboundDndSettings?.all?.status,
};

export function fullName(contact: ContactRecord): string | undefined {
  const parts = [contact.firstName, contact.lastName].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** Free-text match on name, email, phone and company: partial and case-insensitive. */
export function matchesQuery(contact: ContactRecord, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return true;
  const digits = needle.replace(/\D/g, "");
  const haystacks = [fullName(contact), contact.email, contact.companyName].map((text) =>
    (text ?? "").toLowerCase(),
  );
  const phoneMatch = digits.length >= 3 && (contact.phone ?? "").includes(digits);
  return phoneMatch || haystacks.some((text) => text.includes(needle));
}

export function searchContacts(
  contacts: ContactRecord[],
  request: ContactSearchRequest,
): { hits: ContactSearchHit[]; total: number } {
  const sort = request.sort && request.sort.length > 0 ? request.sort : [DEFAULT_SORT];
  for (const { field } of sort) resolveField(field);
  for (const filter of request.filters ?? []) checkFilter(filter);
  checkPaging(request);

  const matching = contacts
    .filter((contact) => request.query === undefined || matchesQuery(contact, request.query))
    .filter((contact) => (request.filters ?? []).every((filter) => matches(contact, filter)));

  const cursorOf = (contact: ContactRecord): (string | number)[] => [
    ...sort.map(({ field }) => sortable(resolveField(field)(contact))),
    contact.id,
  ];
  const directions = [...sort.map((s) => s.direction), "asc" as const];
  const compare = (a: (string | number)[], b: (string | number)[]): number => {
    for (const [index, direction] of directions.entries()) {
      const order = compareValues(a[index], b[index]);
      if (order !== 0) return direction === "asc" ? order : -order;
    }
    return 0;
  };

  const ordered = matching
    .map((contact) => ({ contact, searchAfter: cursorOf(contact) }))
    .sort((a, b) => compare(a.searchAfter, b.searchAfter));

  const cursor = request.searchAfter;
  const start = cursor
    ? ordered.filter((hit) => compare(hit.searchAfter, cursor) <= 0).length
    : ((request.page ?? 1) - 1) * request.pageLimit;
  return { hits: ordered.slice(start, start + request.pageLimit), total: matching.length };
}

const DEFAULT_SORT = { field: "dateAdded", direction: "desc" as const };

function checkPaging(request: ContactSearchRequest): void {
  // Inferred: the guide says not to combine them; we refuse rather than guess which one wins.
  if (request.page !== undefined && request.searchAfter !== undefined) {
    throw badRequest("page and searchAfter cannot be used together");
  }
  // Chosen as a 400: the index, not the DTO, refuses a window past 10,000 records.
  if ((request.page ?? 1) * request.pageLimit > PAGE_WINDOW) {
    throw badRequest(
      `page * pageLimit must not exceed ${PAGE_WINDOW}; use searchAfter to read further`,
    );
  }
}

/** An unknown field is the platform's 400 `Invalid field <name>` (#289). */
function resolveField(field: string): (contact: ContactRecord) => FieldValue {
  const known = FIELDS[field];
  if (known) return known;

  const dnd = /^dndSettings\.(Call|Email|SMS|WhatsApp|GMB|FB)\.status$/.exec(field);
  if (dnd) {
    const channel = dnd[1] as keyof ContactRecord["dndSettings"];
    return (contact) => contact.dndSettings[channel]?.status;
  }
  const custom = /^customFields\.(\w+)$/.exec(field);
  if (custom) {
    return (contact) => {
      const value = contact.customFields.find((f) => f.id === custom[1])?.value;
      return typeof value === "string" || typeof value === "number" ? value : undefined;
    };
  }
  throw badRequest(`Invalid field ${field}`);
}

const OPERATORS_WITHOUT_VALUE = new Set(["exists", "not_exists"]);

/** Refuses a malformed filter up front, whether or not any contact would reach it. */
function checkFilter(filter: SearchFilter): void {
  if (filter.group !== undefined || filter.filters !== undefined) {
    if (!filter.group || !filter.filters || filter.filters.length === 0) {
      throw unprocessable([
        "a filter group needs both group (AND | OR) and a non-empty filters array",
      ]);
    }
    for (const child of filter.filters) checkFilter(child);
    return;
  }
  if (!filter.field || !filter.operator) {
    throw unprocessable(["a filter needs a field and an operator"]);
  }
  resolveField(filter.field);
  if (!OPERATORS_WITHOUT_VALUE.has(filter.operator) && filter.value === undefined) {
    throw unprocessable([`value should not be empty for operator ${filter.operator}`]);
  }
  const isBounds =
    typeof filter.value === "object" && filter.value !== null && !Array.isArray(filter.value);
  if (filter.operator === "range" && !isBounds) {
    throw unprocessable(["range value must be an object with gte, gt, lte or lt"]);
  }
}

function matches(contact: ContactRecord, filter: SearchFilter): boolean {
  if (filter.group) {
    const results = (filter.filters ?? []).map((child) => matches(contact, child));
    return filter.group === "AND" ? results.every(Boolean) : results.some(Boolean);
  }

  const field = filter.field as string;
  const actual = resolveField(field)(contact);
  const isDate = DATE_FIELDS.has(field);
  switch (filter.operator) {
    case "exists":
      return isPresent(actual);
    case "not_exists":
      return !isPresent(actual);
    case "eq":
      return equals(actual, filter.value, isDate);
    case "not_eq":
      return !equals(actual, filter.value, isDate);
    case "contains":
      return contains(actual, filter.value);
    case "not_contains":
      return !contains(actual, filter.value);
    default:
      return inRange(actual, filter.value as Record<string, unknown>, isDate);
  }
}

function isPresent(value: FieldValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== "";
}

function normalise(value: unknown, isDate: boolean): unknown {
  if (isDate && (typeof value === "string" || typeof value === "number")) {
    return typeof value === "number" ? value : Date.parse(value);
  }
  return typeof value === "string" ? value.toLowerCase() : value;
}

/** eq on an array field (tags) means "has"; an array value means "any of". */
function equals(actual: FieldValue, expected: unknown, isDate: boolean): boolean {
  const wanted = (Array.isArray(expected) ? expected : [expected]).map((v) => normalise(v, isDate));
  const values = (Array.isArray(actual) ? actual : [actual]).map((v) => normalise(v, isDate));
  return values.some((value) => wanted.includes(value));
}

function contains(actual: FieldValue, expected: unknown): boolean {
  const needle = String(expected).toLowerCase();
  const values = Array.isArray(actual) ? actual : [actual];
  return values.some(
    (value) => value !== undefined && String(value).toLowerCase().includes(needle),
  );
}

function inRange(actual: FieldValue, bounds: Record<string, unknown>, isDate: boolean): boolean {
  if (actual === undefined || Array.isArray(actual)) return false;
  const value = normalise(actual, isDate) as string | number | boolean;
  const { gte, gt, lte, lt } = bounds;
  const limit = (bound: unknown) => normalise(bound, isDate) as string | number;
  return (
    (gte === undefined || value >= limit(gte)) &&
    (gt === undefined || value > limit(gt)) &&
    (lte === undefined || value <= limit(lte)) &&
    (lt === undefined || value < limit(lt))
  );
}

/** Cursor values: strings and numbers as they are, missing values sort first. */
function sortable(value: FieldValue): string | number {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "boolean") return value ? 1 : 0;
  return typeof value === "string" ? value.toLowerCase() : value;
}

function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === typeof b) return a < b ? -1 : 1;
  return typeof a === "number" ? -1 : 1;
}
