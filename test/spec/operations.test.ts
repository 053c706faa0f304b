import { describe, expect, it } from "vitest";

import { findOperation, getOperation, listOperations } from "../../src/spec/operations.js";
import { SPEC_PATCHES } from "../../src/spec/patches.js";

describe("the operation index", () => {
  it("keys each operation by file and operationId", () => {
    expect(getOperation("contacts/get-contact")).toMatchObject({
      method: "GET",
      path: "/contacts/{contactId}",
      version: "2021-07-28",
      scopes: ["contacts.readonly"],
      tokenKinds: ["location-pit", "location-oauth"],
      deprecated: false,
    });
  });

  it("finds /contacts/search before /contacts/{contactId}", () => {
    expect(findOperation("POST", "/contacts/search")?.operation.key).toBe(
      "contacts/search-contacts-advanced",
    );
  });

  it("finds a literal segment before a parameter deeper in the path", () => {
    const match = findOperation("DELETE", "/contacts/abc/campaigns/removeAll");
    expect(match?.operation.key).toBe("contacts/remove-contact-from-every-campaign");
    expect(match?.params).toEqual({ contactId: "abc" });
  });

  it("treats /contacts and /contacts/ as the same path", () => {
    expect(findOperation("GET", "/contacts")?.operation.key).toBe("contacts/get-contacts");
    expect(findOperation("GET", "/contacts/")?.operation.key).toBe("contacts/get-contacts");
  });

  it("takes /contacts/lookup for a contact id, as the platform does", () => {
    expect(findOperation("GET", "/contacts/lookup")?.params).toEqual({ contactId: "lookup" });
  });

  it("finds nothing for a method the path does not serve", () => {
    expect(findOperation("PATCH", "/contacts/abc")).toBeUndefined();
  });

  it("reads the Version of calendars operations as 2021-04-15", () => {
    expect(getOperation("calendars/get-calendars")?.version).toBe("2021-04-15");
  });

  it("marks Agency-Access-Only operations as agency OAuth only", () => {
    expect(getOperation("oauth/get-location-access-token")?.tokenKinds).toEqual(["agency-oauth"]);
  });

  it("marks the deprecated list of contacts as deprecated", () => {
    expect(getOperation("contacts/get-contacts")?.deprecated).toBe(true);
  });

  it("inlines the ../common error schemas and local refs of a request body", () => {
    const body = getOperation("contacts/create-task")?.requestBody;
    expect(JSON.stringify(body)).not.toContain("$ref");
    expect(body?.required).toEqual(["title", "dueDate", "completed"]);
  });

  it("declares every path parameter of every template after patching", () => {
    for (const operation of listOperations()) {
      const inTemplate = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = operation.parameters
        .filter((p) => p.in === "path" && p.required)
        .map((p) => p.name)
        .sort();
      expect(declared, operation.key).toEqual(inTemplate);
    }
  });
});

describe("the spec patches", () => {
  it("give bulk tag update its {type} parameter and contacts.write", () => {
    const operation = getOperation("contacts/create-association");
    expect(operation?.parameters.find((p) => p.name === "type")?.schema.enum).toEqual([
      "add",
      "remove",
    ]);
    expect(operation?.scopes).toEqual(["contacts.write"]);
    expect(operation?.tokenKinds).toEqual(["location-pit", "location-oauth"]);
  });

  it("note the duplicate operationId of bulk tag update", () => {
    expect(getOperation("contacts/create-association")?.notes.join(" ")).toMatch(/collides/);
  });

  it("give bulk business update contacts.write", () => {
    expect(getOperation("contacts/add-remove-contact-from-business")?.scopes).toEqual([
      "contacts.write",
    ]);
  });

  it("give get-email-by-id its {id}, scope and Version", () => {
    expect(getOperation("conversations/get-email-by-id")).toMatchObject({
      scopes: ["conversations/message.readonly"],
      version: "2021-04-15",
      parameters: [{ name: "id", in: "path", required: true }],
    });
  });

  it.each([
    ["calendars/update-appointment-note", "noteId"],
    ["calendars/delete-appointment-note", "noteId"],
    ["users/update-user", "userId"],
    ["users/delete-user", "userId"],
    ["conversations/get-message", "id"],
    ["blogs/update-blog-post", "postId"],
    ["associations/get-association-by-object-keys", "objectKey"],
  ])("give %s its required {%s}", (key, name) => {
    const parameter = getOperation(key)?.parameters.find((p) => p.name === name);
    expect(parameter).toMatchObject({ in: "path", required: true });
  });

  it("give the snapshot operations snapshots.readonly for agency tokens", () => {
    expect(getOperation("snapshots/get-custom-snapshots")).toMatchObject({
      scopes: ["snapshots.readonly"],
      tokenKinds: ["agency-pit", "agency-oauth"],
    });
  });

  it("give contact search a closed body with locationId and pageLimit required", () => {
    const body = getOperation("contacts/search-contacts-advanced")?.requestBody;
    expect(body).toMatchObject({
      required: ["locationId", "pageLimit"],
      additionalProperties: false,
    });
  });

  it("record every patch's reason on the operations it touched", () => {
    const noted = new Set(listOperations().flatMap((operation) => operation.notes));
    for (const patch of SPEC_PATCHES) expect(noted, patch.reason).toContain(patch.reason);
  });
});
