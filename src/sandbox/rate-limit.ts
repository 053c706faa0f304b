// The platform's two request budgets per (token, resource): a burst window and a daily allowance,
// reported in five X-RateLimit-* headers on every response (PLATFORM.md §3).

export interface RateLimitSettings {
  max: number;
  intervalMs: number;
  daily: number;
  retryAfter: boolean;
}

export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Bucket {
  windowStart: number;
  inWindow: number;
  day: string;
  today: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  dailyExhausted = false;

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number,
  ) {}

  /**
   * Counts one request against the bucket. A refused request is not counted: the platform does not
   * document whether 429s consume quota, and not counting them keeps the window honest.
   */
  take(key: string): RateLimitDecision {
    const bucket = this.current(key);
    const allowed =
      !this.dailyExhausted &&
      bucket.inWindow < this.settings.max &&
      bucket.today < this.settings.daily;
    if (allowed) {
      bucket.inWindow += 1;
      bucket.today += 1;
    }
    return { allowed, headers: this.headers(bucket, !allowed) };
  }

  /** Headers for a request that has no bucket (no or unknown token): the full allowance. */
  untouched(): Record<string, string> {
    return this.headers({ windowStart: this.now(), inWindow: 0, day: "", today: 0 }, false);
  }

  reset(): void {
    this.buckets.clear();
    this.dailyExhausted = false;
  }

  private current(key: string): Bucket {
    const now = this.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const bucket = this.buckets.get(key) ?? { windowStart: now, inWindow: 0, day, today: 0 };
    if (now - bucket.windowStart >= this.settings.intervalMs) {
      bucket.windowStart = now;
      bucket.inWindow = 0;
    }
    if (bucket.day !== day) {
      bucket.day = day;
      bucket.today = 0;
    }
    this.buckets.set(key, bucket);
    return bucket;
  }

  private headers(bucket: Bucket, refused: boolean): Record<string, string> {
    const dailyRemaining = this.dailyExhausted ? 0 : this.settings.daily - bucket.today;
    const headers: Record<string, string> = {
      "X-RateLimit-Limit-Daily": String(this.settings.daily),
      "X-RateLimit-Daily-Remaining": String(Math.max(0, dailyRemaining)),
      "X-RateLimit-Interval-Milliseconds": String(this.settings.intervalMs),
      "X-RateLimit-Max": String(this.settings.max),
      "X-RateLimit-Remaining": String(Math.max(0, this.settings.max - bucket.inWindow)),
    };
    if (refused && this.settings.retryAfter) {
      headers["Retry-After"] = String(this.retryAfterSeconds(bucket, dailyRemaining <= 0));
    }
    return headers;
  }

  private retryAfterSeconds(bucket: Bucket, daily: boolean): number {
    const now = this.now();
    const until = daily
      ? Date.parse(`${new Date(now).toISOString().slice(0, 10)}T00:00:00Z`) + 86_400_000
      : bucket.windowStart + this.settings.intervalMs;
    return Math.max(1, Math.ceil((until - now) / 1000));
  }
}
