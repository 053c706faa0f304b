// Keeps each location under GHL's limits (100 requests per 10 s, 200,000 a day) before GHL has to
// say no, and follows the X-RateLimit-* headers GHL sends back, which know about traffic we don't
// see (other apps sharing the same token or location).
import { setTimeout as sleep } from "node:timers/promises";
import { GhlError } from "./errors.js";

export interface RateLimits {
  max: number;
  intervalMs: number;
  daily: number;
}

export const GHL_RATE_LIMITS: RateLimits = { max: 100, intervalMs: 10_000, daily: 200_000 };

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

const DAY_MS = 86_400_000;

class Bucket {
  /** Start times of the requests in the current window, oldest first. */
  private readonly sent: number[] = [];
  private dayStart = 0;
  private dayCount = 0;
  private blockedUntil = 0;
  private dailyRemaining: number | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  /** Resolves when one more request may start; calls are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now - this.dayStart >= DAY_MS) {
        this.dayStart = now;
        this.dayCount = 0;
        this.dailyRemaining = undefined;
      }
      if (this.dailyRemaining === 0 || this.dayCount >= this.limits.daily) {
        throw new GhlError({
          kind: "rate_limited",
          message: "The daily GHL request quota for this location is spent.",
          hint: "GHL allows 200,000 requests a day per location; the quota refills within 24 hours. Do fewer calls until then.",
          status: 429,
        });
      }
      while (this.sent.length > 0 && now - this.sent[0]! >= this.limits.intervalMs)
        this.sent.shift();
      const waitForWindow =
        this.sent.length >= this.limits.max ? this.sent[0]! + this.limits.intervalMs - now : 0;
      const wait = Math.max(waitForWindow, this.blockedUntil - now);
      if (wait <= 0) {
        this.sent.push(now);
        this.dayCount += 1;
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  /** Learns from GHL's headers: its limits, and whether the window is already spent. */
  observe(headers: Headers): void {
    const number = (name: string): number | undefined => {
      const value = headers.get(name);
      const parsed = value === null ? Number.NaN : Number(value);
      return Number.isFinite(parsed) ? parsed : undefined;
    };
    const max = number("x-ratelimit-max");
    const intervalMs = number("x-ratelimit-interval-milliseconds");
    const daily = number("x-ratelimit-limit-daily");
    this.limits = {
      max: max && max > 0 ? max : this.limits.max,
      intervalMs: intervalMs && intervalMs > 0 ? intervalMs : this.limits.intervalMs,
      daily: daily && daily > 0 ? daily : this.limits.daily,
    };
    const remaining = number("x-ratelimit-remaining");
    if (remaining === 0) this.blockUntil(this.clock.now() + this.limits.intervalMs);
    const dailyRemaining = number("x-ratelimit-daily-remaining");
    if (dailyRemaining !== undefined) this.dailyRemaining = dailyRemaining;
  }

  /** After a 429: nothing more goes out for this location until the window has passed. */
  blockUntil(time: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, time);
  }

  get interval(): number {
    return this.limits.intervalMs;
  }
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: RateLimits = GHL_RATE_LIMITS,
    readonly clock: Clock = systemClock,
  ) {}

  /** One bucket per location (or company for agency calls), as GHL counts them. */
  bucket(resource: string): Bucket {
    let bucket = this.buckets.get(resource);
    if (!bucket) {
      bucket = new Bucket({ ...this.limits }, this.clock);
      this.buckets.set(resource, bucket);
    }
    return bucket;
  }
}
