// Prompt arguments people fill in by typing a few letters: a contact's name, a calendar's name, a
// day, a pipeline. Each completes from the account's own data, and each prompt turns the chosen
// words back into records the same way (contacts_find for people, names for the rest).
import { completable } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ToolContext } from "../tools/framework.js";
import { locationTimeZone, suggestCalendars } from "../resources/calendars.js";
import { suggestContacts } from "../resources/contacts.js";
import { readResource, allResources } from "../resources/catalog.js";
import { completeDate, dayIn } from "../resources/dates.js";
import { tasksDueUri } from "../resources/tasks.js";
import { runAllPages, runTool } from "../resources/through-tools.js";

type Json = Record<string, unknown>;

const startsWithWord = (name: string, typed: string) => {
  const needle = typed.trim().toLowerCase();
  const lower = name.toLowerCase();
  return (
    needle === "" ||
    lower.startsWith(needle) ||
    lower.split(/\s+/).some((w) => w.startsWith(needle))
  );
};

/** Contact names, with the email where two contacts share a name, so each value names one. */
export function contactArgument(ctx: ToolContext, description: string) {
  return completable(z.string().describe(description), async (typed) => {
    const contacts = await suggestContacts(typed ?? "", ctx);
    const names = contacts.map((contact) => String(contact.name ?? contact.email ?? contact.id));
    return contacts.map((contact, index) => {
      const name = names[index]!;
      const shared = names.filter((other) => other === name).length > 1;
      return shared && contact.email ? `${name} <${String(contact.email)}>` : name;
    });
  });
}

export function calendarArgument(ctx: ToolContext, description: string) {
  return completable(z.string().describe(description), async (typed) =>
    (await suggestCalendars(typed ?? "", ctx)).map((calendar) => String(calendar.name)),
  );
}

/** The next two weeks in the location's time zone, by date, weekday or "today"/"tomorrow". */
export function dateArgument(ctx: ToolContext, description: string) {
  return completable(z.string().describe(description), async (typed) => {
    const zone = await zoneOf(ctx);
    return completeDate(typed ?? "", Date.now(), zone);
  });
}

export function pipelineArgument(ctx: ToolContext, description: string) {
  return completable(z.string().describe(description), async (typed) => {
    const pipelines = await pipelinesOf(ctx).catch(() => []);
    return pipelines.map((p) => String(p.name)).filter((name) => startsWithWord(name, typed ?? ""));
  });
}

/** The people who have tasks overdue or due soon, by the name the task search gives them. */
export function assigneeArgument(ctx: ToolContext, description: string) {
  return completable(z.string().describe(description), async (typed) => {
    if (!ctx.locationId) return [];
    const due = (await readResource(tasksDueUri(ctx.locationId), allResources, ctx).catch(() => ({
      tasks: [],
    }))) as { tasks: Json[] };
    const names = due.tasks.map((task) => String(task.assigneeName ?? "")).filter(Boolean);
    return [...new Set(names)].sort().filter((name) => startsWithWord(name, typed ?? ""));
  });
}

/** A small set of counts worth offering, e.g. "how many days back". */
export function countArgument(description: string, counts: readonly number[]) {
  return completable(
    z.string().regex(/^\d+$/, "must be a whole number").describe(description),
    (typed) => counts.map(String).filter((count) => count.startsWith((typed ?? "").trim())),
  );
}

/** Days on which the contact (from the `contact` argument) had an appointment, newest first. */
export function sessionDayArgument(ctx: ToolContext, description: string) {
  return completable(z.string().describe(description), async (typed, context) => {
    const zone = await zoneOf(ctx);
    const contact = context?.arguments?.contact;
    if (!contact) return completeDate(typed ?? "", Date.now(), zone).slice(0, 1);
    const found = await resolveContact(contact, ctx).catch(() => undefined);
    if (!found?.contact) return [];
    const appointments = await runAllPages<Json>(
      "contacts_list_appointments",
      "appointments",
      { contactId: found.contact.id },
      ctx,
    );
    const days = appointments
      .map((a) => Date.parse(String(a.startTime)))
      .filter((start) => start <= Date.now())
      .sort((a, b) => b - a)
      .map((start) => dayIn(start, zone));
    return [...new Set(days)].filter((day) => day.startsWith((typed ?? "").trim())).slice(0, 10);
  });
}

export async function zoneOf(ctx: ToolContext): Promise<string> {
  return ctx.locationId ? locationTimeZone(ctx.locationId, ctx).catch(() => "UTC") : "UTC";
}

export const pipelinesOf = (ctx: ToolContext) =>
  runAllPages<Json>("opportunities_list_pipelines", "pipelines", {}, ctx);

/** The contact a person named, or the candidates to ask about when several fit about equally. */
export async function resolveContact(
  text: string,
  ctx: ToolContext,
): Promise<{ contact?: Json; candidates: Json[] }> {
  const found = await runTool<{ matches: Json[]; ambiguous: boolean }>(
    "contacts_find",
    { query: text, limit: 5 },
    ctx,
  );
  const [best] = found.matches;
  if (!best) return { candidates: [] };
  return found.ambiguous ? { candidates: found.matches } : { contact: best, candidates: [] };
}

/** A calendar by its name (or id), as the calendar argument completes it. */
export async function resolveCalendar(text: string, ctx: ToolContext): Promise<Json | undefined> {
  const calendars = await suggestCalendars("", ctx);
  const wanted = text.trim().toLowerCase();
  return (
    calendars.find((c) => String(c.id) === text.trim()) ??
    calendars.find((c) => String(c.name).toLowerCase() === wanted) ??
    calendars.find((c) => startsWithWord(String(c.name), text))
  );
}
