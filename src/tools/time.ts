// Dates and times as tools take them (ISO 8601 with an offset or a time zone) and as each GHL
// endpoint wants them: ISO in UTC, epoch milliseconds, or mm-dd-yyyy.
import { z } from "zod";
import { GhlError } from "../ghl/errors.js";

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO 8601 date-time that names its offset (…Z, …-06:00), so the instant is unambiguous.
 * The advertised schema is a string described as such (shorter than a `date-time` format beside
 * a description); the check happens here, with an example in the message.
 */
export function dateTimeInput(description = "ISO+offset") {
  return z
    .string()
    .refine(
      (value) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) &&
        OFFSET.test(value) &&
        !Number.isNaN(Date.parse(value)),
      "must be an ISO 8601 date-time with an offset, e.g. 2026-12-04T15:00:00-06:00",
    )
    .describe(description);
}

/** A calendar day, YYYY-MM-DD. */
export function dateInput(description: string) {
  return z
    .string()
    .refine(
      (value) =>
        /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
      "must be a date, YYYY-MM-DD",
    )
    .meta({ format: "date" })
    .describe(description);
}

export function toEpochMs(value: string): number {
  return Date.parse(value);
}

/** `2026-12-04T15:00:00Z`: UTC, whole seconds, as GHL's task due dates are written. */
export function toUtcIso(value: string): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `12-04-2026`, the form GET /opportunities/search takes. */
export function toMonthDayYear(value: string): string {
  const [year, month, day] = value.slice(0, 10).split("-");
  return `${month}-${day}-${year}`;
}

/** Refuses a window that is backwards or longer than GHL allows, before anything is sent. */
export function checkRange(
  start: { name: string; value: string },
  end: { name: string; value: string },
  maxDays?: number,
): void {
  const from = Date.parse(start.value);
  const to = Date.parse(end.value);
  if (to < from) {
    throw new GhlError({
      kind: "invalid_input",
      message: `${end.name}: must not be before ${start.name}.`,
      hint: `Give a ${end.name} after ${start.name}.`,
    });
  }
  if (maxDays !== undefined && to - from > maxDays * 86_400_000) {
    throw new GhlError({
      kind: "invalid_input",
      message: `${end.name}: the range from ${start.name} may be at most ${maxDays} days.`,
      hint: `Ask for at most ${maxDays} days at a time, in several calls if needed.`,
    });
  }
}
