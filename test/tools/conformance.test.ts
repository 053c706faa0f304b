// Every tool's request, checked against the official (patched) spec operation it claims to call:
// method, path, Version header, scopes, declared query parameters, and a body GHL's whitelist
// validation accepts — with every optional argument set, and with only the required ones.
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { z } from "zod";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { StaticCredential } from "../../src/auth/credentials.js";
import { GhlClient } from "../../src/ghl/client.js";
import { silentLogger } from "../../src/logger.js";
import { findOperation, getOperation } from "../../src/spec/operations.js";
import { validateBody, validateQuery } from "../../src/spec/validate.js";
import { executeTool } from "../../src/tools/framework.js";
import { allTools } from "../../src/tools/index.js";
import { sample } from "../support/sample-input.js";

const BASE = "http://127.0.0.1:9";
const server = setupServer();
const seen: { method: string; url: URL; headers: Headers; body: unknown }[] = [];

beforeAll(() => {
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const text = await request.text();
      seen.push({
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body: text ? JSON.parse(text) : undefined,
      });
      return HttpResponse.json({});
    }),
  );
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const client = new GhlClient({
  baseUrl: BASE,
  credentials: new StaticCredential("pit-conformance"),
  logger: silentLogger,
});
const context = { client, locationId: "loc123", companyId: "co123" };

/** Cross-field rules the JSON Schema cannot express. */
const OVERRIDES: Record<string, Record<string, unknown>> = {
  contacts_bulk_update_tags: { type: "remove" },
  contacts_search: { filters: [{ field: "tags", operator: "eq", value: "lead" }] },
  contacts_find_duplicate: { email: "jane.cooper@example.com" },
  // A code from the spec's country enum, which the advertised schema leaves out for its size.
  locations_create: { more: { country: "US" } },
  // GHL lists events only for a calendar, a user or a group: one of the three is needed.
  calendars_list_events: { calendarId: "cal123" },
  calendars_list_blocked_slots: { calendarId: "cal123" },
  // Values the advertised schema cannot describe without a pattern: a zone, HH:MM clock times.
  calendars_get_free_slots: { more: { timezone: "America/Chicago" } },
  calendars_create: { openHours: ["Mon,Tue 09:00-17:30"] },
  calendars_update: { openHours: ["Sat 08:00-12:00"] },
  calendars_create_schedule: { timezone: "America/Chicago", rules: ["Mon-Fri 09:00-17:00"] },
  calendars_update_schedule: { timezone: "America/Chicago", rules: ["2026-12-24 09:00-12:00"] },
  // A lost reason goes only with status lost.
  opportunities_update_status: { status: "lost" },
  // An SMS needs its text, a schedule must lie ahead; message types are checked, not advertised.
  conversations_send_message: {
    message: "See you at 7am",
    scheduledAt: "2030-01-15T09:00:00-06:00",
  },
  conversations_list_messages: { types: ["TYPE_SMS", "TYPE_EMAIL"] },
};

const singleCallTools = allTools.filter((tool) => tool.http);

describe("every single-call tool", () => {
  it.each(singleCallTools.map((tool) => [tool.name, tool] as const))(
    "%s names a spec operation with its method, path and scopes",
    (_name, tool) => {
      const operation = getOperation(tool.operation ?? "");
      expect(operation, `${tool.name}.operation`).toBeDefined();
      expect(tool.http!.method).toBe(operation!.method);
      expect(tool.http!.path).toBe(operation!.path);
      expect(tool.http!.version).toBe(operation!.version);
      expect([...tool.scopes].sort()).toEqual([...operation!.scopes].sort());
    },
  );

  for (const mode of ["full", "minimal"] as const) {
    it.each(singleCallTools.map((tool) => [tool.name, tool] as const))(
      `%s sends a request the spec accepts (${mode} arguments)`,
      async (_name, tool) => {
        const schema = z.toJSONSchema(tool.input, { io: "input" }) as Record<string, unknown>;
        const args = { ...(sample(schema, mode) as object), ...OVERRIDES[tool.name] };
        const result = await executeTool(tool, args, context);
        expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
        expect(seen).toHaveLength(1);

        const request = seen[0]!;
        const match = findOperation(request.method, request.url.pathname);
        expect(match?.operation.key).toBe(tool.operation);
        expect(request.headers.get("version")).toBe(match!.operation.version);

        const query = Object.fromEntries(
          [...request.url.searchParams.keys()].map((key) => {
            const values = request.url.searchParams.getAll(key);
            return [key, values.length > 1 ? values : values[0]!];
          }),
        );
        expect(validateQuery(match!.operation, query).messages).toEqual([]);
        expect(validateBody(match!.operation, request.body).messages).toEqual([]);
      },
    );
  }
});
