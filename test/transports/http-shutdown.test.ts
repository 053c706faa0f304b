// Shutdown: the server stops accepting, lets the calls in flight finish, and only then lets go.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { textOf } from "../support/mcp-clients.js";
import { connectHttp, startTestServer } from "./http-clients.js";

/** The sandbox behind a gate: requests reach it only once the test opens the gate. */
async function startGate(target: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));

  const server = createServer((request, response) => {
    arrive();
    void (async () => {
      const body = await readAll(request);
      await opened;
      const upstream = await fetch(`${target}${request.url}`, {
        method: request.method,
        headers: Object.fromEntries(
          ["authorization", "version", "content-type", "accept"].flatMap((name) =>
            request.headers[name] ? [[name, String(request.headers[name])]] : [],
          ),
        ),
        body: body.length > 0 ? body : undefined,
      });
      response.writeHead(upstream.status, {
        "Content-Type": upstream.headers.get("content-type") ?? "application/json",
      });
      response.end(Buffer.from(await upstream.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrived,
    open,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe("shutting down", () => {
  it("finishes a call in flight while refusing new connections", async () => {
    const gate = await startGate(sandbox.url);
    const server = await startTestServer({ sandbox, argv: ["--base-url", gate.url] });
    const client = await connectHttp("current (2026-07-28)", server.endpoint);

    const call = client.callTool("contacts_find", { query: "Jane Cooper" });
    await gate.arrived;
    let closed = false;
    const closing = server.close().then(() => (closed = true));

    await expect(fetch(new URL("/readyz", server.url))).rejects.toThrow();
    expect(closed).toBe(false);

    gate.open();
    const result = await call;
    await closing;
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toContain("Jane Cooper");
    await client.close();
    await gate.close();
  });

  it("cuts what is still open when the drain timeout runs out", async () => {
    const gate = await startGate(sandbox.url);
    const server = await startTestServer({
      sandbox,
      argv: ["--base-url", gate.url],
      drainTimeoutMs: 200,
    });
    const client = await connectHttp("sdk 1.x", server.endpoint);

    const call = client
      .callTool("contacts_find", { query: "Jane" })
      .catch((error: unknown) => error);
    await gate.arrived;
    const closing = server.close();
    expect(await call).toBeInstanceOf(Error);
    expect(server.logs.map((entry) => entry.msg)).toContain(
      "drain timeout: closing the remaining connections",
    );

    // The abandoned GHL request still holds the GHL client open until it ends.
    gate.open();
    await closing;
    await client.close();
    await gate.close();
  });
});
