import { Writable } from "node:stream";
import { http, HttpResponse, delay } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { StaticCredential } from "../../src/auth/credentials.js";
import { ScopeSet } from "../../src/auth/scopes.js";
import { GhlClient, type GhlRequest } from "../../src/ghl/client.js";
import { GhlError } from "../../src/ghl/errors.js";
import { createLogger } from "../../src/logger.js";

// A loopback address on the discard port: msw answers before anything leaves the process.
const BASE = "http://127.0.0.1:9";
const TOKEN = "pit-00000000-test-0000-0000-000000000000";
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function makeClient(options: { scopes?: string[]; timeoutMs?: number; logs?: string[] } = {}) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      options.logs?.push(String(chunk));
      done();
    },
  });
  return new GhlClient({
    baseUrl: BASE,
    credentials: new StaticCredential(
      TOKEN,
      options.scopes ? ScopeSet.of(options.scopes) : ScopeSet.all(),
    ),
    logger: createLogger("debug", sink),
    timeoutMs: options.timeoutMs ?? 2_000,
  });
}

const getContact: GhlRequest = {
  method: "GET",
  path: "/contacts/{contactId}",
  pathParams: { contactId: "c1" },
  version: "2021-07-28",
  scopes: ["contacts.readonly"],
  resource: "loc1",
  idempotent: true,
};

const createContact: GhlRequest = {
  method: "POST",
  path: "/contacts/",
  body: { locationId: "loc1", firstName: "Jane" },
  version: "2021-07-28",
  scopes: ["contacts.write"],
  resource: "loc1",
  idempotent: false,
};

async function failure(promise: Promise<unknown>): Promise<GhlError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GhlError);
  return error as GhlError;
}

describe("GhlClient", () => {
  it("sends the bearer token, the operation's Version header and a JSON body", async () => {
    let seen: Request | undefined;
    let body: unknown;
    server.use(
      http.post(`${BASE}/contacts/`, async ({ request }) => {
        seen = request;
        body = await request.json();
        return HttpResponse.json({ contact: { id: "c9" } }, { status: 201 });
      }),
    );
    const response = await makeClient().request(createContact);
    expect(response.body).toEqual({ contact: { id: "c9" } });
    expect(seen?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(seen?.headers.get("version")).toBe("2021-07-28");
    expect(seen?.headers.get("content-type")).toBe("application/json");
    expect(body).toEqual({ locationId: "loc1", firstName: "Jane" });
  });

  it("encodes path parameters and repeats array query parameters", async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/calendars/:id/free-slots`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({});
      }),
    );
    await makeClient().request({
      ...getContact,
      path: "/calendars/{calendarId}/free-slots",
      pathParams: { calendarId: "a/b" },
      query: { userIds: ["u1", "u2"], startDate: 5, skip: undefined },
    });
    expect(url?.pathname).toBe("/calendars/a%2Fb/free-slots");
    expect(url?.searchParams.getAll("userIds")).toEqual(["u1", "u2"]);
    expect(url?.searchParams.get("startDate")).toBe("5");
    expect(url?.searchParams.has("skip")).toBe(false);
  });

  it("refuses an out-of-scope call locally, naming the scope, without sending anything", async () => {
    const client = makeClient({ scopes: ["contacts.readonly"] });
    const error = await failure(client.request(createContact));
    expect(error.kind).toBe("missing_scope");
    expect(error.message).toContain("contacts.write");
  });

  it("turns a 401 into an unauthorized error that never repeats the token", async () => {
    server.use(
      http.get(`${BASE}/contacts/c1`, () =>
        HttpResponse.json(
          { statusCode: 401, message: "Invalid Private Integration token" },
          { status: 401 },
        ),
      ),
    );
    const error = await failure(makeClient().request(getContact));
    expect(error.kind).toBe("unauthorized");
    expect(error.status).toBe(401);
    expect(error.ghlMessage).toBe("Invalid Private Integration token");
    expect(error.hint).toMatch(/GHL_TOKEN/);
    expect(`${error.message} ${error.hint}`).not.toContain(TOKEN);
  });

  it("explains a 401 for a missing scope as a scope problem", async () => {
    server.use(
      http.get(`${BASE}/contacts/c1`, () =>
        HttpResponse.json(
          { statusCode: 401, message: "The token is not authorized for this scope." },
          { status: 401 },
        ),
      ),
    );
    const error = await failure(makeClient().request(getContact));
    expect(error.hint).toMatch(/scope/);
  });

  it("joins a 422 message array into one readable message", async () => {
    server.use(
      http.post(`${BASE}/contacts/`, () =>
        HttpResponse.json(
          {
            statusCode: 422,
            message: ["property foo should not exist", "email must be an email"],
            error: "Unprocessable Entity",
            traceId: "t-1",
          },
          { status: 422 },
        ),
      ),
    );
    const error = await failure(makeClient().request(createContact));
    expect(error.kind).toBe("validation");
    expect(error.ghlMessage).toBe("property foo should not exist; email must be an email");
    expect(error.traceId).toBe("t-1");
  });

  it("waits out a 429 for the interval GHL's headers give, then succeeds", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/contacts/c1`, () => {
        calls += 1;
        if (calls === 1) {
          return HttpResponse.json(
            { statusCode: 429, message: "Too Many Requests" },
            {
              status: 429,
              headers: {
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Max": "100",
                "X-RateLimit-Interval-Milliseconds": "50",
                "X-RateLimit-Daily-Remaining": "1000",
              },
            },
          );
        }
        return HttpResponse.json({ contact: { id: "c1" } });
      }),
    );
    const response = await makeClient().request(getContact);
    expect(response.body).toEqual({ contact: { id: "c1" } });
    expect(calls).toBe(2);
  });

  it("waits out a 429 without rate headers by backing off, even for a create", async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/contacts/`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json({ statusCode: 429, message: "Too Many Requests" }, { status: 429 })
          : HttpResponse.json({ contact: { id: "c2" } }, { status: 201 });
      }),
    );
    const response = await makeClient().request(createContact);
    expect(response.status).toBe(201);
    expect(calls).toBe(2);
  });

  it("gives up at once when the daily quota is spent", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/contacts/c1`, () => {
        calls += 1;
        return HttpResponse.json(
          { statusCode: 429, message: "Too Many Requests" },
          { status: 429, headers: { "X-RateLimit-Daily-Remaining": "0" } },
        );
      }),
    );
    const error = await failure(makeClient().request(getContact));
    expect(error.kind).toBe("rate_limited");
    expect(calls).toBe(1);
  });

  it("retries a read after a 5xx", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/contacts/c1`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json({ statusCode: 502, message: "Bad Gateway" }, { status: 502 })
          : HttpResponse.json({ contact: { id: "c1" } });
      }),
    );
    await makeClient().request(getContact);
    expect(calls).toBe(2);
  });

  it("never repeats a create after a 5xx, so nothing is created twice", async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/contacts/`, () => {
        calls += 1;
        return HttpResponse.json(
          { statusCode: 500, message: "Internal Server Error" },
          { status: 500 },
        );
      }),
    );
    const error = await failure(makeClient().request(createContact));
    expect(error.kind).toBe("server");
    expect(calls).toBe(1);
  });

  it("times out a create once, and says the change may have been applied", async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/contacts/`, async () => {
        calls += 1;
        await delay(1_000);
        return HttpResponse.json({ contact: { id: "late" } });
      }),
    );
    const error = await failure(makeClient({ timeoutMs: 100 }).request(createContact));
    expect(error.kind).toBe("timeout");
    expect(error.hint).toMatch(/may or may not have been applied/);
    expect(calls).toBe(1);
  });

  it("retries a read that timed out", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/contacts/c1`, async () => {
        calls += 1;
        if (calls === 1) await delay(1_000);
        return HttpResponse.json({ contact: { id: "c1" } });
      }),
    );
    await makeClient({ timeoutMs: 100 }).request(getContact);
    expect(calls).toBe(2);
  });

  it("reports a 2xx whose JSON body is malformed", async () => {
    server.use(
      http.get(
        `${BASE}/contacts/c1`,
        () => new HttpResponse("{not json", { headers: { "Content-Type": "application/json" } }),
      ),
    );
    const error = await failure(makeClient().request(getContact));
    expect(error.kind).toBe("malformed");
  });

  it("hands back a binary body byte for byte when asked for one", async () => {
    const audio = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0x00, 0xff, 0x7b]);
    let accept: string | null = null;
    server.use(
      http.get(`${BASE}/recordings/r1`, ({ request }) => {
        accept = request.headers.get("accept");
        return new HttpResponse(audio, { headers: { "Content-Type": "audio/x-wav" } });
      }),
    );
    const response = await makeClient().request<Buffer>({
      ...getContact,
      path: "/recordings/{id}",
      pathParams: { id: "r1" },
      responseType: "binary",
    });
    expect(Buffer.isBuffer(response.body)).toBe(true);
    expect([...response.body]).toEqual([...audio]);
    expect(response.headers.get("content-type")).toBe("audio/x-wav");
    expect(accept).toBe("*/*");
  });

  it("still reads GHL's JSON error when a binary download fails", async () => {
    server.use(
      http.get(`${BASE}/recordings/r1`, () =>
        HttpResponse.json({ statusCode: 404, message: "Recording not found" }, { status: 404 }),
      ),
    );
    const error = await failure(
      makeClient().request({
        ...getContact,
        path: "/recordings/{id}",
        pathParams: { id: "r1" },
        responseType: "binary",
      }),
    );
    expect(error.kind).toBe("not_found");
    expect(error.ghlMessage).toBe("Recording not found");
  });

  it("logs one debug line per call without the token", async () => {
    const logs: string[] = [];
    server.use(http.get(`${BASE}/contacts/c1`, () => HttpResponse.json({ contact: { id: "c1" } })));
    await makeClient({ logs }).request(getContact);
    const line = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === "ghl call");
    expect(line).toMatchObject({ method: "GET", path: "/contacts/{contactId}", status: 200 });
    expect(logs.join("")).not.toContain(TOKEN);
  });
});
