// Calendar days as a location lives them: "today" for a studio in Chicago is Chicago's today, and
// a day runs from its local midnight to the next, whatever zone the server's clock is in.

const DAY_MS = 86_400_000;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(epochMs);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `-05:00`: the zone's offset at an instant. */
function offsetAt(epochMs: number, timeZone: string): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(epochMs)
    .find((part) => part.type === "timeZoneName")?.value;
  const offset = name?.replace(/^GMT/, "") ?? "";
  return offset === "" ? "+00:00" : offset;
}

function offsetMs(offset: string): number {
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(offset) ?? [];
  if (!sign) return 0;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}

/** Local midnight starting `date`, as ISO 8601 with the zone's offset that night (DST-aware). */
export function startOfDay(date: string, timeZone: string): string {
  const wallClock = Date.parse(`${date}T00:00:00Z`);
  const guess = wallClock - offsetMs(offsetAt(wallClock, timeZone));
  return `${date}T00:00:00${offsetAt(guess, timeZone)}`;
}

/** Local midnight ending `date` (the start of the next day). */
export function endOfDay(date: string, timeZone: string): string {
  return startOfDay(addDays(date, 1), timeZone);
}

export function isDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/**
 * Dates a person may mean while typing: the next two weeks, matched by the date's own prefix
 * ("2026-03-1"), by "today" / "tomorrow", or by a weekday's name ("fri").
 */
export function completeDate(typed: string, nowMs: number, timeZone: string): string[] {
  const today = dayIn(nowMs, timeZone);
  const needle = typed.trim().toLowerCase();
  const days = Array.from({ length: 14 }, (_, index) => addDays(today, index));
  return days.filter((day, index) => {
    if (needle === "" || day.startsWith(needle)) return true;
    const weekday = WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]!;
    const words = [weekday, index === 0 ? "today" : "", index === 1 ? "tomorrow" : ""];
    return words.some((word) => word !== "" && word.startsWith(needle));
  });
}
