// Compact results: GHL records carry dozens of empty or internal fields; the model gets the ones
// that mean something, under GHL's own names, and nothing empty.
import { z } from "zod";

type Json = Record<string, unknown>;

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value as Json).length === 0)
  );
}

/** Drops empty values, recursively. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact).filter((v) => !isEmpty(v)) as T;
  if (value && typeof value === "object") {
    const out: Json = {};
    for (const [key, inner] of Object.entries(value as Json)) {
      const shaped = compact(inner);
      if (!isEmpty(shaped)) out[key] = shaped;
    }
    return out as T;
  }
  return value;
}

/** Keeps only `keys` of a record (in that order), then compacts it. */
export function pick(record: unknown, keys: readonly string[]): Json {
  const source = (record ?? {}) as Json;
  const out: Json = {};
  for (const key of keys) if (key in source) out[key] = source[key];
  return compact(out);
}

/** Reads `key` of an envelope, e.g. `{contact: {...}}` → the contact. */
export function field(body: unknown, key: string): unknown {
  return body && typeof body === "object" ? (body as Json)[key] : undefined;
}

export function arrayField(body: unknown, key: string): unknown[] {
  const value = field(body, key);
  return Array.isArray(value) ? value : [];
}

const CONTACT_FIELDS = [
  "id",
  "name",
  "firstName",
  "lastName",
  "email",
  "phone",
  "companyName",
  "type",
  "tags",
  "source",
  "assignedTo",
  "dnd",
  "address1",
  "city",
  "state",
  "postalCode",
  "country",
  "timezone",
  "website",
  "dateOfBirth",
  "businessId",
  "followers",
  "customFields",
  "dateAdded",
  "dateUpdated",
] as const;

export function shapeContact(contact: unknown): Json {
  const shaped = pick(contact, CONTACT_FIELDS);
  const first = (shaped.firstName as string | undefined) ?? "";
  const last = (shaped.lastName as string | undefined) ?? "";
  if (!shaped.name && (first || last)) shaped.name = `${first} ${last}`.trim();
  delete shaped.firstName;
  delete shaped.lastName;
  return shaped;
}

export function shapeTask(task: unknown): Json {
  return pick(task, [
    "id",
    "title",
    "body",
    "dueDate",
    "completed",
    "assignedTo",
    "contactId",
    "dateAdded",
  ]);
}

export function shapeNote(note: unknown): Json {
  return pick(note, ["id", "title", "body", "userId", "contactId", "pinned", "dateAdded"]);
}

export function shapeAppointment(event: unknown): Json {
  return pick(event, [
    "id",
    "title",
    "calendarId",
    "contactId",
    "startTime",
    "endTime",
    "appointmentStatus",
    "status",
    "assignedUserId",
    "address",
    "notes",
  ]);
}

/** Output schemas: the documented fields, open to the rest (GHL adds fields over time). */
export const ContactOut = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  companyName: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

export const TaskOut = z.looseObject({
  id: z.string(),
  title: z.string().optional(),
  dueDate: z.string().optional(),
  completed: z.boolean().optional(),
});

export const NoteOut = z.looseObject({ id: z.string(), body: z.string().optional() });

export const AppointmentOut = z.looseObject({
  id: z.string(),
  title: z.string().optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
});

export const pageOut = <T extends z.ZodType>(key: string, item: T) =>
  z.object({
    [key]: z.array(item),
    nextCursor: z.string().optional().describe("Pass as cursor to get the next page"),
    total: z.number().optional(),
  });

export const SuccessOut = z.object({ succeeded: z.boolean() });

/** GHL acknowledges with `succeded` (sic), `succeeded` or `success`; an empty 2xx also succeeded. */
export function succeeded(body: unknown): { succeeded: boolean } {
  const flag = field(body, "succeded") ?? field(body, "succeeded") ?? field(body, "success");
  return { succeeded: Boolean(flag ?? true) };
}
