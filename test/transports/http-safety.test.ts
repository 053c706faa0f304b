// Safe by default: requests naming another host or coming from another site's page are refused
// (DNS rebinding), bodies and slow senders are bounded, and the health endpoints answer.
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INITIALIZE, postMcp, startTestServer, type TestServer } from "./http-clients.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ argv: ["--max-body-bytes", "4096"], requestTimeoutMs: 1_000 });
});
afterAll(async () => {
  await server.close();
});

/** node:http rather than fetch, which will not send a Host header of our choosing. */
function post(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(server.endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
          ...headers,
        },
      },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(INITIALIZE));
  });
}

describe("DNS rebinding protection", () => {
  it("refuses a Host header naming another site with 403", async () => {
    const { status, body } = await post({ Host: "attacker.example.com" });
    expect(status).toBe(403);
    expect(body).toContain("Invalid Host");
  });

  it("refuses a request from another site's page with 403", async () => {
    const { status } = await post({ Origin: "https://attacker.example.com" });
    expect(status).toBe(403);
  });

  it("refuses the opaque null origin of sandboxed pages", async () => {
    expect((await post({ Origin: "null" })).status).toBe(403);
  });

  it("accepts a page served from localhost", async () => {
    expect((await post({ Origin: "http://localhost:6274" })).status).toBe(200);
  });
});

describe("limits", () => {
  it("answers 413 to a body over --max-body-bytes before reading it as JSON-RPC", async () => {
    const padding = "x".repeat(8_192);
    const response = await postMcp(server.endpoint, { ...INITIALIZE, padding });
    expect(response.status).toBe(413);
  });

  it("drops a client that does not finish sending its request in time", async () => {
    const url = new URL(server.endpoint);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`POST /mcp HTTP/1.1\r\nHost: ${url.host}\r\n`);
      });
      let received = "";
      socket.on("data", (chunk) => (received += chunk.toString()));
      socket.on("close", () => resolve(received));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe("health", () => {
  it("reports liveness at /healthz", async () => {
    const response = await fetch(new URL("/healthz", server.url));
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("reports readiness at /readyz", async () => {
    const response = await fetch(new URL("/readyz", server.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("answers 404 elsewhere, naming the endpoint", async () => {
    const response = await fetch(new URL("/sse", server.url));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error_description: expect.stringContaining("/mcp"),
    });
  });

  it("serves no OAuth metadata when OAuth is not configured", async () => {
    const response = await fetch(new URL("/.well-known/oauth-protected-resource", server.url));
    expect(response.status).toBe(404);
  });
});
