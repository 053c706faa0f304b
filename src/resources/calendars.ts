// Calendars as resources: the location's calendars, one calendar with its hours and settings, a
// calendar's appointments in a window of days (or the coming week), and its free slots on a day.
// Days are the location's days, in its time zone; calendar ids complete from calendar names.
import { GhlError } from "../ghl/errors.js";
import { shapeCalendar } from "../tools/calendars.js";
import type { ToolContext } from "../tools/framework.js";
import type { Completer, ResourceKind, Variables } from "./catalog.js";
import { contactUri } from "./contacts.js";
import { addDays, completeDate, dayIn, endOfDay, isDate, startOfDay } from "./dates.js";
import { checkIn, fetchIn, rememberHome, runAllPages, runTool } from "./through-tools.js";

type Json = Record<string, unknown>;

const UPCOMING_DAYS = 7;
const MAX_WINDOW_DAYS = 31;

export const calendarsUri = (locationId: string) => `ghl://locations/${locationId}/calendars`;
export const calendarUri = (locationId: string, calendarId: string) =>
  `${calendarsUri(locationId)}/${calendarId}`;
export const eventsUri = (locationId: string, calendarId: string, from?: string, to?: string) =>
  `${calendarUri(locationId, calendarId)}/events${from && to ? `?from=${from}&to=${to}` : ""}`;
export const freeSlotsUri = (locationId: string, calendarId: string, date: string) =>
  `${calendarUri(locationId, calendarId)}/free-slots/${date}`;

const zones = new WeakMap<ToolContext, Map<string, string>>();

/**
 * The location's time zone, which decides what "today" and a day's bounds are. Read once per
 * context through locations_get, whether or not the locations toolset is exposed.
 */
export async function locationTimeZone(locationId: string, ctx: ToolContext): Promise<string> {
  let known = zones.get(ctx);
  if (!known) zones.set(ctx, (known = new Map()));
  let zone = known.get(locationId);
  if (!zone) {
    zone = await runTool<{ location: Json }>("locations_get", { locationId }, ctx).then(
      ({ location }) => (typeof location.timezone === "string" && location.timezone) || "UTC",
      (error: unknown) => {
        // Limitation: without locations.readonly the zone cannot be read, and days are UTC
        // days; every calendar resource says which zone its days are in (`timeZone`).
        if (error instanceof GhlError && error.kind === "missing_scope") return "UTC";
        throw error;
      },
    );
    known.set(locationId, zone);
  }
  return zone;
}

const calendarsOf = (locationId: string, ctx: ToolContext) =>
  runAllPages<Json>("calendars_list", "calendars", { locationId }, ctx);

const checkCalendar = (locationId: string, calendarId: string, ctx: ToolContext) =>
  checkIn("calendars_get", "calendar", { calendarId }, locationId, ctx);

/** A calendar id from calendar names: any word of the name starting with what was typed. */
export async function suggestCalendars(
  typed: string,
  ctx: ToolContext,
  locationId = ctx.locationId,
): Promise<Json[]> {
  if (!locationId) return [];
  const needle = typed.trim().toLowerCase();
  try {
    const calendars = await calendarsOf(locationId, ctx);
    return calendars
      .filter((calendar) => {
        const name = String(calendar.name ?? "").toLowerCase();
        const words = name.split(/[^\p{L}\p{N}]+/u);
        return (
          needle === "" ||
          name.startsWith(needle) ||
          words.some((word) => word.startsWith(needle)) ||
          String(calendar.id).startsWith(typed.trim())
        );
      })
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  } catch (error) {
    if (error instanceof GhlError) return [];
    throw error;
  }
}

const calendarIdCompletion: Completer = async (typed, ctx, filled) =>
  (await suggestCalendars(typed, ctx, filled.locationId ?? ctx.locationId)).map((c) =>
    String(c.id),
  );

/** Dates from today on, in the location's zone; `to` never before an already chosen `from`. */
function dateCompletion(after?: string): Completer {
  return async (typed, ctx, filled) => {
    const locationId = filled.locationId ?? ctx.locationId;
    const zone = locationId ? await locationTimeZone(locationId, ctx).catch(() => "UTC") : "UTC";
    const floor = after ? filled[after] : undefined;
    return completeDate(typed, Date.now(), zone).filter((day) => !floor || day >= floor);
  };
}

function badDay(name: string, message: string): GhlError {
  return new GhlError({
    kind: "invalid_input",
    message: `${name}: ${message}.`,
    hint: "Give days as YYYY-MM-DD, from before to, at most 31 days apart.",
  });
}

/** The calendar's appointments between the starts of two local days. */
async function eventsBetween(
  { locationId, calendarId }: Variables,
  from: string,
  to: string,
  zone: string,
  ctx: ToolContext,
): Promise<Json> {
  await checkCalendar(locationId!, calendarId!, ctx);
  const events = await runAllPages<Json>(
    "calendars_list_events",
    "events",
    {
      locationId,
      calendarId,
      startTime: startOfDay(from, zone),
      endTime: endOfDay(to, zone),
    },
    ctx,
  );
  return {
    calendarId,
    from,
    to,
    timeZone: zone,
    events: events
      .sort((a, b) => Date.parse(String(a.startTime)) - Date.parse(String(b.startTime)))
      .map((event) => ({
        ...event,
        contact: event.contactId && contactUri(locationId!, String(event.contactId)),
      })),
  };
}

const READ_TOOLS = ["calendars_list", "calendars_get"] as const;
const SHORT = { ttlMs: 60_000, cacheScope: "private" } as const;
const LONG = { ttlMs: 300_000, cacheScope: "private" } as const;

export const calendarResources: ResourceKind[] = [
  {
    name: "calendars",
    title: "Calendars",
    description: "The location's calendars: what each books, for how long, by whom.",
    template: "ghl://locations/{locationId}/calendars",
    tools: ["calendars_list"],
    cacheHint: LONG,
    async read({ locationId }, ctx) {
      return { calendars: await calendarsOf(locationId!, ctx) };
    },
    async list(locationId) {
      return [
        {
          uri: calendarsUri(locationId),
          name: "calendars",
          title: "Calendars",
          description: "All calendars of the location",
          mimeType: "application/json",
        },
      ];
    },
  },
  {
    name: "calendar",
    title: "Calendar",
    description: "One calendar with its team, open hours and booking settings.",
    template: "ghl://locations/{locationId}/calendars/{calendarId}",
    tools: [...READ_TOOLS],
    cacheHint: LONG,
    async read({ locationId, calendarId }, ctx) {
      const calendar = await fetchIn(
        "calendars_get",
        "calendar",
        { calendarId: calendarId! },
        locationId!,
        ctx,
      );
      return { calendar: shapeCalendar(calendar, true) };
    },
    complete: { calendarId: calendarIdCompletion },
    async list(locationId, ctx) {
      return (await calendarsOf(locationId, ctx)).map((calendar) => {
        const calendarId = String(calendar.id);
        rememberHome(ctx, calendarId, locationId);
        const name = String(calendar.name ?? calendarId);
        return {
          uri: calendarUri(locationId, calendarId),
          name,
          title: name,
          description: String(calendar.description ?? calendar.calendarType ?? ""),
          mimeType: "application/json",
        };
      });
    },
  },
  {
    name: "calendar-events",
    title: "Calendar appointments",
    description:
      "A calendar's appointments from one day to another (YYYY-MM-DD, inclusive, at most 31 days, the location's days), cancelled ones included, each with its contact's URI.",
    template: "ghl://locations/{locationId}/calendars/{calendarId}/events{?from,to}",
    tools: [...READ_TOOLS, "calendars_list_events"],
    cacheHint: SHORT,
    async read(variables, ctx) {
      const { from = "", to = "" } = variables;
      if (!isDate(from)) throw badDay("from", "must be a day, YYYY-MM-DD");
      if (!isDate(to)) throw badDay("to", "must be a day, YYYY-MM-DD");
      if (to < from) throw badDay("to", "must not be before from");
      if (addDays(from, MAX_WINDOW_DAYS - 1) < to) throw badDay("to", "at most 31 days after from");
      const zone = await locationTimeZone(variables.locationId!, ctx);
      return eventsBetween(variables, from, to, zone, ctx);
    },
    complete: {
      calendarId: calendarIdCompletion,
      from: dateCompletion(),
      to: dateCompletion("from"),
    },
  },
  {
    name: "calendar-upcoming",
    title: "Calendar: coming week",
    description: `A calendar's appointments from today through the next ${UPCOMING_DAYS - 1} days, cancelled ones included.`,
    template: "ghl://locations/{locationId}/calendars/{calendarId}/events",
    tools: [...READ_TOOLS, "calendars_list_events"],
    cacheHint: SHORT,
    async read(variables, ctx, nowMs) {
      const zone = await locationTimeZone(variables.locationId!, ctx);
      const today = dayIn(nowMs, zone);
      return eventsBetween(variables, today, addDays(today, UPCOMING_DAYS - 1), zone, ctx);
    },
    complete: { calendarId: calendarIdCompletion },
    async list(locationId, ctx) {
      return (await calendarsOf(locationId, ctx)).map((calendar) => {
        const name = String(calendar.name ?? calendar.id);
        return {
          uri: eventsUri(locationId, String(calendar.id)),
          name: `${name}: coming week`,
          title: `${name}: appointments in the coming ${UPCOMING_DAYS} days`,
          mimeType: "application/json",
        };
      });
    },
  },
  {
    name: "calendar-free-slots",
    title: "Calendar free slots",
    description:
      "The start times still bookable on a calendar on one day (YYYY-MM-DD, the location's day).",
    template: "ghl://locations/{locationId}/calendars/{calendarId}/free-slots/{date}",
    tools: [...READ_TOOLS, "calendars_get_free_slots"],
    cacheHint: SHORT,
    async read({ locationId, calendarId, date = "" }, ctx) {
      if (!isDate(date)) throw badDay("date", "must be a day, YYYY-MM-DD");
      await checkCalendar(locationId!, calendarId!, ctx);
      const zone = await locationTimeZone(locationId!, ctx);
      const { days } = await runTool<{ days: { date: string; slots: string[] }[] }>(
        "calendars_get_free_slots",
        {
          calendarId,
          startDate: startOfDay(date, zone),
          endDate: endOfDay(date, zone),
          more: { timezone: zone },
        },
        ctx,
      );
      const slots = days.filter((day) => day.date === date).flatMap((day) => day.slots);
      return { calendarId, date, timeZone: zone, slots };
    },
    complete: { calendarId: calendarIdCompletion, date: dateCompletion() },
  },
];
