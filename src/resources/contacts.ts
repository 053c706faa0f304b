// Contacts as resources: one contact with what an agent wants in one read (its fields, open tasks,
// recent notes, upcoming appointments), its tasks, notes and appointments on their own, the
// location's recently updated contacts for resources/list, and contact ids completed from names.
import { GhlError } from "../ghl/errors.js";
import type { ToolContext } from "../tools/framework.js";
import { shapeContact } from "../tools/shape.js";
import type { ListedResource, ResourceKind } from "./catalog.js";
import { checkIn, fetchIn, rememberHome, runAllPages, runTool } from "./through-tools.js";

type Json = Record<string, unknown>;

const SOON_MS = 24 * 60 * 60 * 1000;
const RECENT_NOTES = 5;
const UPCOMING_APPOINTMENTS = 10;
const CONTACTS_PAGE = 50;

export const contactUri = (locationId: string, contactId: string) =>
  `ghl://locations/${locationId}/contacts/${contactId}`;

const contactIn = async (locationId: string, contactId: string, ctx: ToolContext) =>
  shapeContact(await fetchIn("contacts_get", "contact", { contactId }, locationId, ctx));
const checkHome = (locationId: string, contactId: string, ctx: ToolContext) =>
  checkIn("contacts_get", "contact", { contactId }, locationId, ctx);

/** How a task stands now; a task "becoming due" is a change of this value. */
export function taskStatus(task: Json, nowMs: number): string {
  if (task.completed) return "completed";
  const due = Date.parse(String(task.dueDate ?? ""));
  if (Number.isNaN(due)) return "open";
  if (due < nowMs) return "overdue";
  return due - nowMs <= SOON_MS ? "due soon" : "open";
}

const byDue = (a: Json, b: Json) => String(a.dueDate ?? "").localeCompare(String(b.dueDate ?? ""));
const byStart = (a: Json, b: Json) =>
  Date.parse(String(a.startTime ?? "")) - Date.parse(String(b.startTime ?? ""));
const newestFirst = (a: Json, b: Json) =>
  String(b.dateAdded ?? "").localeCompare(String(a.dateAdded ?? ""));

function withStatus(tasks: Json[], nowMs: number): Json[] {
  return tasks.sort(byDue).map((task) => ({ ...task, status: taskStatus(task, nowMs) }));
}

const isCancelled = (appointment: Json) =>
  (appointment.appointmentStatus ?? appointment.status) === "cancelled";

const tasksOf = (contactId: string, ctx: ToolContext) =>
  runAllPages<Json>("contacts_list_tasks", "tasks", { contactId }, ctx);
const notesOf = (contactId: string, ctx: ToolContext) =>
  runAllPages<Json>("contacts_list_notes", "notes", { contactId }, ctx);
const appointmentsOf = (contactId: string, ctx: ToolContext) =>
  runAllPages<Json>("contacts_list_appointments", "appointments", { contactId }, ctx);

/**
 * Contacts a person may mean by what they typed so far, best first: the most recently updated
 * when nothing is typed yet, else contacts_find's ranking ("Ja" → Jamal, Jane Cooper, Jane Doe…).
 */
export async function suggestContacts(
  typed: string,
  ctx: ToolContext,
  locationId = ctx.locationId,
): Promise<Json[]> {
  const query = typed.trim();
  try {
    if (query === "") {
      const recent = await runTool(
        "contacts_search",
        {
          locationId,
          more: { sortBy: "dateUpdated", sortDirection: "desc" },
          limit: 10,
        },
        ctx,
      );
      return (recent.contacts as Json[] | undefined) ?? [];
    }
    const found = await runTool("contacts_find", { query, locationId, limit: 10 }, ctx);
    return (found.matches as Json[] | undefined) ?? [];
  } catch (error) {
    // A suggestion that cannot be made is no suggestion, not a failure of what the person types.
    if (error instanceof GhlError) return [];
    throw error;
  }
}

/** Completion offers ids only (the protocol's values are bare strings), in ranking order. */
const contactIdCompletion = {
  contactId: async (typed: string, ctx: ToolContext, filled: Record<string, string>) =>
    (await suggestContacts(typed, ctx, filled.locationId ?? ctx.locationId)).map((contact) =>
      String(contact.id),
    ),
};

const CONTACT_TOOLS = ["contacts_get", "contacts_find", "contacts_search"] as const;

export const contactResources: ResourceKind[] = [
  {
    name: "contact",
    title: "Contact",
    description:
      "A contact's fields with its open tasks (status overdue / due soon / open), its five newest notes and its upcoming appointments.",
    template: "ghl://locations/{locationId}/contacts/{contactId}",
    tools: [
      ...CONTACT_TOOLS,
      "contacts_list_tasks",
      "contacts_list_notes",
      "contacts_list_appointments",
    ],
    cacheHint: { ttlMs: 30_000, cacheScope: "private" },
    async read({ locationId, contactId }, ctx, nowMs) {
      const [contact, tasks, notes, appointments] = await Promise.all([
        contactIn(locationId!, contactId!, ctx),
        tasksOf(contactId!, ctx),
        notesOf(contactId!, ctx),
        appointmentsOf(contactId!, ctx),
      ]);
      return {
        contact,
        openTasks: withStatus(
          tasks.filter((task) => !task.completed),
          nowMs,
        ),
        recentNotes: notes.sort(newestFirst).slice(0, RECENT_NOTES),
        upcomingAppointments: appointments
          .filter((a) => !isCancelled(a) && Date.parse(String(a.endTime ?? a.startTime)) >= nowMs)
          .sort(byStart)
          .slice(0, UPCOMING_APPOINTMENTS),
      };
    },
    complete: contactIdCompletion,
  },
  {
    name: "contact-tasks",
    title: "Contact tasks",
    description: "All of a contact's tasks, by due date, each with its status now.",
    template: "ghl://locations/{locationId}/contacts/{contactId}/tasks",
    tools: [...CONTACT_TOOLS, "contacts_list_tasks"],
    cacheHint: { ttlMs: 30_000, cacheScope: "private" },
    async read({ locationId, contactId }, ctx, nowMs) {
      await checkHome(locationId!, contactId!, ctx);
      return { contactId, tasks: withStatus(await tasksOf(contactId!, ctx), nowMs) };
    },
    complete: contactIdCompletion,
  },
  {
    name: "contact-notes",
    title: "Contact notes",
    description: "All of a contact's notes, newest first.",
    template: "ghl://locations/{locationId}/contacts/{contactId}/notes",
    tools: [...CONTACT_TOOLS, "contacts_list_notes"],
    cacheHint: { ttlMs: 30_000, cacheScope: "private" },
    async read({ locationId, contactId }, ctx) {
      await checkHome(locationId!, contactId!, ctx);
      return { contactId, notes: (await notesOf(contactId!, ctx)).sort(newestFirst) };
    },
    complete: contactIdCompletion,
  },
  {
    name: "contact-appointments",
    title: "Contact appointments",
    description: "All of a contact's appointments, past and upcoming, cancelled ones included.",
    template: "ghl://locations/{locationId}/contacts/{contactId}/appointments",
    tools: [...CONTACT_TOOLS, "contacts_list_appointments"],
    cacheHint: { ttlMs: 30_000, cacheScope: "private" },
    async read({ locationId, contactId }, ctx) {
      await checkHome(locationId!, contactId!, ctx);
      return { contactId, appointments: (await appointmentsOf(contactId!, ctx)).sort(byStart) };
    },
    complete: contactIdCompletion,
  },
];

/** One page of the location's contacts, most recently updated first, as resources/list entries. */
export async function recentContacts(
  locationId: string,
  cursor: string | undefined,
  ctx: ToolContext,
): Promise<{ resources: ListedResource[]; nextCursor?: string }> {
  const page = await runTool(
    "contacts_search",
    {
      locationId,
      more: { sortBy: "dateUpdated", sortDirection: "desc" },
      limit: CONTACTS_PAGE,
      cursor,
    },
    ctx,
  );
  const contacts = (page.contacts as Json[] | undefined) ?? [];
  for (const contact of contacts) rememberHome(ctx, String(contact.id), locationId);
  return {
    resources: contacts.map((contact) => ({
      uri: contactUri(locationId, String(contact.id)),
      name: String(contact.name ?? contact.email ?? contact.id),
      title: String(contact.name ?? contact.email ?? contact.id),
      description: `Contact${contact.companyName ? ` at ${String(contact.companyName)}` : ""}, updated ${String(contact.dateUpdated ?? "")}`,
      mimeType: "application/json",
    })),
    nextCursor: page.nextCursor as string | undefined,
  };
}

/** What changes when contacts are added or removed: the count and the newest ones. */
export async function contactListFingerprint(
  locationId: string,
  ctx: ToolContext,
): Promise<string> {
  const page = await runTool(
    "contacts_search",
    { locationId, more: { sortBy: "dateAdded", sortDirection: "desc" }, limit: 20 },
    ctx,
  );
  const ids = ((page.contacts as Json[] | undefined) ?? []).map((contact) => contact.id);
  return JSON.stringify({ total: page.total, ids });
}
