// A calendar's free slots as the platform computes them: the open hours (or a date's own hours, or
// a team member's availability schedule applied to the calendar), stepped by the slot interval,
// minus what appointments, buffers and blocked slots take, within the calendar's seats or its team
// members' diaries.
import type {
  AppointmentRecord,
  CalendarRecord,
  DurationUnit,
  OpenHours,
  SandboxStore,
  ScheduleRecord,
} from "./store.js";
import { DAY_MS, isoWithOffset, wallClockTime } from "./time.js";

export interface SlotOptions {
  now: number;
  /** Only these team members count (the `userId` / `userIds` filters, or an assigned user). */
  userIds?: string[];
  /** An appointment being moved does not compete with itself. */
  ignoreEventId?: string;
}

/** Statuses that no longer hold a place in the diary (inferred for `invalid`). */
const RELEASED = new Set(["cancelled", "invalid"]);

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** When someone (or the calendar itself) can be booked: a zone and the hours of each local date. */
interface Availability {
  zone: string;
  hoursOn(date: string, weekday: number): OpenHours[];
}

export function durationMs(value: number | undefined, unit: DurationUnit | undefined): number {
  return (value ?? 0) * (unit === "hours" ? 3_600_000 : 60_000);
}

export function calendarTimeZone(store: SandboxStore, calendar: CalendarRecord): string {
  return store.locations.get(calendar.locationId)?.timezone ?? "UTC";
}

/** Slot starts (epoch ms, ascending) from `from` to `to` inclusive that can still be booked. */
export function freeSlots(
  store: SandboxStore,
  calendar: CalendarRecord,
  from: number,
  to: number,
  options: SlotOptions,
): number[] {
  const starts = new Set<number>();
  for (const availability of availabilities(store, calendar, options.userIds).values()) {
    for (const start of candidateStarts(calendar, availability, from, to)) starts.add(start);
  }
  return [...starts]
    .filter((start) => start >= from && start <= to && start >= options.now)
    .filter((start) => freeUsers(store, calendar, start, options) !== undefined)
    .sort((a, b) => a - b);
}

/**
 * Who could take the slot starting at `start`: the free team members whose hours include it, best
 * priority first, or an empty list for a calendar that books seats rather than people; undefined
 * when nobody can.
 */
export function freeUsers(
  store: SandboxStore,
  calendar: CalendarRecord,
  start: number,
  options: Omit<SlotOptions, "now">,
): string[] | undefined {
  const end = start + durationMs(calendar.slotDuration, calendar.slotDurationUnit);
  const before = durationMs(calendar.preBuffer, calendar.preBufferUnit);
  const after = durationMs(calendar.slotBuffer, calendar.slotBufferUnit);
  const busy = busyAppointments(store, calendar.locationId, options.ignoreEventId).filter((a) =>
    overlaps(start - before, end + after, a),
  );
  const blocks = [...store.blockedSlots.values()].filter(
    (block) => block.locationId === calendar.locationId && overlaps(start, end, block),
  );
  if (blocks.some((block) => block.calendarId === calendar.id)) return undefined;

  const hours = availabilities(store, calendar, options.userIds);
  const opensAt = (availability: Availability | undefined) =>
    availability !== undefined &&
    candidateStarts(calendar, availability, start, start).includes(start);
  const members = calendar.teamMembers
    .filter((member) => !options.userIds || options.userIds.includes(member.userId))
    .sort((a, b) => b.priority - a.priority)
    .map((member) => member.userId);

  if (seatsBooked(calendar)) {
    const taken = busy.filter((a) => a.calendarId === calendar.id).length;
    return opensAt(hours.get("")) && taken < calendar.appoinmentPerSlot ? members : undefined;
  }

  const free = members.filter((userId) => {
    if (!opensAt(hours.get(userId))) return false;
    if (blocks.some((block) => block.assignedUserId === userId)) return false;
    const own = busy.filter((a) => a.assignedUserId === userId || a.users.includes(userId));
    return own.length < calendar.appoinmentPerSlot;
  });
  if (free.length === 0) return undefined;
  if (calendar.calendarType === "collective" && free.length < members.length) return undefined;
  return free;
}

/** Class calendars and calendars without a team sell seats; the others book people. */
function seatsBooked(calendar: CalendarRecord): boolean {
  return calendar.calendarType === "class_booking" || calendar.teamMembers.length === 0;
}

/**
 * Whose hours count, keyed by user id ("" for the calendar's own): each team member's schedule
 * applied to this calendar, or else the calendar's open hours.
 */
function availabilities(
  store: SandboxStore,
  calendar: CalendarRecord,
  userIds?: string[],
): Map<string, Availability> {
  const own: Availability = {
    zone: calendarTimeZone(store, calendar),
    hoursOn: (date, weekday) => calendarHours(calendar, date, weekday),
  };
  if (seatsBooked(calendar)) return new Map([["", own]]);

  const applied = [...store.schedules.values()].filter((s) => s.calendarIds.includes(calendar.id));
  const result = new Map<string, Availability>();
  for (const { userId } of calendar.teamMembers) {
    if (userIds && !userIds.includes(userId)) continue;
    const schedule = applied.find((s) => s.userId === userId);
    result.set(userId, schedule ? scheduleAvailability(schedule) : own);
  }
  return result;
}

/** A date's own hours (custom availability) replace the weekly ones for that date. */
function calendarHours(calendar: CalendarRecord, date: string, weekday: number): OpenHours[] {
  const custom = calendar.availabilities.filter((a) => !a.deleted && a.date.startsWith(date));
  if (custom.length > 0) return custom.flatMap((a) => a.hours);
  return calendar.openHours
    .filter((open) => open.daysOfTheWeek.includes(weekday))
    .flatMap((open) => open.hours);
}

/** A schedule's date rules replace its weekday rules for that date. */
function scheduleAvailability(schedule: ScheduleRecord): Availability {
  const toHours = (interval: { from: string; to: string }): OpenHours => {
    const [openHour, openMinute] = interval.from.split(":").map(Number);
    const [closeHour, closeMinute] = interval.to.split(":").map(Number);
    return {
      openHour: openHour ?? 0,
      openMinute: openMinute ?? 0,
      closeHour: closeHour ?? 0,
      closeMinute: closeMinute ?? 0,
    };
  };
  return {
    zone: schedule.timezone,
    hoursOn(date, weekday) {
      const dated = schedule.rules.filter((rule) => rule.type === "date" && rule.date === date);
      const rules = dated.length
        ? dated
        : schedule.rules.filter((rule) => rule.type === "wday" && rule.day === WEEKDAYS[weekday]);
      return rules.flatMap((rule) => rule.intervals.map(toHours));
    },
  };
}

/** Every slot start the hours allow on the local days that `from`..`to` touch. */
function candidateStarts(
  calendar: CalendarRecord,
  availability: Availability,
  from: number,
  to: number,
): number[] {
  const { zone } = availability;
  const length = durationMs(calendar.slotDuration, calendar.slotDurationUnit);
  const step = durationMs(calendar.slotInterval, calendar.slotIntervalUnit) || length;
  const last = Date.parse(`${isoWithOffset(to, zone).slice(0, 10)}T00:00:00Z`);
  const starts: number[] = [];
  for (
    let day = Date.parse(`${isoWithOffset(from, zone).slice(0, 10)}T00:00:00Z`);
    day <= last;
    day += DAY_MS
  ) {
    const date = new Date(day).toISOString().slice(0, 10);
    for (const hours of availability.hoursOn(date, new Date(day).getUTCDay())) {
      const open = wallClockTime(date, hours.openHour, hours.openMinute, zone);
      const close = wallClockTime(date, hours.closeHour, hours.closeMinute, zone);
      for (let start = open; start + length <= close && step > 0; start += step) {
        starts.push(start);
      }
    }
  }
  return starts;
}

function busyAppointments(
  store: SandboxStore,
  locationId: string,
  ignoreEventId?: string,
): AppointmentRecord[] {
  return [...store.appointments.values()].filter(
    (a) =>
      a.locationId === locationId && a.id !== ignoreEventId && !RELEASED.has(a.appointmentStatus),
  );
}

function overlaps(start: number, end: number, event: { startTime: string; endTime: string }) {
  return start < Date.parse(event.endTime) && Date.parse(event.startTime) < end;
}
