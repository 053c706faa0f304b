import { describe, expect, it } from "vitest";
import { ConfigError, parseCommandLine } from "../src/config.js";

function problems(argv: string[], env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseCommandLine(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("serves the sandbox when no token is configured", () => {
    expect(parseCommandLine([], {}).config.sandbox).toBe(true);
  });

  it("uses the token from the environment and serves GHL", () => {
    const { config } = parseCommandLine([], { GHL_TOKEN: "pit-abc", GHL_LOCATION_ID: "loc1" });
    expect(config).toMatchObject({ sandbox: false, token: "pit-abc", locationId: "loc1" });
    expect(config.baseUrl).toBe("https://services.leadconnectorhq.com");
  });

  it("lets a flag override the environment", () => {
    const { config } = parseCommandLine(["--location-id", "loc2"], { GHL_LOCATION_ID: "loc1" });
    expect(config.locationId).toBe("loc2");
  });

  it("serves the sandbox when asked, even with a token", () => {
    expect(parseCommandLine(["--sandbox"], { GHL_TOKEN: "pit-abc" }).config).toMatchObject({
      sandbox: true,
      token: undefined,
    });
  });

  it("says which variable is wrong and how", () => {
    expect(problems([], { GHL_BASE_URL: "ftp://x" })).toEqual([
      'GHL_BASE_URL (or --base-url) must be an http(s) URL; got "ftp://x".',
    ]);
    expect(problems([], { GHL_TOKEN: '"pit-abc"' })[0]).toMatch(
      /GHL_TOKEN .* without spaces or quotes/,
    );
    expect(problems(["--timeout-ms", "soon"])[0]).toMatch(/GHL_TIMEOUT_MS .* number/);
  });

  it("rejects an unknown flag with a pointer to --help", () => {
    expect(problems(["--tokn", "x"])[0]).toMatch(/--help/);
  });

  it("parses the granted scopes and the toolsets", () => {
    const { config } = parseCommandLine([], {
      GHL_TOKEN: "pit-abc",
      GHL_SCOPES: "contacts.readonly, contacts.write",
      GHL_TOOLSETS: "contacts",
      GHL_READ_ONLY: "true",
    });
    expect(config.scopes.has("contacts.write")).toBe(true);
    expect(config.scopes.has("calendars.readonly")).toBe(false);
    expect(config.toolsets).toEqual(["contacts"]);
    expect(config.readOnly).toBe(true);
  });
});
