// The poller on its own: it tells listeners when what it reads differs, reads each watched thing
// once a round however many listen, skips a failed read, and runs its timer only while watched.
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { Poller } from "../../src/resources/poller.js";

let poller: Poller;
afterEach(() => poller.stop());

function counter() {
  const heard = { count: 0 };
  return { heard, listener: () => (heard.count += 1) };
}

describe("the poller", () => {
  it("tells a listener when the digest differs from the last one, and only then", async () => {
    poller = new Poller({ intervalMs: 60_000, logger: silentLogger });
    let value = "a";
    const { heard, listener } = counter();
    poller.watch("contact", async () => value, "a", listener);

    await poller.poll();
    expect(heard.count).toBe(0);
    value = "b";
    await poller.poll();
    expect(heard.count).toBe(1);
    await poller.poll();
    expect(heard.count).toBe(1);
  });

  it("reads a thing once a round, however many listen to it", async () => {
    poller = new Poller({ intervalMs: 60_000, logger: silentLogger });
    let reads = 0;
    const read = async () => String((reads += 1));
    const first = counter();
    const second = counter();
    poller.watch("contact", read, "0", first.listener);
    poller.watch("contact", read, "0", second.listener);

    await poller.poll();
    expect(reads).toBe(1);
    expect([first.heard.count, second.heard.count]).toEqual([1, 1]);
  });

  it("skips a read that fails and reports the change on the next round that succeeds", async () => {
    poller = new Poller({ intervalMs: 60_000, logger: silentLogger });
    let failing = true;
    const { heard, listener } = counter();
    poller.watch(
      "contact",
      async () => {
        if (failing) throw new Error("GHL is down");
        return "b";
      },
      "a",
      listener,
    );

    await poller.poll();
    expect(heard.count).toBe(0);
    failing = false;
    await poller.poll();
    expect(heard.count).toBe(1);
  });

  it("runs its timer only while something is watched", () => {
    poller = new Poller({ intervalMs: 60_000, logger: silentLogger });
    expect(poller.active).toBe(false);
    const stopFirst = poller.watch(
      "a",
      async () => "x",
      "x",
      () => undefined,
    );
    const stopSecond = poller.watch(
      "b",
      async () => "y",
      "y",
      () => undefined,
    );
    expect(poller.active).toBe(true);
    stopFirst();
    expect(poller.active).toBe(true);
    stopSecond();
    expect(poller.active).toBe(false);
  });

  it("polls on its own at the interval", async () => {
    poller = new Poller({ intervalMs: 20, logger: silentLogger });
    let value = "a";
    const { heard, listener } = counter();
    poller.watch("contact", async () => value, "a", listener);
    value = "b";
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.count).toBe(1);
  });
});
