// Which resources a server offers, and how a URI finds its resource.
import { describe, expect, it } from "vitest";
import { ScopeSet } from "../../src/auth/scopes.js";
import { matchUri, selectResources } from "../../src/resources/catalog.js";

const names = (kinds: { name: string }[]) => kinds.map((kind) => kind.name);

describe("the resource catalog", () => {
  it("offers every resource when every tool is exposed, read-only or not", () => {
    expect(names(selectResources())).toEqual(names(selectResources({ readOnly: true })));
    expect(names(selectResources())).toEqual(
      expect.arrayContaining(["contact", "calendar-events", "calendar-free-slots", "tasks-due"]),
    );
  });

  it("offers only the resources whose tools the chosen toolsets expose", () => {
    expect(names(selectResources({ toolsets: ["calendars"] }))).toEqual([
      "calendars",
      "calendar",
      "calendar-events",
      "calendar-upcoming",
      "calendar-free-slots",
    ]);
  });

  it("offers no contact resource to a credential without contact scopes", () => {
    const scopes = ScopeSet.parse("calendars.readonly calendars/events.readonly");
    expect(names(selectResources({ scopes }))).not.toContain("contact");
  });

  it("tells a calendar's coming week from a window of days by the query", () => {
    const kinds = selectResources();
    const base = "ghl://locations/L1/calendars/C1/events";
    expect(matchUri(base, kinds)?.kind.name).toBe("calendar-upcoming");
    expect(matchUri(`${base}?from=2026-12-01&to=2026-12-07`, kinds)).toMatchObject({
      kind: { name: "calendar-events" },
      variables: { locationId: "L1", calendarId: "C1", from: "2026-12-01", to: "2026-12-07" },
    });
    expect(matchUri("ghl://locations/L1/contacts/X/tasks", kinds)?.kind.name).toBe("contact-tasks");
    expect(matchUri("ghl://elsewhere/contacts/X", kinds)).toBeUndefined();
  });
});
