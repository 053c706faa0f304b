// Calendar times as a model writes them and as GHL wants them: event windows in epoch ms, free-slot
// windows of at most 31 days, weekly hours as lines like "Mon-Fri 09:00-17:00" (GHL's nested
// openHours and schedule rules on the wire), and GHL's free-slot map read back as days.
import { z } from "zod";
import { GhlError } from "../ghl/errors.js";
import { arrayField } from "./shape.js";
import { checkRange, toEpochMs } from "./time.js";

/** GHL allows at most this many days between a free-slots start and end. */
export const MAX_FREE_SLOT_DAYS = 31;

interface EventOwner {
  calendarId?: string;
  userId?: string;
  groupId?: string;
}

/**
 * The query of GET /calendars/events and /calendars/blocked-slots: the window as epoch-ms strings,
 * after checking it runs forwards and names a calendar, user or group (which GHL requires).
 */
export function eventWindowQuery(args: EventOwner & { startTime: string; endTime: string }): {
  startTime: string;
  endTime: string;
} {
  if (!args.calendarId && !args.userId && !args.groupId) {
    throw new GhlError({
      kind: "invalid_input",
      message: "calendarId: give calendarId, userId or groupId; GHL lists events only for one.",
      hint: "Pass the calendar (calendars_list), the user or the group whose events you want.",
    });
  }
  checkRange(
    { name: "startTime", value: args.startTime },
    { name: "endTime", value: args.endTime },
  );
  return {
    startTime: String(toEpochMs(args.startTime)),
    endTime: String(toEpochMs(args.endTime)),
  };
}

/** The query of GET /calendars/{id}/free-slots: epoch-ms numbers, at most 31 days apart. */
export function freeSlotsQuery(args: { startDate: string; endDate: string }): {
  startDate: number;
  endDate: number;
} {
  checkRange(
    { name: "startDate", value: args.startDate },
    { name: "endDate", value: args.endDate },
    MAX_FREE_SLOT_DAYS,
  );
  return { startDate: toEpochMs(args.startDate), endDate: toEpochMs(args.endDate) };
}

export interface SlotDay {
  date: string;
  slots: string[];
}

/** GHL's `{"2026-12-04":{"slots":[...]},...}` as days in order, skipping keys that are not dates. */
export function slotDays(body: unknown): SlotDay[] {
  return Object.entries((body ?? {}) as Record<string, unknown>)
    .filter(([key]) => /^\d{4}-\d{2}-\d{2}$/.test(key))
    .map(([date, day]) => ({ date, slots: arrayField(day, "slots") as string[] }))
    .filter((day) => day.slots.length > 0)
    .sort((a, b) => a.date.localeCompare(b.date));
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneInput = z
  .string()
  .refine(isTimeZone, "must be an IANA time zone, e.g. America/Chicago")
  .describe("IANA zone");

// Open hours: lines like "Mon-Fri 09:00-17:00" for the model, GHL's nested hours on the wire.

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export interface WireOpenHours {
  daysOfTheWeek: number[];
  hours: { openHour: number; openMinute: number; closeHour: number; closeMinute: number }[];
}

function dayIndex(name: string): number {
  return DAY_NAMES.findIndex((day) => day.toLowerCase() === name.slice(0, 3).toLowerCase());
}

/** `Mon-Fri 09:00-17:00`, `Tue,Thu 10:00-18:00`, `Sat-Sun 08:00-12:00`; undefined if malformed. */
export function parseOpenHours(line: string): WireOpenHours | undefined {
  const match = /^\s*([A-Za-z,\- ]+?)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(line);
  if (!match) return undefined;
  const [, dayText, openHour, openMinute, closeHour, closeMinute] = match.map(String);
  const days = new Set<number>();
  for (const part of dayText!.split(",")) {
    const [first, last = first] = part.split("-").map((name) => dayIndex(name!.trim()));
    if (first === undefined || last === undefined || first < 0 || last < 0) return undefined;
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === last) break;
    }
  }
  const hours = {
    openHour: Number(openHour),
    openMinute: Number(openMinute),
    closeHour: Number(closeHour),
    closeMinute: Number(closeMinute),
  };
  const valid =
    hours.openHour < 24 &&
    hours.closeHour < 24 &&
    hours.openMinute < 60 &&
    hours.closeMinute < 60 &&
    hours.closeHour * 60 + hours.closeMinute > hours.openHour * 60 + hours.openMinute;
  return valid ? { daysOfTheWeek: [...days].sort(), hours: [hours] } : undefined;
}

export const openHoursInput = z
  .array(
    z
      .string()
      .refine(
        (line) => parseOpenHours(line) !== undefined,
        'must look like "Mon-Fri 09:00-17:00" (days, then opening and closing time)',
      ),
  )
  .describe("e.g. Mon-Fri 09:00-17:00");

const hhmm = (hour: unknown, minute: unknown) =>
  `${String(hour ?? 0).padStart(2, "0")}:${String(minute ?? 0).padStart(2, "0")}`;

/** `[1,2,3,5]` → `Mon-Wed,Fri`. */
function dayList(days: number[]): string {
  const sorted = [...new Set(days)].sort();
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length > 2
        ? `${DAY_NAMES[run[0]!]}-${DAY_NAMES[run[run.length - 1]!]}`
        : run.map((day) => DAY_NAMES[day]).join(","),
    )
    .join(",");
}

/** GHL's openHours as lines like "Mon-Fri 09:00-17:00", one per opening. */
export function readOpenHours(openHours: unknown): string[] {
  if (!Array.isArray(openHours)) return [];
  return openHours.flatMap((entry: { daysOfTheWeek?: number[]; hours?: unknown[] }) =>
    (entry.hours ?? []).map((hours) => {
      const h = hours as Record<string, unknown>;
      const days = dayList(entry.daysOfTheWeek ?? []);
      return `${days} ${hhmm(h.openHour, h.openMinute)}-${hhmm(h.closeHour, h.closeMinute)}`;
    }),
  );
}

// Availability schedules: rules as lines like "Mon-Fri 09:00-17:00" or
// "2026-12-24 09:00-12:00", GHL's rule objects on the wire.

const WEEKDAY_NAMES = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;

export interface ScheduleRule {
  type: "wday" | "date";
  day?: (typeof WEEKDAY_NAMES)[number];
  date?: string;
  intervals: { from: string; to: string }[];
}

/** A real day: `Date.parse` would roll 2026-02-30 over into March. */
function isCalendarDate(date: string): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(date);
}

/** One line → its rules (one per weekday, or one for a date); undefined if malformed. */
export function parseScheduleLine(line: string): ScheduleRule[] | undefined {
  const dated = /^\s*(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(line);
  const parsed = parseOpenHours(dated ? `Sun ${dated[2]}` : line);
  if (!parsed || (dated && !isCalendarDate(dated[1]!))) return undefined;
  const [hours] = parsed.hours;
  const interval = {
    from: hhmm(hours!.openHour, hours!.openMinute),
    to: hhmm(hours!.closeHour, hours!.closeMinute),
  };
  if (dated) return [{ type: "date", date: dated[1], intervals: [interval] }];
  return parsed.daysOfTheWeek.map((day) => ({
    type: "wday",
    day: WEEKDAY_NAMES[day],
    intervals: [{ ...interval }],
  }));
}

/** Lines to GHL rules, one rule per weekday or date with all its intervals. */
export function toScheduleRules(lines: string[]): ScheduleRule[] {
  const byKey = new Map<string, ScheduleRule>();
  for (const rule of lines.flatMap((line) => parseScheduleLine(line) ?? [])) {
    const key = rule.date ?? rule.day ?? "";
    const known = byKey.get(key);
    if (known) known.intervals.push(...rule.intervals);
    else byKey.set(key, rule);
  }
  return [...byKey.values()];
}

/** GHL rules as lines, weekdays with the same hours joined: "Mon-Fri 09:00-17:00". */
export function readScheduleRules(rules: unknown): string[] {
  if (!Array.isArray(rules)) return [];
  const lines: string[] = [];
  const weekly = new Map<string, number[]>();
  for (const rule of rules as ScheduleRule[]) {
    for (const { from, to } of rule.intervals ?? []) {
      if (rule.type === "date") lines.push(`${rule.date} ${from}-${to}`);
      else
        weekly.set(`${from}-${to}`, [
          ...(weekly.get(`${from}-${to}`) ?? []),
          WEEKDAY_NAMES.indexOf(rule.day!),
        ]);
    }
  }
  return [...[...weekly].map(([hours, days]) => `${dayList(days)} ${hours}`), ...lines];
}

export const scheduleRulesInput = z
  .array(
    z
      .string()
      .refine(
        (line) => parseScheduleLine(line) !== undefined,
        'must look like "Mon-Fri 09:00-17:00" or "2026-12-24 09:00-12:00"',
      ),
  )
  .describe("e.g. Mon-Fri 09:00-17:00");
export const scheduleZoneInput = z
  .string()
  .refine(
    (zone) => /^[A-Za-z_]+\/[A-Za-z_]+$/.test(zone) && isTimeZone(zone),
    "must be an Area/City IANA time zone, e.g. America/Chicago",
  )
  .describe("IANA zone");
