// The official v2 OpenAPI files, patched and indexed by operation. Loaded lazily from disk on first
// use; only the sandbox and the tests import this module, never the MCP server's runtime.
import { readFileSync, readdirSync } from "node:fs";

import { SPEC_PATCHES, applyPatch, type SpecPatch } from "./patches.js";

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";

/** The four kinds of bearer token GoHighLevel issues (PLATFORM.md §1). */
export type TokenKind = "location-pit" | "location-oauth" | "agency-pit" | "agency-oauth";

export interface SpecParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
}

export interface SpecOperation {
  /** `<file>/<operationId>`, e.g. `contacts/get-contact`. */
  key: string;
  file: string;
  operationId: string;
  method: HttpMethod;
  /** The path template, e.g. `/contacts/{contactId}`. */
  path: string;
  /** The value to send in the `Version` header. */
  version: string;
  scopes: string[];
  /** Token kinds the security schemes admit; empty when the operation needs no token. */
  tokenKinds: TokenKind[];
  parameters: SpecParameter[];
  /** The JSON request body schema with every `$ref` inlined, when the operation takes one. */
  requestBody?: JsonSchema;
  deprecated: boolean;
  /** Why the operation differs from the official file, one line per applied patch. */
  notes: string[];
}

export interface OperationMatch {
  operation: SpecOperation;
  params: Record<string, string>;
}

interface RawOperation {
  operationId: string;
  parameters?: RawParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, string[]>[];
  deprecated?: boolean;
}

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface RawSpec {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const SPEC_ROOT = new URL("../../spec/", import.meta.url);
const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "DELETE", "PATCH"];

const SCHEME_KINDS: Record<string, TokenKind[]> = {
  bearer: ["location-pit", "location-oauth"],
  "Location-Access": ["location-pit", "location-oauth"],
  "Location-Access-Only": ["location-oauth"],
  "Agency-Access": ["agency-pit", "agency-oauth"],
  "Agency-Access-Only": ["agency-oauth"],
};

let cache: { operations: SpecOperation[]; byKey: Map<string, SpecOperation> } | undefined;

/** Every operation of `spec/apps/*.json`, patched. */
export function listOperations(): SpecOperation[] {
  return load().operations;
}

export function getOperation(key: string): SpecOperation | undefined {
  return load().byKey.get(key);
}

/**
 * The operation a concrete request addresses. Literal segments beat parameters, position by
 * position, so `/contacts/search` finds search rather than get-contact; a trailing slash is ignored.
 */
export function findOperation(method: string, concretePath: string): OperationMatch | undefined {
  const segments = splitPath(concretePath);
  let best: { match: OperationMatch; score: string } | undefined;

  for (const operation of load().operations) {
    if (operation.method !== method.toUpperCase()) continue;
    const matched = matchTemplate(operation.path, segments);
    if (!matched) continue;
    if (!best || matched.score > best.score) {
      best = { match: { operation, params: matched.params }, score: matched.score };
    }
  }
  return best?.match;
}

/** The methods some operation serves on this concrete path. */
export function methodsForPath(concretePath: string): HttpMethod[] {
  const segments = splitPath(concretePath);
  const methods = load()
    .operations.filter((operation) => matchTemplate(operation.path, segments))
    .map((operation) => operation.method);
  return [...new Set(methods)];
}

function splitPath(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}

function matchTemplate(
  template: string,
  segments: string[],
): { params: Record<string, string>; score: string } | undefined {
  const parts = splitPath(template);
  if (parts.length !== segments.length) return undefined;

  const params: Record<string, string> = {};
  let score = "";
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] as string;
    const param = /^\{(\w+)\}$/.exec(part);
    if (param) {
      params[param[1] as string] = decodeURIComponent(segment);
      score += "0";
    } else if (part === segment) {
      score += "1";
    } else {
      return undefined;
    }
  }
  return { params, score };
}

function load(): NonNullable<typeof cache> {
  if (cache) return cache;

  const common = readJson(new URL("common/common-schemas.json", SPEC_ROOT));
  const files = readdirSync(new URL("apps/", SPEC_ROOT))
    .filter((name) => name.endsWith(".json"))
    .sort();

  const specs = new Map<string, RawSpec>();
  for (const name of files) {
    specs.set(name.slice(0, -".json".length), readJson(new URL(`apps/${name}`, SPEC_ROOT)));
  }

  const notes = applyPatches(specs, SPEC_PATCHES);
  const operations: SpecOperation[] = [];
  for (const [file, spec] of specs) {
    operations.push(...indexFile(file, spec, common, notes));
  }

  cache = { operations, byKey: new Map(operations.map((operation) => [operation.key, operation])) };
  return cache;
}

function readJson(url: URL): RawSpec {
  return JSON.parse(readFileSync(url, "utf8")) as RawSpec;
}

/** Applies every patch; a patch whose target is missing is a broken patch and fails loudly. */
function applyPatches(specs: Map<string, RawSpec>, patches: SpecPatch[]): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const patch of patches) {
    const spec = specs.get(patch.file);
    if (!spec) throw new Error(`Spec patch targets unknown file ${patch.file}: ${patch.reason}`);
    for (const operationId of applyPatch(spec, patch)) {
      const key = `${patch.file}/${operationId}`;
      notes.set(key, [...(notes.get(key) ?? []), patch.reason]);
    }
  }
  return notes;
}

function indexFile(
  file: string,
  spec: RawSpec,
  common: RawSpec,
  notes: Map<string, string[]>,
): SpecOperation[] {
  const raw: { path: string; method: HttpMethod; op: RawOperation }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method.toLowerCase()];
      if (op) raw.push({ path, method, op });
    }
  }

  const fileVersion = mostCommon(raw.map(({ op }) => declaredVersion(op)));
  const resolve = (schema: JsonSchema): JsonSchema => inlineRefs(schema, spec, common, []);

  return raw.map(({ path, method, op }) => {
    const security = op.security ?? [];
    const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
    const key = `${file}/${op.operationId}`;
    return {
      key,
      file,
      operationId: op.operationId,
      method,
      path,
      version: declaredVersion(op) ?? fileVersion ?? "2021-07-28",
      scopes: [...new Set(security.flatMap((requirement) => Object.values(requirement).flat()))],
      tokenKinds: [
        ...new Set(security.flatMap((r) => Object.keys(r).flatMap((s) => SCHEME_KINDS[s] ?? []))),
      ],
      parameters: (op.parameters ?? [])
        .filter((p) => p.in === "path" || p.in === "query")
        .map((p) => ({
          name: p.name,
          in: p.in as "path" | "query",
          required: p.required === true,
          schema: resolve(p.schema ?? {}),
        })),
      requestBody: bodySchema ? resolve(bodySchema) : undefined,
      deprecated: op.deprecated === true,
      notes: notes.get(key) ?? [],
    };
  });
}

function declaredVersion(op: RawOperation): string | undefined {
  const header = op.parameters?.find((p) => p.in === "header" && p.name === "Version");
  const values = header?.schema?.enum;
  return Array.isArray(values) ? (values[0] as string) : undefined;
}

function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Replaces every `$ref` (local or `../common/...`) by a copy of its target. The files have no cycles. */
function inlineRefs(node: unknown, spec: RawSpec, common: RawSpec, stack: string[]): JsonSchema {
  return inline(node, spec, common, stack) as JsonSchema;
}

function inline(node: unknown, spec: RawSpec, common: RawSpec, stack: string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(item, spec, common, stack));
  if (node === null || typeof node !== "object") return node;

  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string") {
    const document = ref.startsWith("../common/") ? common : spec;
    const name = ref.slice(ref.lastIndexOf("/") + 1);
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolvable $ref ${ref}`);
    if (stack.includes(ref)) throw new Error(`Cyclic $ref ${ref}`);
    return inline(target, document, common, [...stack, ref]);
  }

  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, inline(value, spec, common, stack)]),
  );
}
