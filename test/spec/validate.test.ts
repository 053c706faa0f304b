import { describe, expect, it } from "vitest";

import { getOperation, type SpecOperation } from "../../src/spec/operations.js";
import { validateBody, validateQuery } from "../../src/spec/validate.js";

function operation(key: string): SpecOperation {
  const found = getOperation(key);
  if (!found) throw new Error(`no operation ${key}`);
  return found;
}

describe("validateBody", () => {
  it("accepts a body that matches its DTO", () => {
    const result = validateBody(operation("contacts/create-task"), {
      title: "Call",
      dueDate: "2026-03-10T15:00:00Z",
      completed: false,
    });
    expect(result.messages).toEqual([]);
  });

  it("words a wrong type the way class-validator does", () => {
    const result = validateBody(operation("contacts/update-task-completed"), { completed: "yes" });
    expect(result.messages).toEqual(["completed must be a boolean value"]);
  });

  it("refuses a due date that is not ISO 8601", () => {
    const result = validateBody(operation("contacts/update-task"), { dueDate: "tomorrow" });
    expect(result.messages).toEqual(["dueDate must be a valid ISO 8601 date string"]);
  });

  it("prefixes violations inside nested objects with their path", () => {
    const result = validateBody(operation("contacts/update-contact"), {
      dndSettings: { Email: { status: "paused", reason: "x" } },
    });
    expect(result.messages).toEqual([
      "dndSettings.Email.property reason should not exist",
      "dndSettings.Email.status must be one of the following values: active, inactive, permanent",
    ]);
  });

  it("leaves open an object schema the spec declares without properties", () => {
    const result = validateBody(operation("contacts/add-contact-to-campaign"), { anything: 1 });
    expect(result.messages).toEqual([]);
  });

  it("accepts a date of birth given as a string", () => {
    const result = validateBody(operation("contacts/create-contact"), {
      locationId: "abc",
      dateOfBirth: "1990-04-12",
    });
    expect(result.messages).toEqual([]);
  });

  it("treats a missing body as an empty one", () => {
    const result = validateBody(operation("contacts/create-note"), undefined);
    expect(result.messages).toEqual(["body should not be empty", "body must be a string"]);
  });
});

describe("validateQuery", () => {
  it("coerces query strings to their declared types and applies defaults", () => {
    const result = validateQuery(operation("contacts/get-contacts"), {
      locationId: "abc",
      startAfter: "1700000000000",
    });
    expect(result).toEqual({
      value: { locationId: "abc", startAfter: 1700000000000, limit: 20 },
      messages: [],
    });
  });

  it("names a missing required query parameter", () => {
    const result = validateQuery(operation("contacts/get-contacts"), {});
    expect(result.messages).toEqual([
      "locationId should not be empty",
      "locationId must be a string",
    ]);
  });
});
