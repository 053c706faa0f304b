// Every Users tool over real stdio against the sandbox playing GoHighLevel: with a sub-account
// token alone (the company id read from the location) and with an agency token and GHL_COMPANY_ID.
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
let subAccount: TestClient;
let agency: TestClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  subAccount = await connectStdio("current (2026-07-28)", againstSandbox(sandbox));
  agency = await connectStdio("current (2026-07-28)", [
    ...againstSandbox(sandbox),
    ...withAgency(sandbox),
  ]);
});
afterAll(async () => {
  await subAccount.close();
  await agency.close();
  await sandbox.close();
});

async function call<T = Record<string, unknown>>(
  name: string,
  args: Record<string, unknown> = {},
  client = subAccount,
): Promise<T> {
  const result = await client.callTool(name, args);
  expect(result.isError, `${name}: ${textOf(result)}`).toBeFalsy();
  return result.structuredContent as T;
}

function staff(firstName: string) {
  return [...sandbox.store.users.values()].find((u) => u.firstName === firstName)!;
}

type UserPage = { users: { id: string; name: string }[]; nextCursor?: string; total?: number };

describe("the Users toolset over stdio", () => {
  it("searches users with a sub-account token, reading the company from the location once", async () => {
    const first = await call<UserPage>("users_search", { query: "Priya" });
    expect(first.users.map((u) => u.name)).toEqual(["Priya Shah"]);
    await call("users_search", { role: "admin" });

    const lookups = sandbox.requests.filter((r) => r.path === `/locations/${sandbox.locationId}`);
    expect(lookups).toHaveLength(1);
    const searches = sandbox.requests.filter((r) => r.path === "/users/search");
    for (const search of searches) {
      expect(search.query).toMatchObject({
        companyId: sandbox.companyId,
        locationId: sandbox.locationId,
      });
    }
  });

  it("sends the configured company without a lookup, and pages with the cursor", async () => {
    const before = sandbox.requests.length;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<UserPage>(
        "users_search",
        { limit: 2, ...(cursor && { cursor }) },
        agency,
      );
      seen.push(...page.users.map((u) => u.id));
      expect(page.total).toBe(5);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
    const sent = sandbox.requests.slice(before);
    expect(sent.every((r) => r.path === "/users/search")).toBe(true);
    expect(sent.at(-1)!.query).toMatchObject({ skip: "4", limit: "2" });
  });

  it("finds users by email with the agency token", async () => {
    const found = await call<UserPage>(
      "users_filter_by_email",
      { emails: ["hannah@northsidestrength.com", "tyler@nowhere.example"] },
      agency,
    );
    expect(found.users.map((u) => u.name)).toEqual(["Hannah Kim"]);
    expect(sandbox.requests.at(-1)!.body).toMatchObject({
      companyId: sandbox.companyId,
      emails: "hannah@northsidestrength.com,tyler@nowhere.example",
    });
  });

  it("says plainly that finding users by email needs the agency id", async () => {
    const before = sandbox.requests.length;
    const result = await subAccount.callTool("users_filter_by_email", {
      emails: ["hannah@northsidestrength.com"],
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/GHL_COMPANY_ID/);
    expect(sandbox.requests.length).toBe(before);
  });

  it("gets a user with roles and permissions, and lists a location's users", async () => {
    const priya = staff("Priya");
    const { user } = await call<{ user: { roles: object; permissions: object } }>("users_get", {
      userId: priya.id,
    });
    expect(user.roles).toMatchObject({ role: "user", locationIds: [sandbox.locationId] });
    expect(user.permissions).toMatchObject({ contactsEnabled: true });

    const listed = await call<UserPage>("users_list_by_location");
    expect(listed.users).toHaveLength(5);
  });

  it("creates, updates and deletes a user, whose opportunities become unassigned", async () => {
    const { user } = await call<{ user: { id: string } }>("users_create", {
      firstName: "Lena",
      lastName: "Park",
      email: "lena@northsidestrength.com",
      password: "correct horse battery",
      more: { phone: "(312) 555-0177", permissions: { websitesEnabled: true } },
    });
    expect(sandbox.store.users.get(user.id)).toMatchObject({
      companyId: sandbox.companyId,
      locationIds: [sandbox.locationId],
      type: "account",
      role: "user",
      phone: "+13125550177",
    });

    await call("users_update", {
      userId: user.id,
      more: { role: "admin", lastName: "Park-Lee" },
    });
    expect(sandbox.store.users.get(user.id)).toMatchObject({ role: "admin", lastName: "Park-Lee" });

    const deal = [...sandbox.store.opportunities.values()][0]!;
    deal.assignedTo = user.id;
    await call("users_delete", { userId: user.id });
    expect(sandbox.store.users.get(user.id)?.deleted).toBe(true);
    expect(sandbox.store.opportunities.get(deal.id)?.assignedTo).toBeUndefined();
  });

  it("refuses a permission GHL does not have before calling GHL", async () => {
    const before = sandbox.requests.length;
    const result = await subAccount.callTool("users_update", {
      userId: staff("Diego").id,
      more: { permissions: { teleportEnabled: true } },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/teleportEnabled/);
    expect(sandbox.requests.length).toBe(before);
  });

  it.each(allTools.filter((t) => t.toolset === "users").map((t) => t.name))(
    "refuses invalid input to %s with an isError naming the field, sending nothing",
    async (name) => {
      const before = sandbox.requests.length;
      const result = await subAccount.callTool(name, { notAnArgument: 1, limit: "many" });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/notAnArgument/);
      expect(sandbox.requests.length).toBe(before);
    },
  );
});
