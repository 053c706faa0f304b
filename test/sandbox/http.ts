// How the sandbox tests talk to a running sandbox: real HTTP with the headers a client sends.
import type { Sandbox } from "../../src/sandbox/index.js";

export interface CallOptions {
  body?: unknown;
  /** Defaults to the sandbox's full-scope location PIT; null sends no Authorization header. */
  token?: string | null;
  /** Defaults to 2021-07-28; null sends no Version header. */
  version?: string | null;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  body: any;
}

export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = options.token === undefined ? sandbox.tokens.location : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const version = options.version === undefined ? "2021-07-28" : options.version;
  if (version !== null) headers.Version = version;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";

  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The seeded contact with this full name; fails loudly if the seed changed. */
export function seededContact(sandbox: Sandbox, firstName: string, lastName: string) {
  const contact = [...sandbox.store.contacts.values()].find(
    (c) => c.firstName === firstName && c.lastName === lastName,
  );
  if (!contact) throw new Error(`The seed has no contact ${firstName} ${lastName}`);
  return contact;
}
