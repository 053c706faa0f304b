// Associations toolset: the kinds of link between objects (contact, opportunity, business, custom
// objects) and the relations that link two records through one (associations.json, 2021-07-28).
import { z } from "zod";
import {
  cursorInput,
  idInput,
  listTool,
  locationIdInput,
  requestTool,
  type ToolDefinition,
} from "./framework.js";
import { offsetPager, wholeListPager } from "./paging.js";
import { SuccessOut, arrayField, field, pageOut, pick } from "./shape.js";

const VERSION = "2021-07-28";
const READ = ["associations.readonly"] as const;
const WRITE = ["associations.write"] as const;
const toolset = "associations";

const associationId = idInput("Association");
const skipLimit = offsetPager({ place: "query", offset: "skip", limit: "limit" });

const AssociationOut = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  associationType: z.string().optional(),
});
const RelationOut = z.looseObject({
  id: z.string(),
  associationId: z.string().optional(),
  firstRecordId: z.string().optional(),
  secondRecordId: z.string().optional(),
});

function shapeAssociation(association: unknown) {
  return pick(association, [
    "id",
    "key",
    "firstObjectKey",
    "firstObjectLabel",
    "secondObjectKey",
    "secondObjectLabel",
    "associationType",
  ]);
}

function shapeRelation(relation: unknown) {
  return pick(relation, ["id", "associationId", "firstRecordId", "secondRecordId", "createdAt"]);
}

/** Single-association answers are the bare record (GetPostSuccessfulResponseDto). */
const associationResult = (body: unknown) => ({ association: shapeAssociation(body) });
const AssociationResult = z.object({ association: AssociationOut });

const listAssociations = listTool({
  name: "associations_list",
  title: "List associations",
  description: "List associations.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "associations/find-associations",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  output: pageOut("associations", AssociationOut),
  http: { method: "GET", path: "/associations/", version: VERSION, query: ["locationId"] },
  list: {
    items: (body) => arrayField(body, "associations"),
    pager: skipLimit,
    defaultLimit: 50,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ associations: items.map(shapeAssociation), nextCursor }),
});

const getAssociation = requestTool({
  name: "associations_get",
  title: "Get association",
  description: "Get association.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "record",
  operation: "associations/get-association-by-ID",
  input: z.strictObject({ associationId }),
  output: AssociationResult,
  http: { method: "GET", path: "/associations/{associationId}", version: VERSION },
  shape: associationResult,
});

const getByKey = requestTool({
  name: "associations_get_by_key",
  title: "Get association by key",
  description: "Get association by key.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "associations/get-association-key-by-key-name",
  input: z.strictObject({
    key: z.string().describe("Key"),
    locationId: locationIdInput,
  }),
  output: AssociationResult,
  http: {
    method: "GET",
    path: "/associations/key/{key_name}",
    version: VERSION,
    query: ["locationId"],
    rename: { key: "key_name" },
  },
  shape: associationResult,
});

const listByObject = listTool({
  name: "associations_list_by_object",
  title: "List an object's associations",
  description: "List object's associations.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "associations/get-association-by-object-keys",
  input: z.strictObject({
    objectKey: z.string().describe("e.g. contact"),
    locationId: locationIdInput,
    cursor: cursorInput,
  }),
  output: pageOut("associations", AssociationOut),
  http: {
    method: "GET",
    path: "/associations/objectKey/{objectKey}",
    version: VERSION,
    query: ["locationId"],
  },
  list: {
    items: (body) => arrayField(body, "associations"),
    pager: wholeListPager,
    defaultLimit: 50,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ associations: items.map(shapeAssociation), nextCursor }),
});

const label = z.string().describe("Label");

const createAssociation = requestTool({
  name: "associations_create",
  title: "Create association",
  description: "Create association.",
  toolset,
  kind: "create",
  scopes: WRITE,
  scope: "location",
  operation: "associations/create-association",
  input: z.strictObject({
    locationId: locationIdInput,
    key: z.string().describe("Key"),
    firstObjectKey: z.string().describe("e.g. contact"),
    firstObjectLabel: label,
    secondObjectKey: z.string().describe("Object key"),
    secondObjectLabel: label,
  }),
  output: AssociationResult,
  http: { method: "POST", path: "/associations/", version: VERSION, body: "rest" },
  shape: associationResult,
  summary: ({ association }) => `Created association ${association.key} (${association.id}).`,
});

const updateAssociation = requestTool({
  name: "associations_update",
  title: "Update association",
  description: "Relabel association.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "record",
  operation: "associations/update-association",
  input: z.strictObject({ associationId, firstObjectLabel: label, secondObjectLabel: label }),
  output: AssociationResult,
  http: { method: "PUT", path: "/associations/{associationId}", version: VERSION, body: "rest" },
  shape: associationResult,
});

const deleteAssociation = requestTool({
  name: "associations_delete",
  title: "Delete association",
  description: "Delete association and its relations.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "associations/delete-association",
  input: z.strictObject({ associationId }),
  output: SuccessOut,
  http: { method: "DELETE", path: "/associations/{associationId}", version: VERSION },
  shape: (body) => ({ succeeded: field(body, "deleted") === true }),
});

const listRelations = listTool({
  name: "associations_list_relations",
  title: "List a record's relations",
  description: "List record relations.",
  toolset,
  kind: "read",
  scopes: ["associations/relation.readonly"],
  scope: "location",
  operation: "associations/get-relations-by-record-id",
  input: z.strictObject({
    recordId: idInput("Record"),
    associationIds: z.array(z.string()).optional().describe("Association ids"),
    locationId: locationIdInput,
    cursor: cursorInput,
  }),
  output: pageOut("relations", RelationOut),
  http: {
    method: "GET",
    path: "/associations/relations/{recordId}",
    version: VERSION,
    query: ["locationId", "associationIds"],
  },
  list: {
    items: (body) => arrayField(body, "relations"),
    pager: skipLimit,
    defaultLimit: 50,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ relations: items.map(shapeRelation), nextCursor }),
});

const RelationResult = z.object({ relation: RelationOut });
const relationResult = (body: unknown) => ({ relation: shapeRelation(body) });

const createRelation = requestTool({
  name: "associations_create_relation",
  title: "Create relation",
  description: "Link two records.",
  toolset,
  kind: "create",
  scopes: ["associations/relation.write"],
  scope: "location",
  operation: "associations/create-relation",
  input: z.strictObject({
    associationId,
    firstRecordId: idInput("First record"),
    secondRecordId: idInput("Second record"),
    locationId: locationIdInput,
  }),
  output: RelationResult,
  http: { method: "POST", path: "/associations/relations", version: VERSION, body: "rest" },
  shape: relationResult,
  summary: ({ relation }) => `Created relation ${relation.id}.`,
});

const deleteRelation = requestTool({
  name: "associations_delete_relation",
  title: "Delete relation",
  description: "Delete relation.",
  toolset,
  kind: "remove",
  scopes: ["associations/relation.write"],
  scope: "location",
  operation: "associations/delete-relation",
  input: z.strictObject({ relationId: idInput("Relation"), locationId: locationIdInput }),
  output: RelationResult,
  http: {
    method: "DELETE",
    path: "/associations/relations/{relationId}",
    version: VERSION,
    query: ["locationId"],
  },
  shape: relationResult,
});

export const associationTools: ToolDefinition[] = [
  listAssociations,
  getAssociation,
  getByKey,
  listByObject,
  createAssociation,
  updateAssociation,
  deleteAssociation,
  listRelations,
  createRelation,
  deleteRelation,
] as ToolDefinition[];
