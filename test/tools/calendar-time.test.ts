import { describe, expect, it } from "vitest";

import {
  eventWindowQuery,
  freeSlotsQuery,
  parseOpenHours,
  parseScheduleLine,
  readOpenHours,
  readScheduleRules,
  slotDays,
  toScheduleRules,
} from "../../src/tools/calendar-time.js";

describe("open hours lines", () => {
  it("reads a weekday range with its opening and closing time", () => {
    expect(parseOpenHours("Mon-Fri 09:00-17:30")).toEqual({
      daysOfTheWeek: [1, 2, 3, 4, 5],
      hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 30 }],
    });
  });

  it("reads listed days, full day names and a range across the weekend", () => {
    expect(parseOpenHours("Tue,Thursday 10:00-18:00")?.daysOfTheWeek).toEqual([2, 4]);
    expect(parseOpenHours("Sat-Sun 8:00-12:00")?.daysOfTheWeek).toEqual([0, 6]);
  });

  it.each(["weekdays 9-5", "Mon-Fri 17:00-09:00", "Mon-Fri 09:00-24:00", "Xyz 09:00-10:00"])(
    "refuses %j",
    (line) => {
      expect(parseOpenHours(line)).toBeUndefined();
    },
  );

  it("writes GHL's hours back as the same lines", () => {
    const lines = ["Mon-Fri 06:00-20:00", "Sat 08:00-14:00", "Tue,Thu 10:00-18:00"];
    expect(readOpenHours(lines.map((line) => parseOpenHours(line)))).toEqual(lines);
  });
});

describe("schedule rules", () => {
  it("turns weekday and date lines into one rule per day with all its intervals", () => {
    expect(
      toScheduleRules(["Mon 09:00-12:00", "Mon 13:00-17:00", "2026-12-24 09:00-12:00"]),
    ).toEqual([
      {
        type: "wday",
        day: "monday",
        intervals: [
          { from: "09:00", to: "12:00" },
          { from: "13:00", to: "17:00" },
        ],
      },
      { type: "date", date: "2026-12-24", intervals: [{ from: "09:00", to: "12:00" }] },
    ]);
  });

  it("refuses a date that does not exist", () => {
    expect(parseScheduleLine("2026-02-30 09:00-12:00")).toBeUndefined();
  });

  it("joins weekdays with the same hours when reading rules back", () => {
    expect(readScheduleRules(toScheduleRules(["Mon-Fri 09:00-17:00", "Sat 10:00-12:00"]))).toEqual([
      "Mon-Fri 09:00-17:00",
      "Sat 10:00-12:00",
    ]);
  });
});

describe("windows", () => {
  it("sends an event window as epoch-millisecond strings", () => {
    expect(
      eventWindowQuery({
        calendarId: "c1",
        startTime: "2026-12-04T00:00:00-06:00",
        endTime: "2026-12-05T00:00:00-06:00",
      }),
    ).toEqual({ startTime: "1796364000000", endTime: "1796450400000" });
  });

  it("refuses an event window that names no calendar, user or group", () => {
    expect(() =>
      eventWindowQuery({ startTime: "2026-12-04T00:00:00Z", endTime: "2026-12-05T00:00:00Z" }),
    ).toThrow(/calendarId/);
  });

  it("sends a free-slot window as epoch-millisecond numbers, up to 31 days", () => {
    expect(
      freeSlotsQuery({ startDate: "2026-12-01T00:00:00Z", endDate: "2027-01-01T00:00:00Z" }),
    ).toEqual({
      startDate: Date.parse("2026-12-01T00:00:00Z"),
      endDate: Date.parse("2027-01-01T00:00:00Z"),
    });
    expect(() =>
      freeSlotsQuery({ startDate: "2026-12-01T00:00:00Z", endDate: "2027-01-01T00:00:01Z" }),
    ).toThrow(/31 days/);
  });

  it("reads GHL's free-slot map as days in order, skipping the traceId", () => {
    const body = {
      "2026-12-05": { slots: ["2026-12-05T09:00:00-06:00"] },
      "2026-12-04": { slots: ["2026-12-04T10:00:00-06:00", "2026-12-04T11:00:00-06:00"] },
      traceId: "abc",
    };
    expect(slotDays(body).map((day) => day.date)).toEqual(["2026-12-04", "2026-12-05"]);
  });
});
