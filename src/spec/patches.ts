// Corrections to the official spec files, as data: the defects CATALOG.md lists, plus the places
// where PLATFORM.md's observed behaviour is stricter than the declared schema. One reason per patch.
import type { JsonSchema, RawSpec } from "./operations.js";

export type SpecPatch = { file: string; reason: string } & (
  | { kind: "path-parameter"; operationId: string; name: string; schema?: JsonSchema }
  | { kind: "security"; operationId: string; scheme: string; scopes: string[] }
  | { kind: "version"; operationId: string; version: string }
  | { kind: "query-parameter"; operationId: string; name: string; schema: JsonSchema }
  | { kind: "schema"; schema: string; replacement: JsonSchema }
  | {
      kind: "property";
      schema: string;
      property: string;
      replacement: JsonSchema;
      /** The file lacks the property: add it rather than replace it. */
      added?: boolean;
    }
  | { kind: "note"; operationId: string }
  | { kind: "required"; schema: string; required: string[] }
);

const ISO_DATE = { type: "string", format: "iso-8601" };
const DATE_OF_BIRTH = { anyOf: [{ type: "string" }, { type: "object" }, { type: "null" }] };
const EMAIL = { type: "string", format: "email", nullable: true };

const SEARCH_OPERATORS = [
  "eq",
  "not_eq",
  "contains",
  "not_contains",
  "exists",
  "not_exists",
  "range",
];

/** A filter is a condition or a group of filters; groups nest three deep, which is plenty. */
function searchFilter(depth: number): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    field: { type: "string" },
    operator: { type: "string", enum: SEARCH_OPERATORS },
    value: { maxLength: 75 },
    group: { type: "string", enum: ["AND", "OR"] },
  };
  if (depth > 1) properties.filters = { type: "array", items: searchFilter(depth - 1) };
  return { type: "object", properties };
}

/** PLATFORM.md §5 and the Contacts Search guide; the official schema is empty. */
const CONTACT_SEARCH_BODY: JsonSchema = {
  type: "object",
  required: ["locationId", "pageLimit"],
  properties: {
    locationId: { type: "string" },
    page: { type: "integer", minimum: 1 },
    pageLimit: { type: "integer", minimum: 1, maximum: 500 },
    searchAfter: { type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }] } },
    query: { type: "string", maxLength: 75 },
    filters: { type: "array", items: searchFilter(3) },
    sort: {
      type: "array",
      items: {
        type: "object",
        required: ["field", "direction"],
        properties: {
          field: { type: "string" },
          direction: { type: "string", enum: ["asc", "desc"] },
        },
      },
    },
  },
  additionalProperties: false,
};

export const SPEC_PATCHES: SpecPatch[] = [
  // Path parameters that appear in the template but are not declared (or not required).
  {
    kind: "path-parameter",
    file: "contacts",
    operationId: "create-association",
    name: "type",
    schema: { type: "string", enum: ["add", "remove"] },
    reason: "Path parameter {type} (add | remove) is in the template but not declared.",
  },
  {
    kind: "path-parameter",
    file: "calendars",
    operationId: "update-appointment-note",
    name: "noteId",
    reason: "Path parameter {noteId} is in the template but not declared.",
  },
  {
    kind: "path-parameter",
    file: "calendars",
    operationId: "delete-appointment-note",
    name: "noteId",
    reason: "Path parameter {noteId} is in the template but not declared.",
  },
  {
    kind: "path-parameter",
    file: "users",
    operationId: "update-user",
    name: "userId",
    reason: "Path parameter {userId} is in the template but not declared.",
  },
  {
    kind: "path-parameter",
    file: "users",
    operationId: "delete-user",
    name: "userId",
    reason: "Path parameter {userId} is in the template but not declared.",
  },
  {
    kind: "path-parameter",
    file: "conversations",
    operationId: "get-email-by-id",
    name: "id",
    reason: "Path parameter {id} is in the template but not declared.",
  },
  {
    kind: "path-parameter",
    file: "conversations",
    operationId: "get-message",
    name: "id",
    reason: "Path parameter {id} is in the template but not declared.",
  },
  {
    kind: "path-parameter",
    file: "blogs",
    operationId: "update-blog-post",
    name: "postId",
    reason: "Path parameter {postId} is in the template but not declared.",
  },
  {
    kind: "path-parameter",
    file: "locations",
    operationId: "get-timezones",
    name: "locationId",
    reason: "Path parameter {locationId} is in the template but not declared.",
  },
  {
    kind: "path-parameter",
    file: "associations",
    operationId: "get-association-by-object-keys",
    name: "objectKey",
    reason: "Path parameter {objectKey} is declared optional; a path parameter is always required.",
  },
  {
    kind: "path-parameter",
    file: "objects",
    operationId: "search-object-records",
    name: "schemaKey",
    reason: "Path parameter {schemaKey} is declared optional; a path parameter is always required.",
  },

  // Missing security, scopes and Version.
  {
    kind: "security",
    file: "contacts",
    operationId: "create-association",
    scheme: "bearer",
    scopes: ["contacts.write"],
    reason: "Bulk tag update declares no security; it writes contacts, so contacts.write.",
  },
  {
    kind: "security",
    file: "contacts",
    operationId: "add-remove-contact-from-business",
    scheme: "bearer",
    scopes: ["contacts.write"],
    reason: "Bulk business update declares no security; it writes contacts, so contacts.write.",
  },
  {
    kind: "security",
    file: "conversations",
    operationId: "get-email-by-id",
    scheme: "bearer",
    scopes: ["conversations/message.readonly"],
    reason: "Declares no security; the v3 spec gives conversations/message.readonly.",
  },
  {
    kind: "version",
    file: "conversations",
    operationId: "get-email-by-id",
    version: "2021-04-15",
    reason: "Declares no Version header; the rest of conversations.json uses 2021-04-15.",
  },
  ...[
    "get-custom-snapshots",
    "create-snapshot-share-link",
    "get-snapshot-push",
    "get-latest-snapshot-push",
  ].map((operationId): SpecPatch => ({
    kind: "security",
    file: "snapshots",
    operationId,
    scheme: "Agency-Access",
    scopes: ["snapshots.readonly"],
    reason: "Declares Agency-Access with no scope; Scopes.md lists snapshots.readonly.",
  })),
  ...(
    [
      ["get-tag-by-id", "locations/tags.readonly"],
      ["update-tag", "locations/tags.write"],
      ["delete-tag", "locations/tags.write"],
      ["get-custom-value", "locations/customValues.readonly"],
      ["update-custom-value", "locations/customValues.write"],
      ["delete-custom-value", "locations/customValues.write"],
      ["get-custom-field", "locations/customFields.readonly"],
      ["update-custom-field", "locations/customFields.write"],
      ["delete-custom-field", "locations/customFields.write"],
    ] as const
  ).map(([operationId, scope]): SpecPatch => ({
    kind: "security",
    file: "locations",
    operationId,
    scheme: "Location-Access",
    scopes: [scope],
    reason: `Declares no scope, unlike its list and create siblings; inferred (the stricter reading): ${scope}.`,
  })),
  {
    kind: "note",
    file: "contacts",
    operationId: "create-association",
    reason:
      "operationId create-association is a copy slip (bulk tag update) that collides with associations.json; name tools yourself.",
  },

  // Schemas the platform enforces more strictly, or differently, than the files declare.
  {
    kind: "schema",
    file: "contacts",
    schema: "SearchBodyV2DTO",
    replacement: CONTACT_SEARCH_BODY,
    reason:
      "SearchBodyV2DTO is empty in the spec; fields per the Contacts Search guide (PLATFORM.md §5).",
  },
  {
    kind: "query-parameter",
    file: "contacts",
    operationId: "get-contacts",
    name: "limit",
    schema: { type: "number", default: 20, minimum: 1, maximum: 100 },
    reason: "The description says the limit is at most 100; the schema does not.",
  },
  ...["CreateTaskParams", "UpdateTaskBody"].map((schema): SpecPatch => ({
    kind: "property",
    file: "contacts",
    schema,
    property: "dueDate",
    replacement: ISO_DATE,
    reason: "Task dueDate is an ISO 8601 date string, validated as such by the platform.",
  })),
  ...["CreateContactDto", "UpdateContactDto", "UpsertContactDto"].flatMap((schema): SpecPatch[] => [
    {
      kind: "property",
      file: "contacts",
      schema,
      property: "dateOfBirth",
      replacement: DATE_OF_BIRTH,
      reason:
        "dateOfBirth is typed object, but the platform takes date strings (PLATFORM.md §7.6).",
    },
    {
      kind: "property",
      file: "contacts",
      schema,
      property: "email",
      replacement: EMAIL,
      reason: "Inferred: the platform validates contact emails; we refuse malformed ones.",
    },
  ]),
  ...["NumericField", "MonetoryField"].map((schema): SpecPatch => ({
    kind: "property",
    file: "contacts",
    schema,
    property: "field_value",
    replacement: { type: "number" },
    reason: "field_value is typed object, but its example and PLATFORM.md §7.4 say a number.",
  })),

  // Conversations.
  {
    kind: "required",
    file: "conversations",
    schema: "SendMessageBodyDto",
    required: ["type", "contactId"],
    reason:
      "Send marks subType (typed object) and status as required; GHL's guides and clients send neither (CATALOG.md: a spec slip).",
  },
  {
    kind: "query-parameter",
    file: "conversations",
    operationId: "search-conversation",
    name: "startAfterDate",
    schema: { type: "number" },
    reason:
      "startAfterDate is typed `any`, which is no JSON Schema type; it is the last conversation's sort value, epoch ms.",
  },
  {
    kind: "query-parameter",
    file: "conversations",
    operationId: "get-messages",
    name: "type",
    schema: { type: "string" },
    reason:
      "type is declared as one enum value, but takes a comma-separated list of them (its description and example).",
  },

  // Associations and blogs.
  ...(
    [
      ["createAssociationReqDto", "firstObjectKey"],
      ["createAssociationReqDto", "firstObjectLabel"],
      ["createAssociationReqDto", "secondObjectKey"],
      ["createAssociationReqDto", "secondObjectLabel"],
      ["UpdateAssociationReqDto", "firstObjectLabel"],
      ["UpdateAssociationReqDto", "secondObjectLabel"],
    ] as const
  ).map(([schema, property]): SpecPatch => ({
    kind: "property",
    file: "associations",
    schema,
    property,
    replacement: { type: "string" },
    reason: `${property} is typed object, but its example and every client send a string.`,
  })),
  {
    kind: "property",
    file: "blogs",
    schema: "UpdateBlogPostParams",
    property: "wordCount",
    replacement: { type: "number", minimum: 0 },
    added: true,
    reason:
      "Undeclared, yet GHL replaces a post's rawHTML only when wordCount comes with it (maintainer, highlevel-api-docs #103; still so in #334).",
  },
  {
    kind: "required",
    file: "blogs",
    schema: "UpdateBlogPostParams",
    required: [
      "title",
      "locationId",
      "blogId",
      "imageUrl",
      "description",
      "status",
      "imageAltText",
      "categories",
      "author",
      "urlSlug",
      "publishedAt",
    ],
    reason:
      "rawHTML cannot be required on update: no read returns it, and GHL keeps the body when it is left out (community clients update posts without it).",
  },
  {
    kind: "query-parameter",
    file: "blogs",
    operationId: "get-blog-post",
    name: "limit",
    schema: { type: "number", minimum: 1, maximum: 50 },
    reason: "Community clients observe a 422 above 50 posts per page.",
  },
  {
    kind: "query-parameter",
    file: "blogs",
    operationId: "get-all-blog-authors-by-location",
    name: "limit",
    schema: { type: "number", minimum: 1, maximum: 20 },
    reason: "Community clients observe a 422 above about 20 authors per page.",
  },

  // Opportunities.
  {
    kind: "query-parameter",
    file: "opportunities",
    operationId: "search-opportunity",
    name: "limit",
    schema: { type: "number", default: 20, minimum: 1, maximum: 100 },
    reason: "The description says the limit is at most 100; the schema does not.",
  },
  {
    kind: "property",
    file: "opportunities",
    schema: "UpsertOpportunityDto",
    property: "contactId",
    replacement: { type: "string" },
    added: true,
    reason:
      "Upsert matches on contact and pipeline, yet contactId is missing: the 2025 reference page and every client send it (its example survives as `followers`' example).",
  },
  {
    kind: "required",
    file: "opportunities",
    schema: "UpsertOpportunityDto",
    required: ["pipelineId", "locationId", "contactId"],
    reason:
      "followers, isRemoveAllFollowers and followersActionType are marked required, but clients upsert without them and the 2025 reference page required pipelineId, locationId and contactId.",
  },
  {
    kind: "property",
    file: "opportunities",
    schema: "UpsertOpportunityDto",
    property: "monetaryValue",
    replacement: { type: "number" },
    reason: "monetaryValue is typed object, but its example, create and update take a number.",
  },
];

/** Applies one patch to a parsed spec file and returns the operationIds it touched. */
export function applyPatch(spec: RawSpec, patch: SpecPatch): string[] {
  switch (patch.kind) {
    case "path-parameter": {
      const op = findRawOperation(spec, patch);
      const parameters = (op.parameters ??= []);
      const existing = parameters.find((p) => p.in === "path" && p.name === patch.name);
      const schema = patch.schema ?? existing?.schema ?? { type: "string" };
      if (existing) Object.assign(existing, { required: true, schema });
      else parameters.push({ name: patch.name, in: "path", required: true, schema });
      return [patch.operationId];
    }
    case "security": {
      findRawOperation(spec, patch).security = [{ [patch.scheme]: patch.scopes }];
      return [patch.operationId];
    }
    case "version": {
      const op = findRawOperation(spec, patch);
      (op.parameters ??= []).push({
        name: "Version",
        in: "header",
        required: true,
        schema: { type: "string", enum: [patch.version] },
      });
      return [patch.operationId];
    }
    case "query-parameter": {
      const parameter = findRawOperation(spec, patch).parameters?.find(
        (p) => p.in === "query" && p.name === patch.name,
      );
      if (!parameter) throw new Error(`Spec patch: no query parameter ${patch.name}`);
      parameter.schema = patch.schema;
      return [patch.operationId];
    }
    case "schema": {
      schemaOf(spec, patch.file, patch.schema);
      (spec.components as { schemas: Record<string, JsonSchema> }).schemas[patch.schema] =
        patch.replacement;
      return operationsUsing(spec, patch.schema);
    }
    case "property": {
      const properties = schemaOf(spec, patch.file, patch.schema).properties as
        Record<string, JsonSchema> | undefined;
      if (!properties?.[patch.property] && !(properties && patch.added)) {
        throw new Error(`Spec patch: ${patch.schema} has no property ${patch.property}`);
      }
      properties[patch.property] = patch.replacement;
      return operationsUsing(spec, patch.schema);
    }
    case "note":
      findRawOperation(spec, patch);
      return [patch.operationId];
    case "required": {
      schemaOf(spec, patch.file, patch.schema).required = patch.required;
      return operationsUsing(spec, patch.schema);
    }
  }
}

type RawOperation = RawSpec["paths"][string][string];

function findRawOperation(
  spec: RawSpec,
  patch: { file: string; operationId: string },
): RawOperation {
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      if (op.operationId === patch.operationId) return op;
    }
  }
  throw new Error(`Spec patch: ${patch.file}.json has no operation ${patch.operationId}`);
}

function schemaOf(spec: RawSpec, file: string, name: string): JsonSchema {
  const schema = spec.components?.schemas?.[name];
  if (!schema) throw new Error(`Spec patch: ${file}.json has no schema ${name}`);
  return schema;
}

/** The operations whose request body is the named component schema. */
function operationsUsing(spec: RawSpec, schema: string): string[] {
  return Object.values(spec.paths)
    .flatMap((item) => Object.values(item))
    .filter((op) => {
      const body = op.requestBody?.content?.["application/json"]?.schema;
      return body !== undefined && reaches(spec, body, schema, new Set());
    })
    .map((op) => op.operationId);
}

/** Whether `node` refers to the component `schema`, directly or through other components. */
function reaches(spec: RawSpec, node: unknown, schema: string, seen: Set<string>): boolean {
  if (Array.isArray(node)) return node.some((item) => reaches(spec, item, schema, seen));
  if (!node || typeof node !== "object") return false;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    const name = ref.slice("#/components/schemas/".length);
    if (name === schema) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return reaches(spec, spec.components?.schemas?.[name], schema, seen);
  }
  return Object.values(node).some((value) => reaches(spec, value, schema, seen));
}
