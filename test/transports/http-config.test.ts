// The HTTP settings: safe defaults, and start-up errors that say what to fix.
import { describe, expect, it } from "vitest";
import { ConfigError, isLoopback, parseCommandLine } from "../../src/config.js";

const KEY = "k".repeat(40);

function problems(argv: string[], env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseCommandLine(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("HTTP settings", () => {
  it("bind 127.0.0.1:3333 with a 1 MiB body limit by default", () => {
    const { config } = parseCommandLine(["--http"], {});
    expect(config.http).toMatchObject({ host: "127.0.0.1", port: 3333, maxBodyBytes: 1_048_576 });
  });

  it("refuse to bind beyond loopback without authentication", () => {
    const found = problems([
      "--http",
      "--host",
      "0.0.0.0",
      "--public-url",
      "https://mcp.example.com",
    ]);
    expect(found).toEqual([
      expect.stringMatching(/--host 0.0.0.0 .* no authentication is configured/),
    ]);
  });

  it("refuse to bind beyond loopback without knowing the public host name", () => {
    const found = problems(["--http", "--host", "0.0.0.0"], { GHL_HTTP_API_KEY: KEY });
    expect(found).toEqual([expect.stringMatching(/needs GHL_HTTP_PUBLIC_URL/)]);
  });

  it("bind beyond loopback with a key and a public URL", () => {
    const argv = ["--http", "--host", "0.0.0.0", "--public-url", "https://mcp.example.com/"];
    const { config } = parseCommandLine(argv, { GHL_HTTP_API_KEY: KEY });
    expect(config.http.publicUrl).toBe("https://mcp.example.com");
  });

  it("accept no public URL with a path, which the OAuth metadata could not follow", () => {
    expect(problems(["--http", "--public-url", "https://example.com/ghl"])[0]).toMatch(
      /origin alone/,
    );
  });

  it("refuse a short key without repeating it", () => {
    const found = problems(["--http"], { GHL_HTTP_API_KEY: "short-secret" });
    expect(found).toEqual([
      expect.stringMatching(/GHL_HTTP_API_KEY must be at least 32 characters/),
    ]);
    expect(found[0]).not.toContain("short-secret");
  });

  it("take the key from the environment only, never from a flag", () => {
    expect(problems(["--http", "--api-key", KEY])[0]).toMatch(/--help/);
  });

  it("want the issuer and its keys together", () => {
    expect(problems(["--http", "--oauth-issuer", "https://auth.example.com"])[0]).toMatch(
      /GHL_OAUTH_JWKS_URL/,
    );
  });

  it("fetch the issuer's keys over https unless they are on loopback", () => {
    const argv = [
      "--http",
      "--oauth-issuer",
      "https://a.example.com",
      "--oauth-jwks-url",
      "http://a.example.com/jwks",
    ];
    expect(problems(argv)[0]).toMatch(/must use https/);
  });

  it("treat a tenants file as real GHL over HTTP, since tenants bring their own tokens", () => {
    const { config } = parseCommandLine(["--http", "--tenants-file", "t.json"], {});
    expect(config.sandbox).toBe(false);
  });

  it("refuse a global key next to tenants, which have their own", () => {
    const found = problems(["--http", "--tenants-file", "t.json"], { GHL_HTTP_API_KEY: KEY });
    expect(found[0]).toMatch(/give each tenant its own key/);
  });
});

describe("loopback", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"])("includes %s", (host) => {
    expect(isLoopback(host)).toBe(true);
  });

  it.each(["0.0.0.0", "::", "192.168.1.10", "example.com"])("excludes %s", (host) => {
    expect(isLoopback(host)).toBe(false);
  });
});
