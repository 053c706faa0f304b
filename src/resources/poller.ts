// Finds changes in GoHighLevel by polling, because Private Integration Tokens get no webhooks. Each
// watched thing is read again at every interval through the shared GHL client (so polling spends
// the same rate budget as tool calls, one read after another, never in a burst), and its listeners
// hear when the digest of what it reads differs. The timer runs only while something is watched.
import type { Logger } from "../logger.js";

export interface PollerOptions {
  intervalMs: number;
  logger: Logger;
}

/** Reads the watched thing now and returns a digest of it. */
export type Fingerprint = () => Promise<string>;

interface Watched {
  fingerprint: Fingerprint;
  last: string;
  listeners: Set<() => void>;
}

export class Poller {
  private readonly watched = new Map<string, Watched>();
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(private readonly options: PollerOptions) {}

  get intervalMs(): number {
    return this.options.intervalMs;
  }

  /** Whether the timer is running, i.e. whether anyone is listening. */
  get active(): boolean {
    return this.timer !== undefined;
  }

  /**
   * Watches `key`, whose current digest the caller has just read (`baseline`): `listener` runs
   * whenever a later read differs. Returns the function that stops this listener.
   */
  watch(key: string, fingerprint: Fingerprint, baseline: string, listener: () => void): () => void {
    let entry = this.watched.get(key);
    if (!entry) {
      entry = { fingerprint, last: baseline, listeners: new Set() };
      this.watched.set(key, entry);
    }
    const token = () => listener();
    entry.listeners.add(token);
    this.start();

    return () => {
      const current = this.watched.get(key);
      if (!current?.listeners.delete(token) || current.listeners.size > 0) return;
      this.watched.delete(key);
      if (this.watched.size === 0) this.stop();
    };
  }

  /** Reads every watched thing once and tells the listeners of those that changed. */
  poll(): Promise<void> {
    this.round ??= this.readAll().finally(() => (this.round = undefined));
    return this.round;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.options.intervalMs);
    // Polling alone never keeps the process alive: the transport does, while a client is there.
    this.timer.unref();
  }

  private async readAll(): Promise<void> {
    const started = performance.now();
    let changed = 0;
    for (const [key, entry] of [...this.watched]) {
      if (this.watched.get(key) !== entry) continue;
      let next: string;
      try {
        next = await entry.fingerprint();
      } catch (error) {
        // Limitation: a read that fails (rate limit, GHL down) is skipped, and the change, if
        // any, is reported on the next round that succeeds.
        this.options.logger.warn({ key, error: (error as Error).message }, "poll read failed");
        continue;
      }
      if (next === entry.last) continue;
      entry.last = next;
      changed += 1;
      for (const listener of [...entry.listeners]) listener();
    }
    this.options.logger.debug(
      { watched: this.watched.size, changed, ms: Math.round(performance.now() - started) },
      "poll round",
    );
  }
}
