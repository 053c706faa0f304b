// Every Locations tool over real stdio against the sandbox playing GoHighLevel: locations and the
// agency, custom fields, custom values, tags and task search each change what they should, agency
// calls say plainly what they need, and invalid input is refused before GHL sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { allTools } from "../../src/tools/index.js";
import {
  againstSandbox,
  withAgency,
  connectStdio,
  textOf,
  type TestClient,
} from "../support/mcp-clients.js";

let sandbox: Sandbox;
let client: TestClient;

const toolNames = allTools.filter((t) => t.toolset === "locations").map((t) => t.name);

beforeAll(async () => {
  sandbox = await startSandbox();
  client = await connectStdio("current (2026-07-28)", [
    ...againstSandbox(sandbox),
    ...withAgency(sandbox),
  ]);
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});

function call<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}) {
  return client.callOk<T>(name, args);
}

function contactNamed(firstName: string, lastName: string) {
  return [...sandbox.store.contacts.values()].find(
    (c) => c.firstName === firstName && c.lastName === lastName,
  )!;
}

describe("the Locations toolset over stdio", () => {
  it("lists every locations tool", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(toolNames));
  });

  it("lists the agency's locations, newest first when asked", async () => {
    const page = await call<{ locations: { name: string }[]; nextCursor?: string }>(
      "locations_list",
      { order: "desc" },
    );
    expect(page.locations.map((l) => l.name).slice(0, 2)).toEqual([
      "Lakeview Yoga Loft",
      "Northside Strength Studio",
    ]);
  });

  it("gets the configured location and the agency", async () => {
    const { location } = await call<{ location: Record<string, unknown> }>("locations_get");
    expect(location).toMatchObject({ id: sandbox.locationId, timezone: "America/Chicago" });

    const { company } = await call<{ company: Record<string, unknown> }>("locations_get_company");
    expect(company).toMatchObject({ id: sandbox.companyId, name: "Lakeshore Fitness Marketing" });
  });

  it("creates a location from a snapshot with the agency token", async () => {
    const [snapshot] = sandbox.store.snapshots.values();
    const result = await client.callTool("locations_create", {
      name: "Wicker Park Boxing",
      more: {
        country: "US",
        timezone: "America/Chicago",
        snapshotId: snapshot!.id,
        city: "Chicago",
        settings: { allowDuplicateContact: true },
      },
    });
    expect(textOf(result)).toMatch(/^Created location Wicker Park Boxing/);
    const { location } = result.structuredContent as { location: { id: string } };
    expect(sandbox.store.locations.get(location.id)).toMatchObject({
      companyId: sandbox.companyId,
      city: "Chicago",
      allowDuplicateContact: true,
    });
  });

  it("creates, lists, renames and deletes a custom field, and deletion clears contact values", async () => {
    const created = await call<{ customField: { id: string; fieldKey: string } }>(
      "locations_create_custom_field",
      { name: "Injury Notes", dataType: "LARGE_TEXT", more: { placeholder: "Knees, back" } },
    );
    expect(created.customField.fieldKey).toBe("contact.injury_notes");
    const id = created.customField.id;
    const jane = contactNamed("Jane", "Cooper");
    jane.customFields.push({ id, value: "Left knee" });

    const listed = await call<{ customFields: { id: string }[] }>("locations_list_custom_fields");
    expect(listed.customFields.map((f) => f.id)).toContain(id);

    await call("locations_update_custom_field", { fieldId: id, name: "Injuries" });
    expect(sandbox.store.customFields.get(id)).toMatchObject({
      name: "Injuries",
      fieldKey: "contact.injury_notes",
    });

    await call("locations_delete_custom_field", { fieldId: id });
    expect(sandbox.store.customFields.has(id)).toBe(false);
    expect(jane.customFields.map((v) => v.id)).not.toContain(id);
  });

  it("lists opportunity fields when asked for every model", async () => {
    const all = await call<{ customFields: { model: string }[] }>("locations_list_custom_fields", {
      model: "all",
    });
    expect(all.customFields.map((f) => f.model)).toContain("opportunity");
  });

  it("creates, reads, updates and deletes a custom value", async () => {
    const { customValue } = await call<{ customValue: { id: string; fieldKey: string } }>(
      "locations_create_custom_value",
      { name: "Head Coach", value: "Priya Shah" },
    );
    expect(customValue.fieldKey).toBe("{{ custom_values.head_coach }}");
    const valueId = customValue.id;

    await call("locations_update_custom_value", {
      valueId,
      name: "Head Coach",
      value: "Diego Alvarez",
    });
    const read = await call<{ customValue: { value: string } }>("locations_get_custom_value", {
      valueId,
    });
    expect(read.customValue.value).toBe("Diego Alvarez");

    const listed = await call<{ customValues: { id: string }[] }>("locations_list_custom_values");
    expect(listed.customValues.map((v) => v.id)).toContain(valueId);

    await call("locations_delete_custom_value", { valueId });
    expect(sandbox.store.customValues.has(valueId)).toBe(false);
  });

  it("creates, reads, renames and deletes a tag, on contacts too", async () => {
    const { tag } = await call<{ tag: { id: string; name: string } }>("locations_create_tag", {
      name: "Summer Promo",
    });
    expect(tag.name).toBe("summer promo");
    const jane = contactNamed("Jane", "Cooper");
    jane.tags.push("summer promo");

    const read = await call<{ tag: { name: string } }>("locations_get_tag", { tagId: tag.id });
    expect(read.tag.name).toBe("summer promo");

    await call("locations_update_tag", { tagId: tag.id, name: "Summer 2026" });
    expect(jane.tags).toContain("summer 2026");

    const listed = await call<{ tags: { name: string }[] }>("locations_list_tags");
    expect(listed.tags.map((t) => t.name)).toContain("summer 2026");

    await call("locations_delete_tag", { tagId: tag.id });
    expect(sandbox.store.tags.has(tag.id)).toBe(false);
    expect(jane.tags).not.toContain("summer 2026");
  });

  it("searches tasks across contacts with filters, with names, a page at a time", async () => {
    const jane = contactNamed("Jane", "Cooper");
    const open = await call<{ tasks: Record<string, unknown>[] }>("locations_search_tasks", {
      more: { contactIds: [jane.id] },
      completed: false,
    });
    expect(open.tasks).toEqual([
      expect.objectContaining({
        title: "Follow-up call about renewing her 10-session package",
        contactName: "Jane Cooper",
        assigneeName: expect.any(String),
      }),
    ]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<{ tasks: { id: string }[]; nextCursor?: string }>(
        "locations_search_tasks",
        { limit: 4, ...(cursor && { cursor }) },
      );
      seen.push(...page.tasks.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...sandbox.store.tasks.keys()].sort());
  });

  it.each(toolNames)(
    "refuses invalid input to %s with an isError naming the field, sending nothing",
    async (name) => {
      const before = sandbox.requests.length;
      const result = await client.callTool(name, { notAnArgument: 1, limit: "many" });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/notAnArgument/);
      expect(sandbox.requests.length).toBe(before);
    },
  );

  it("refuses a country that is not a 2-letter code before calling GHL", async () => {
    const before = sandbox.requests.length;
    const result = await client.callTool("locations_create", {
      name: "X",
      more: { country: "USA" },
    });
    expect(textOf(result)).toMatch(/country: must be a 2-letter country code/);
    expect(sandbox.requests.length).toBe(before);
  });
});

describe("agency-level location tools with a sub-account token only", () => {
  let subAccountOnly: TestClient;

  beforeAll(async () => {
    const token = sandbox.mintToken({ kind: "location-pit" });
    subAccountOnly = await connectStdio("current (2026-07-28)", [
      ...againstSandbox(sandbox, token),
      "--company-id",
      sandbox.companyId,
    ]);
  });
  afterAll(() => subAccountOnly.close());

  it.each(["locations_create", "locations_get_company"])(
    "%s says plainly it needs an agency token and GHL_COMPANY_ID",
    async (name) => {
      const args = name === "locations_create" ? { name: "Nope" } : {};
      const result = await subAccountOnly.callTool(name, args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/needs an agency token/);
      expect(textOf(result)).toMatch(/GHL_AGENCY_TOKEN.*GHL_COMPANY_ID/s);
    },
  );

  it("still lists the token's own location, which a sub-account token may search", async () => {
    const result = await subAccountOnly.callTool("locations_list", {});
    expect(result.structuredContent).toMatchObject({
      locations: [expect.objectContaining({ id: sandbox.locationId })],
    });
  });
});

describe("agency-level location tools without GHL_COMPANY_ID", () => {
  let noCompany: TestClient;

  beforeAll(async () => {
    noCompany = await connectStdio("current (2026-07-28)", againstSandbox(sandbox));
  });
  afterAll(() => noCompany.close());

  it("refuses to get the company, naming companyId and GHL_COMPANY_ID, sending nothing", async () => {
    const before = sandbox.requests.length;
    const result = await noCompany.callTool("locations_get_company", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/companyId.*GHL_COMPANY_ID/s);
    expect(sandbox.requests.length).toBe(before);
  });
});
