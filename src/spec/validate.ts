// Validates a request's query and body against the patched spec and words every violation the way
// GoHighLevel's NestJS/class-validator layer does, all violations at once.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

import type { JsonSchema, SpecOperation } from "./operations.js";

export interface ValidationResult {
  /** The input after coercion and defaults (query strings become the declared types). */
  value: Record<string, unknown>;
  /** GHL-style messages; empty when the input is valid. */
  messages: string[];
}

// Date only, or date and time with optional seconds, fraction and zone: what IsDateString accepts.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function createAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    verbose: true,
    coerceTypes: coerceTypes ? "array" : false,
    useDefaults: coerceTypes,
  });
  addFormats.default(ajv);
  ajv.addFormat("iso-8601", (value: string) => ISO_8601.test(value) && !isNaN(Date.parse(value)));
  return ajv;
}

let engines: { body: Ajv; query: Ajv } | undefined;
const compiled = new Map<string, ValidateFunction>();

function compile(cacheKey: string, schema: JsonSchema, kind: "body" | "query"): ValidateFunction {
  const cached = compiled.get(cacheKey);
  if (cached) return cached;

  engines ??= { body: createAjv(false), query: createAjv(true) };
  const validate = engines[kind].compile(schema);
  compiled.set(cacheKey, validate);
  return validate;
}

/** Query parameters are whitelisted like bodies: an undeclared one is refused. */
export function validateQuery(
  operation: SpecOperation,
  query: Record<string, string | string[]>,
): ValidationResult {
  const declared = operation.parameters.filter((p) => p.in === "query");
  const schema: JsonSchema = {
    type: "object",
    properties: Object.fromEntries(declared.map((p) => [p.name, p.schema])),
    required: declared.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
  const value: Record<string, unknown> = { ...query };
  const validate = compile(`${operation.key}#query`, schema, "query");
  return { value, messages: validate(value) ? [] : toMessages(validate.errors ?? []) };
}

/** A missing body counts as `{}`, as NestJS sees it. */
export function validateBody(operation: SpecOperation, body: unknown): ValidationResult {
  const value = body ?? {};
  if (!operation.requestBody) return { value: asRecord(value), messages: [] };

  const validate = compile(`${operation.key}#body`, closeObjects(operation.requestBody), "body");
  return {
    value: asRecord(value),
    messages: validate(value) ? [] : toMessages(validate.errors ?? []),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * NestJS's whitelist forbids properties a DTO does not declare. An object schema that declares
 * properties becomes closed; one the spec leaves without any (an undocumented DTO) stays open. Alternatives inside
 * anyOf/oneOf stay as declared, because closing them changes which alternative matches.
 */
function closeObjects(schema: unknown, insideAlternative = false): JsonSchema {
  if (Array.isArray(schema)) {
    return schema.map((item) => closeObjects(item, insideAlternative)) as unknown as JsonSchema;
  }
  if (schema === null || typeof schema !== "object") return schema as JsonSchema;

  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    const alternative = insideAlternative || key === "anyOf" || key === "oneOf";
    result[key] =
      key === "properties"
        ? Object.fromEntries(
            Object.entries(value as JsonSchema).map(([name, child]) => [
              name,
              closeObjects(child, insideAlternative),
            ]),
          )
        : closeObjects(value, alternative);
  }
  const declared = Object.keys((result.properties as JsonSchema | undefined) ?? {}).length > 0;
  if (!insideAlternative && declared && result.additionalProperties === undefined) {
    result.additionalProperties = false;
  }
  return result;
}

function toMessages(errors: ErrorObject[]): string[] {
  const alternatives = errors
    .filter((error) => error.keyword === "anyOf" || error.keyword === "oneOf")
    .map((error) => error.schemaPath);
  const relevant = errors.filter(
    (error) => !alternatives.some((path) => error.schemaPath.startsWith(`${path}/`)),
  );
  return [...new Set(relevant.flatMap(describe))];
}

function describe(error: ErrorObject): string[] {
  const path = error.instancePath.slice(1).replaceAll("/", ".");
  const prefix = path ? `${path}.` : "";
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as JsonSchema | undefined;

  switch (error.keyword) {
    case "additionalProperties":
      return [`${prefix}property ${String(params.additionalProperty)} should not exist`];
    case "required": {
      const name = `${prefix}${String(params.missingProperty)}`;
      const properties = schema?.properties as Record<string, JsonSchema> | undefined;
      return missingMessages(name, properties?.[String(params.missingProperty)] ?? {});
    }
    case "type":
      return [typeMessage(path || "body", schema ?? { type: params.type })];
    case "format":
      return [formatMessage(path, String(params.format))];
    case "enum":
      return [
        `${path} must be one of the following values: ${(params.allowedValues as unknown[]).join(", ")}`,
      ];
    case "maxLength":
      return [`${path} must be shorter than or equal to ${String(params.limit)} characters`];
    case "minLength":
      return [`${path} must be longer than or equal to ${String(params.limit)} characters`];
    case "maximum":
      return [`${path} must not be greater than ${String(params.limit)}`];
    case "minimum":
      return [`${path} must not be less than ${String(params.limit)}`];
    case "maxItems":
      return [`${path} must contain no more than ${String(params.limit)} elements`];
    case "minItems":
      return [`${path} must contain at least ${String(params.limit)} elements`];
    case "anyOf":
    case "oneOf":
      return [`${path} is not in an accepted shape`];
    default:
      return [`${path} ${error.message ?? "is invalid"}`];
  }
}

/** class-validator reports a missing field through the constraints of its declared type. */
function missingMessages(name: string, schema: JsonSchema): string[] {
  if (schema.format) return [formatMessage(name, String(schema.format))];
  const messages = schema.type === "string" ? [`${name} should not be empty`] : [];
  if (schema.type) messages.push(typeMessage(name, schema));
  if (Array.isArray(schema.enum)) {
    messages.push(`${name} must be one of the following values: ${schema.enum.join(", ")}`);
  }
  return messages.length > 0 ? messages : [`${name} should not be empty`];
}

function typeMessage(name: string, schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return `${name} must be a string`;
    case "boolean":
      return `${name} must be a boolean value`;
    case "integer":
      return `${name} must be an integer number`;
    case "number":
      return `${name} must be a number conforming to the specified constraints`;
    case "array":
      return `${name} must be an array`;
    case "object":
      return `${name} must be an object`;
    default:
      return `${name} has the wrong type`;
  }
}

function formatMessage(name: string, format: string): string {
  switch (format) {
    case "iso-8601":
    case "date-time":
    case "date":
      return `${name} must be a valid ISO 8601 date string`;
    case "email":
      return `${name} must be an email`;
    default:
      return `${name} must be a valid ${format}`;
  }
}
