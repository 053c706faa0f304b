import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact } from "./http.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => Date.parse("2026-03-09T15:00:00Z") });
});
afterAll(() => sandbox.close());

describe("request validation against the patched spec", () => {
  it("refuses locationId in an update body as a whitelist violation", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "PUT", `/contacts/${id}`, {
      body: { locationId: sandbox.locationId, firstName: "Janey" },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      statusCode: 422,
      message: ["property locationId should not exist"],
      error: "Unprocessable Entity",
    });
    expect(response.body.traceId).toEqual(expect.any(String));
  });

  it("lists every unknown property of a body at once", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "PUT", `/contacts/${id}`, {
      body: { gender: "female", additionalEmails: [] },
    });
    expect(response.body.message).toEqual([
      "property gender should not exist",
      "property additionalEmails should not exist",
    ]);
  });

  it("lists every missing required field of a task in class-validator words", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "POST", `/contacts/${id}/tasks`, { body: {} });
    expect(response.status).toBe(422);
    expect(response.body.message).toEqual([
      "title should not be empty",
      "title must be a string",
      "dueDate must be a valid ISO 8601 date string",
      "completed must be a boolean value",
    ]);
  });

  it("refuses a contact search without locationId and pageLimit, naming both", async () => {
    const response = await call(sandbox, "POST", "/contacts/search", { body: { query: "jane" } });
    expect(response.status).toBe(422);
    expect(response.body.message).toEqual(
      expect.arrayContaining([
        "locationId should not be empty",
        "pageLimit must be an integer number",
      ]),
    );
  });

  it("refuses a query parameter the operation does not declare", async () => {
    const response = await call(
      sandbox,
      "GET",
      `/contacts/?locationId=${sandbox.locationId}&sortBy=name`,
    );
    expect(response.status).toBe(422);
    expect(response.body.message).toEqual(["property sortBy should not exist"]);
  });

  it("refuses a deprecated list limit above 100", async () => {
    const response = await call(
      sandbox,
      "GET",
      `/contacts/?locationId=${sandbox.locationId}&limit=101`,
    );
    expect(response.status).toBe(422);
    expect(response.body.message).toEqual(["limit must not be greater than 100"]);
  });

  it("answers a body that is not JSON with a 400", async () => {
    const response = await fetch(`${sandbox.url}/contacts/`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${sandbox.tokens.location}`,
        Version: "2021-07-28",
        "Content-Type": "application/json",
      },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });

  it("answers an unknown contact id with the platform's 400", async () => {
    const response = await call(sandbox, "GET", "/contacts/lookup");
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Contact with id lookup not found");
  });
});
