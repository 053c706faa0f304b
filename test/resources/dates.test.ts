// Days as the location lives them: its today, its midnights across daylight saving, and the dates
// offered while a person types.
import { describe, expect, it } from "vitest";
import { completeDate, dayIn, endOfDay, startOfDay } from "../../src/resources/dates.js";

const CHICAGO = "America/Chicago";
/** 2026-03-06 (a Friday) at 23:30 in Chicago, which is already the 7th in UTC. */
const FRIDAY_LATE = Date.parse("2026-03-07T05:30:00Z");

describe("location days", () => {
  it("takes today from the location's zone, not from UTC", () => {
    expect(dayIn(FRIDAY_LATE, CHICAGO)).toBe("2026-03-06");
    expect(dayIn(FRIDAY_LATE, "UTC")).toBe("2026-03-07");
  });

  it("bounds a day by its local midnights, with the offset of each night", () => {
    expect(startOfDay("2026-03-08", CHICAGO)).toBe("2026-03-08T00:00:00-06:00");
    expect(endOfDay("2026-03-08", CHICAGO)).toBe("2026-03-09T00:00:00-05:00");
    expect(startOfDay("2026-07-01", "UTC")).toBe("2026-07-01T00:00:00+00:00");
  });

  it("offers the next two weeks, by date prefix, weekday or word", () => {
    expect(completeDate("", FRIDAY_LATE, CHICAGO)).toHaveLength(14);
    expect(completeDate("", FRIDAY_LATE, CHICAGO)[0]).toBe("2026-03-06");
    expect(completeDate("today", FRIDAY_LATE, CHICAGO)).toEqual(["2026-03-06"]);
    expect(completeDate("Tomorrow", FRIDAY_LATE, CHICAGO)).toEqual(["2026-03-07"]);
    expect(completeDate("mon", FRIDAY_LATE, CHICAGO)).toEqual(["2026-03-09", "2026-03-16"]);
    const tenth = completeDate("2026-03-1", FRIDAY_LATE, CHICAGO);
    expect(tenth).toHaveLength(10);
    expect([tenth[0], tenth.at(-1)]).toEqual(["2026-03-10", "2026-03-19"]);
  });
});
