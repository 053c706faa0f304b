// `ghl-mcp --http` as a person runs it: it says where it serves, refuses an unsafe start with a
// clear message, and exits cleanly on SIGTERM.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI } from "../support/mcp-clients.js";

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? "", GHL_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, stderr: () => stderr };
}

describe("ghl-mcp --http", () => {
  it("exits with status 0 on SIGTERM", async () => {
    const server = start(["--http", "--sandbox", "--port", "0"]);
    const endpoint = await new Promise<string>((resolve) => {
      server.child.stderr.on("data", () => {
        const found = /Streamable HTTP at (\S+)/.exec(server.stderr());
        if (found) resolve(found[1]!);
      });
    });
    expect((await fetch(new URL("/healthz", endpoint))).status).toBe(200);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("refuses to listen beyond loopback without authentication, saying what to set", async () => {
    const server = start([
      "--http",
      "--sandbox",
      "--host",
      "0.0.0.0",
      "--public-url",
      "https://mcp.example.com",
    ]);
    expect(await server.exited).toBe(2);
    expect(server.stderr()).toMatch(/no authentication is configured: set GHL_HTTP_API_KEY/);
  });

  it("never prints the bearer key", async () => {
    const key = "cli-key-0123456789abcdef0123456789abcdef";
    const server = start(["--http", "--sandbox", "--port", "0", "--log-level", "info"], {
      GHL_HTTP_API_KEY: key,
    });
    await new Promise<void>((resolve) => {
      server.child.stderr.on("data", () => {
        if (server.stderr().includes("Streamable HTTP at")) resolve();
      });
    });
    server.child.kill("SIGTERM");
    await server.exited;
    expect(server.stderr()).not.toContain(key);
  });
});
