import { describe, expect, it } from "vitest";
import { RateLimiter, type Clock } from "../../src/ghl/rate-limiter.js";

/** A clock that only moves when someone sleeps, so waits are counted rather than lived through. */
function fakeClock(): Clock & { waits: number[] } {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

describe("RateLimiter", () => {
  it("lets the burst limit through, then waits for the window to pass", async () => {
    const clock = fakeClock();
    const bucket = new RateLimiter({ max: 3, intervalMs: 10_000, daily: 1000 }, clock).bucket(
      "loc",
    );
    for (let i = 0; i < 3; i++) await bucket.acquire();
    expect(clock.waits).toEqual([]);
    await bucket.acquire();
    expect(clock.waits).toEqual([10_000]);
  });

  it("keeps separate budgets per location", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ max: 1, intervalMs: 10_000, daily: 1000 }, clock);
    await limiter.bucket("a").acquire();
    await limiter.bucket("b").acquire();
    expect(clock.waits).toEqual([]);
  });

  it("pauses when GHL says the window is spent, even if our own count is low", async () => {
    const clock = fakeClock();
    const bucket = new RateLimiter(undefined, clock).bucket("loc");
    await bucket.acquire();
    bucket.observe(
      new Headers({ "X-RateLimit-Remaining": "0", "X-RateLimit-Interval-Milliseconds": "8000" }),
    );
    await bucket.acquire();
    expect(clock.waits).toEqual([8000]);
  });

  it("refuses at once when the daily quota is spent", async () => {
    const clock = fakeClock();
    const bucket = new RateLimiter(undefined, clock).bucket("loc");
    bucket.observe(new Headers({ "X-RateLimit-Daily-Remaining": "0" }));
    await expect(bucket.acquire()).rejects.toMatchObject({ kind: "rate_limited" });
  });
});
