// GHL_POLL_INTERVAL / --poll-interval: minutes between checks for changes, 1 to 15, default 5.
import { describe, expect, it } from "vitest";
import { ConfigError, parseCommandLine } from "../../src/config.js";

function problems(argv: string[], env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseCommandLine(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("the poll interval", () => {
  it("is five minutes unless set", () => {
    expect(parseCommandLine([], {}).config.pollIntervalMinutes).toBe(5);
  });

  it("is read from the environment, and a flag overrides it", () => {
    expect(parseCommandLine([], { GHL_POLL_INTERVAL: "1" }).config.pollIntervalMinutes).toBe(1);
    expect(
      parseCommandLine(["--poll-interval", "15"], { GHL_POLL_INTERVAL: "1" }).config
        .pollIntervalMinutes,
    ).toBe(15);
  });

  it("refuses anything but whole minutes from 1 to 15, naming the setting", () => {
    expect(problems([], { GHL_POLL_INTERVAL: "0" })).toEqual([
      'GHL_POLL_INTERVAL (or --poll-interval) must be at least 1 (minute); got "0".',
    ]);
    expect(problems(["--poll-interval", "16"])).toEqual([
      'GHL_POLL_INTERVAL (or --poll-interval) must be at most 15 (minutes); got "16".',
    ]);
    expect(problems([], { GHL_POLL_INTERVAL: "2.5" })).toEqual([
      'GHL_POLL_INTERVAL (or --poll-interval) must be a whole number of minutes; got "2.5".',
    ]);
  });
});
