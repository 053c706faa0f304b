import { afterEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/index.js";
import { call } from "./http.js";

let sandbox: Sandbox | undefined;
let clock = Date.parse("2026-03-09T15:00:00Z");

async function start(rateLimit: SandboxOptions["rateLimit"] = {}): Promise<Sandbox> {
  sandbox = await startSandbox({ now: () => clock, rateLimit });
  return sandbox;
}

afterEach(() => sandbox?.close());

const RATE_LIMIT_HEADERS = [
  "x-ratelimit-limit-daily",
  "x-ratelimit-daily-remaining",
  "x-ratelimit-interval-milliseconds",
  "x-ratelimit-max",
  "x-ratelimit-remaining",
];

describe("the sandbox's rate limits", () => {
  it("sends the five rate-limit headers on a success", async () => {
    const running = await start();
    const response = await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    for (const name of RATE_LIMIT_HEADERS) expect(response.headers.get(name)).not.toBeNull();
    expect(response.headers.get("x-ratelimit-max")).toBe("100");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("99");
    expect(response.headers.get("x-ratelimit-limit-daily")).toBe("200000");
  });

  it("sends the five rate-limit headers on an error", async () => {
    const running = await start();
    const response = await call(running, "GET", "/contacts/abc", { token: null });
    for (const name of RATE_LIMIT_HEADERS) expect(response.headers.get(name)).not.toBeNull();
  });

  it("answers 429 without Retry-After once the window's allowance is spent", async () => {
    const running = await start({ max: 3 });
    for (let i = 0; i < 3; i++) {
      expect(
        (await call(running, "GET", `/contacts/?locationId=${running.locationId}`)).status,
      ).toBe(200);
    }
    const refused = await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, message: "Too Many Requests" });
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("retry-after")).toBeNull();
  });

  it("sends Retry-After on a 429 when asked to", async () => {
    const running = await start({ max: 1, retryAfter: true });
    await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    const refused = await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
  });

  it("opens a new window once the interval has passed", async () => {
    const running = await start({ max: 1 });
    await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    clock += 10_000;
    const response = await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    expect(response.status).toBe(200);
  });

  it("keeps a separate bucket per token", async () => {
    const running = await start({ max: 1 });
    await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    const other = running.mintToken({ kind: "location-pit" });
    const response = await call(running, "GET", `/contacts/?locationId=${running.locationId}`, {
      token: other,
    });
    expect(response.status).toBe(200);
  });

  it("refuses every call while the daily allowance is exhausted", async () => {
    const running = await start();
    running.setDailyExhausted(true);
    const response = await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    expect(response.status).toBe(429);
    expect(response.headers.get("x-ratelimit-daily-remaining")).toBe("0");
  });

  it("serves calls again once the daily allowance is restored", async () => {
    const running = await start();
    running.setDailyExhausted(true);
    running.setDailyExhausted(false);
    const response = await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    expect(response.status).toBe(200);
  });

  it("clears the buckets on reset", async () => {
    const running = await start({ max: 1 });
    await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    running.reset();
    const response = await call(running, "GET", `/contacts/?locationId=${running.locationId}`);
    expect(response.status).toBe(200);
  });
});
