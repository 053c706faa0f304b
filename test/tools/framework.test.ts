import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { StaticCredential } from "../../src/auth/credentials.js";
import { ScopeSet } from "../../src/auth/scopes.js";
import { GhlClient } from "../../src/ghl/client.js";
import { silentLogger } from "../../src/logger.js";
import { executeTool, type ToolContext } from "../../src/tools/framework.js";
import { allTools, selectTools } from "../../src/tools/index.js";

const BASE = "http://127.0.0.1:9";
const server = setupServer();
let requests = 0;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  requests = 0;
});
afterAll(() => server.close());

function context(overrides: Partial<ToolContext> = {}, scopes = ScopeSet.all()): ToolContext {
  const client = new GhlClient({
    baseUrl: BASE,
    credentials: new StaticCredential("pit-test", scopes),
    logger: silentLogger,
  });
  return { client, locationId: "loc1", ...overrides };
}

function tool(name: string) {
  const found = allTools.find((t) => t.name === name);
  if (!found) throw new Error(`no tool ${name}`);
  return found;
}

function countRequests() {
  server.use(
    http.all(`${BASE}/*`, () => {
      requests += 1;
      return HttpResponse.json({ contacts: [{ id: "c1", searchAfter: [1, "c1"] }], total: 1 });
    }),
  );
}

function text(result: { content: unknown[] }): string {
  return (result.content[0] as { text: string }).text;
}

describe("the tool framework", () => {
  it("refuses a contact id that is empty before calling GHL", async () => {
    countRequests();
    const result = await executeTool(tool("contacts_get"), { contactId: "  " }, context());
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/contactId: must be a Contact id/);
    expect(requests).toBe(0);
  });

  it("names a missing required argument", async () => {
    countRequests();
    const result = await executeTool(tool("contacts_create_task"), { contactId: "c1" }, context());
    expect(text(result)).toMatch(/title: is required/);
    expect(text(result)).toMatch(/dueDate: is required/);
    expect(text(result)).toMatch(/nothing was sent/);
    expect(requests).toBe(0);
  });

  it("refuses an unknown argument by name", async () => {
    countRequests();
    const result = await executeTool(
      tool("contacts_get"),
      { contactId: "c1", colour: "red" },
      context(),
    );
    expect(text(result)).toMatch(/unknown argument\(s\) colour/);
    expect(requests).toBe(0);
  });

  it("refuses a due date without a time or offset", async () => {
    const args = { contactId: "c1", title: "Call", dueDate: "tomorrow" };
    const result = await executeTool(tool("contacts_create_task"), args, context());
    expect(text(result)).toMatch(/dueDate: must be an ISO 8601 date-time/);
  });

  it("asks for a location when none is given or configured", async () => {
    countRequests();
    const result = await executeTool(
      tool("contacts_search"),
      {},
      context({ locationId: undefined }),
    );
    expect(text(result)).toMatch(/GHL_LOCATION_ID/);
    expect(requests).toBe(0);
  });

  it("refuses a location outside the caller's allowed set", async () => {
    countRequests();
    const ctx = context({ allowedLocations: new Set(["loc1"]) });
    const result = await executeTool(tool("contacts_search"), { locationId: "loc2" }, ctx);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/loc2 is not one of the locations/);
    expect(requests).toBe(0);
  });

  it("refuses a call the credential has no scope for, naming the scope", async () => {
    countRequests();
    const ctx = context({}, ScopeSet.of(["contacts.readonly"]));
    const result = await executeTool(tool("contacts_delete"), { contactId: "c1" }, ctx);
    expect(text(result)).toMatch(/contacts\.write/);
    expect(requests).toBe(0);
  });

  it("hands back a cursor that continues the same query only", async () => {
    countRequests();
    const search = tool("contacts_search");
    const first = await executeTool(search, { query: "jane", limit: 1 }, context());
    const { nextCursor } = first.structuredContent as { nextCursor: string };
    expect(nextCursor).toEqual(expect.any(String));
    const next = await executeTool(
      search,
      { query: "jane", limit: 1, cursor: nextCursor },
      context(),
    );
    expect(next.isError).toBeFalsy();
    const other = await executeTool(search, { query: "bob", cursor: nextCursor }, context());
    expect(text(other)).toMatch(/cursor: the value belongs to a query with other arguments/);
  });

  it("hands out a list GHL returns whole a page at a time, without a limit argument", async () => {
    const workflows = Array.from({ length: 120 }, (_, i) => ({ id: `w${i}`, name: `Flow ${i}` }));
    server.use(
      http.get(`${BASE}/workflows/`, () => {
        requests += 1;
        return HttpResponse.json({ workflows });
      }),
    );
    const list = tool("workflows_list");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const result = await executeTool(list, { ...(cursor && { cursor }) }, context());
      const page = result.structuredContent as { workflows: { id: string }[]; nextCursor?: string };
      expect(page.workflows.length).toBeLessThanOrEqual(50);
      seen.push(...page.workflows.map((w) => w.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(workflows.map((w) => w.id));
    expect(requests).toBe(3);
  });

  it("answers an unknown field in `more` with the fields it accepts, sending nothing", async () => {
    countRequests();
    const result = await executeTool(
      tool("contacts_create"),
      { firstName: "Jane", more: { zip: "60601" } },
      context(),
    );
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/more: unknown argument\(s\) zip; it accepts .*postalCode/);
    expect(requests).toBe(0);
  });

  it("turns a GHL refusal into an isError result with what to do", async () => {
    server.use(
      http.get(`${BASE}/contacts/c404`, () =>
        HttpResponse.json(
          { statusCode: 400, message: "Contact with id c404 not found" },
          { status: 400 },
        ),
      ),
    );
    const result = await executeTool(tool("contacts_get"), { contactId: "c404" }, context());
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/HTTP 400.*Contact with id c404 not found/);
    expect(text(result)).toMatch(/What to do: .*contacts_find/);
  });
});

describe("callers inside the server", () => {
  it("get a list GHL returns whole in one call when they ask for big pages", async () => {
    const tasks = Array.from({ length: 120 }, (_, i) => ({ id: `t${i}`, title: `Task ${i}` }));
    server.use(
      http.get(`${BASE}/contacts/c1/tasks`, () => {
        requests += 1;
        return HttpResponse.json({ tasks });
      }),
    );
    const result = await executeTool(
      tool("contacts_list_tasks"),
      { contactId: "c1" },
      context({ pageSize: 500 }),
    );
    const page = result.structuredContent as { tasks: unknown[]; nextCursor?: string };
    expect(page.tasks).toHaveLength(120);
    expect(page.nextCursor).toBeUndefined();
    expect(requests).toBe(1);
  });
});

describe("choosing tools", () => {
  it("exposes only tools that change nothing in read-only mode", () => {
    const names = selectTools({ readOnly: true }).map((t) => t.name);
    expect(names).toContain("contacts_find");
    expect(names).not.toContain("contacts_delete");
  });

  it("hides tools whose scopes the credential lacks", () => {
    const names = selectTools({ scopes: ScopeSet.of(["contacts.readonly"]) }).map((t) => t.name);
    expect(names).toContain("contacts_get");
    expect(names).not.toContain("contacts_create");
  });

  it("rejects an unknown toolset with the list of known ones", () => {
    expect(() => selectTools({ toolsets: ["contactz"] })).toThrow(/choose from contacts/);
  });

  it("keeps every tool name snake_case <area>_<action> within 64 characters", () => {
    for (const t of allTools) expect(t.name).toMatch(/^[a-z]+_[a-z0-9_]+$/);
    for (const t of allTools) expect(t.name.length).toBeLessThanOrEqual(64);
  });
});
