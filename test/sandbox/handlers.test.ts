import { describe, expect, it } from "vitest";

import { HANDLERS } from "../../src/sandbox/handlers/registry.js";
import { listOperations } from "../../src/spec/operations.js";

describe("the handler registry", () => {
  it("serves every operation of contacts.json", () => {
    const missing = listOperations()
      .filter((operation) => operation.file === "contacts")
      .map((operation) => operation.key)
      .filter((key) => !HANDLERS[key]);
    expect(missing).toEqual([]);
  });

  it("registers handlers only under keys the spec index knows", () => {
    const known = new Set(listOperations().map((operation) => operation.key));
    expect(Object.keys(HANDLERS).filter((key) => !known.has(key))).toEqual([]);
  });
});
