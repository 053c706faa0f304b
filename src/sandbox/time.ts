// Time formatting the platform uses: record timestamps in UTC with milliseconds, appointment times
// with the location's UTC offset (PLATFORM.md §7.6).

export const DAY_MS = 24 * 60 * 60 * 1000;

export function isoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The zone's offset from UTC at an instant, in minutes (America/Chicago in July: -300). */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(epochMs));
  const field = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/** `2026-03-10T09:00:00-05:00`: the instant as wall-clock time in the zone, with its offset. */
export function isoWithOffset(epochMs: number, timeZone: string): string {
  const offset = offsetMinutes(epochMs, timeZone);
  const local = new Date(epochMs + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${local}${sign}${hours}:${minutes}`;
}

/** The instant of a wall-clock time `days` days from the zone's current date. */
export function zonedTime(
  nowMs: number,
  timeZone: string,
  days: number,
  hour: number,
  minute = 0,
): number {
  const today = isoWithOffset(nowMs, timeZone).slice(0, 10);
  const wallClock = Date.parse(`${today}T00:00:00Z`) + days * DAY_MS + (hour * 60 + minute) * 60000;
  // Correct by the offset at the target instant, so a DST change in between is honoured.
  const guess = wallClock - offsetMinutes(wallClock, timeZone) * 60000;
  return wallClock - offsetMinutes(guess, timeZone) * 60000;
}

/** The instant a wall clock in the zone shows `hour:minute` on `date` (YYYY-MM-DD). */
export function wallClockTime(
  date: string,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wallClock = Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60000;
  const guess = wallClock - offsetMinutes(wallClock, timeZone) * 60000;
  return wallClock - offsetMinutes(guess, timeZone) * 60000;
}
