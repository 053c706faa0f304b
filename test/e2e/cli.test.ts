// The ghl-mcp command as a person meets it: help, configuration errors that say what to fix, the
// sandbox on its own, and a bad token that shows up as a tool error instead of a dead server.
import { spawn, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { CLI, againstSandbox, connectStdio, textOf } from "../support/mcp-clients.js";

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
    timeout: 20_000,
  });
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe("the ghl-mcp command", () => {
  it("prints its usage on --help, on stderr", () => {
    const result = run(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/GHL_TOKEN/);
  });

  it("refuses a bad setting at start, saying which and how to fix it", () => {
    const result = run([], { GHL_TOKEN: "pit-x", GHL_BASE_URL: "ftp://example" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/GHL_BASE_URL \(or --base-url\) must be an http\(s\) URL/);
  });

  it("runs the sandbox alone and prints where it is and a token to use", async () => {
    const child = spawn(process.execPath, [CLI, "sandbox", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        let text = "";
        child.stderr.on("data", (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes("Press Ctrl+C")) resolve(text);
        });
        child.once("exit", () => reject(new Error(`sandbox exited: ${text}`)));
      });
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1]!;
      const token = /location token \(all scopes\): (\S+)/.exec(banner)![1]!;
      const locationId = /location id: (\S+)/.exec(banner)![1]!;
      const response = await fetch(`${url}/contacts/?locationId=${locationId}&limit=2`, {
        headers: { Authorization: `Bearer ${token}`, Version: "2021-07-28" },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { contacts: unknown[] }).contacts).toHaveLength(2);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("starts with a bad token and reports it on the first tool call", async () => {
    const client = await connectStdio(
      "current (legacy handshake)",
      againstSandbox(sandbox, "pit-revoked-token-for-tests"),
    );
    try {
      const result = await client.callTool("contacts_get", { contactId: "abc" });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/HTTP 401.*Invalid Private Integration token/);
      expect(textOf(result)).toMatch(/Check GHL_TOKEN/);
    } finally {
      await client.close();
    }
  });

  it("hides and refuses what a read-only token may not do", async () => {
    const client = await connectStdio("sdk 1.x", [
      ...againstSandbox(sandbox, sandbox.tokens.locationReadOnly),
      "--scopes",
      "contacts.readonly",
    ]);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain("contacts_get");
      expect(tools.map((t) => t.name)).not.toContain("contacts_delete");
    } finally {
      await client.close();
    }
  });
});
