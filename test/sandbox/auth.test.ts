import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact } from "./http.js";

let clock = Date.parse("2026-03-09T15:00:00Z");
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => clock });
});
afterAll(() => sandbox.close());

describe("the sandbox's IAM layer", () => {
  it("refuses a request without a bearer token as an invalid JWT", async () => {
    const response = await call(sandbox, "GET", "/contacts/abc", { token: null });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("Invalid JWT");
  });

  it("refuses an unknown JWT-shaped token as an invalid JWT", async () => {
    const response = await call(sandbox, "GET", "/contacts/abc", { token: "eyJhbGciOi.x.y" });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("Invalid JWT");
  });

  it("refuses an unknown pit- token as an invalid Private Integration token", async () => {
    const token = "pit-revoked-token-for-tests";
    const response = await call(sandbox, "GET", "/contacts/abc", { token });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("Invalid Private Integration token");
  });

  it("refuses an OAuth access token once it has expired", async () => {
    const token = sandbox.mintToken({ kind: "location-oauth", expiresInMs: 1000 });
    clock += 2000;
    const response = await call(sandbox, "GET", "/contacts/abc", { token });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("Invalid JWT");
  });

  it("accepts an OAuth location token before it expires", async () => {
    const token = sandbox.mintToken({ kind: "location-oauth" });
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "GET", `/contacts/${id}`, { token });
    expect(response.status).toBe(200);
  });

  it("refuses a request without a Version header", async () => {
    const response = await call(sandbox, "GET", "/contacts/abc", { version: null });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("version header was not found.");
  });

  it("refuses an unpublished Version value with a 400", async () => {
    const response = await call(sandbox, "GET", "/contacts/abc", { version: "bogus-version" });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Invalid API version segment 'bogus-version' at position 0");
  });

  it.each(["2021-04-15", "2021-07-28", "2023-02-21", "v3"])(
    "accepts Version %s on a contacts route",
    async (version) => {
      const { id } = seededContact(sandbox, "Jane", "Cooper");
      const response = await call(sandbox, "GET", `/contacts/${id}`, { version });
      expect(response.status).toBe(200);
    },
  );

  it("answers an unknown path with NestJS's 404", async () => {
    const response = await call(sandbox, "GET", "/contacts/abc/nothing-here");
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      statusCode: 404,
      message: "Cannot GET /contacts/abc/nothing-here",
    });
  });

  it("answers a known path under the wrong method with the IAM 401", async () => {
    const response = await call(sandbox, "PATCH", "/contacts/abc");
    expect(response.status).toBe(401);
    expect(response.body.message).toBe(
      "This route is not yet supported by the IAM Service. Please update your IAM config.",
    );
  });

  it("answers a spec route without a handler with 501 naming the operation", async () => {
    const response = await call(sandbox, "GET", "/oauth/installedLocations?companyId=abc");
    expect(response.status).toBe(501);
    expect(response.body.message).toBe(
      "The ghl-mcp sandbox does not implement oauth/get-installed-location yet",
    );
  });

  it("refuses an agency PIT on a contacts route for lack of scope", async () => {
    const response = await call(sandbox, "GET", `/contacts/?locationId=${sandbox.locationId}`, {
      token: sandbox.tokens.agency,
    });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("The token is not authorized for this scope.");
  });

  it("refuses an agency PIT holding the scope as a user type mismatch", async () => {
    const token = sandbox.mintToken({ kind: "agency-pit", scopes: ["contacts.readonly"] });
    const response = await call(sandbox, "GET", `/contacts/?locationId=${sandbox.locationId}`, {
      token,
    });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("Token's user type mismatch!");
  });

  it("refuses a Company OAuth token on a sub-account route by its authClass", async () => {
    const token = sandbox.mintToken({ kind: "agency-oauth", scopes: ["contacts.readonly"] });
    const response = await call(sandbox, "GET", `/contacts/?locationId=${sandbox.locationId}`, {
      token,
    });
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(
      /^This authClass type is not allowed to access this scope\./,
    );
  });

  it("refuses a write with a read-only token for lack of scope", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "DELETE", `/contacts/${id}`, {
      token: sandbox.tokens.locationReadOnly,
    });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("The token is not authorized for this scope.");
  });

  it("refuses a locationId in the query that is not the token's location", async () => {
    const response = await call(sandbox, "GET", "/contacts/?locationId=someOtherLocation123");
    expect(response.status).toBe(403);
    expect(response.body.message).toBe("The token does not have access to this location.");
  });

  it("refuses a locationId in the body that is not the token's location", async () => {
    const response = await call(sandbox, "POST", "/contacts/", {
      body: { locationId: "someOtherLocation123", firstName: "Ann" },
    });
    expect(response.status).toBe(403);
    expect(response.body.message).toBe("The token does not have access to this location.");
  });

  it("refuses a contact that belongs to another location", async () => {
    const token = sandbox.mintToken({ kind: "location-pit", locationId: "anotherLocation000001" });
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "GET", `/contacts/${id}`, { token });
    expect(response.status).toBe(403);
    expect(response.body.message).toBe("The token does not have access to this location.");
  });

  it("records every request with the authorization header redacted", async () => {
    await call(sandbox, "GET", "/contacts/abc");
    const last = sandbox.requests[sandbox.requests.length - 1];
    expect(last).toMatchObject({ method: "GET", path: "/contacts/abc", status: 400 });
    expect(last?.headers.authorization).toBe("REDACTED");
  });
});

describe("startSandbox", () => {
  it("refuses to listen on an address that is not loopback", async () => {
    await expect(startSandbox({ host: "0.0.0.0" })).rejects.toThrow(/loopback/);
  });
});
