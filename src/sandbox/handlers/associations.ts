// Every operation of spec/apps/associations.json against the store: association types between
// objects, and the relations that link two records through one. Built-in (SYSTEM_DEFINED)
// associations can be used but not changed; deleting a user-defined one deletes its relations.
import { badRequest, unprocessable } from "../errors.js";
import type { AssociationRecord, RelationRecord, SandboxStore } from "../store.js";
import { isoUtc } from "../time.js";
import type { HandlerResult, HandlerSet } from "./registry.js";

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

/** Objects an association may join; custom objects are `custom_objects.<name>`. */
const STANDARD_OBJECTS = new Set(["contact", "opportunity", "business"]);
const CUSTOM_OBJECT = /^custom_objects\.[a-z0-9_]+$/;

export const associationHandlers: HandlerSet = {
  "associations/find-associations": ({ query, store }) => {
    const { skip, limit } = window(query);
    const all = associationsOf(store, String(query.locationId)).sort(byKey);
    return ok({ associations: all.slice(skip, skip + limit) });
  },

  "associations/get-association-by-ID": ({ params, store }) =>
    ok(associationOf(store, params.associationId as string)),

  "associations/get-association-key-by-key-name": ({ params, query, store }) => {
    const key = params.key_name as string;
    const found = associationsOf(store, String(query.locationId)).find((a) => a.key === key);
    if (!found) throw badRequest(`Association with key ${key} not found`);
    return ok(found);
  },

  "associations/get-association-by-object-keys": ({ params, query, store, auth }) => {
    const objectKey = params.objectKey as string;
    // The spec leaves locationId optional; without it the token's own location is meant.
    const locationId = typeof query.locationId === "string" ? query.locationId : auth.locationId;
    const matching = associationsOf(store, locationId ?? "")
      .filter((a) => a.firstObjectKey === objectKey || a.secondObjectKey === objectKey)
      .sort(byKey);
    return ok({ associations: matching });
  },

  "associations/create-association": ({ body, store }) => {
    const input = body as Omit<AssociationRecord, "id" | "associationType">;
    for (const objectKey of [input.firstObjectKey, input.secondObjectKey]) {
      if (!STANDARD_OBJECTS.has(objectKey) && !CUSTOM_OBJECT.test(objectKey)) {
        throw badRequest(`Invalid object key ${objectKey}`);
      }
    }
    // Inferred: keys are unique within a location, compared as written.
    if (associationsOf(store, input.locationId).some((a) => a.key === input.key)) {
      throw badRequest(`Association with key ${input.key} already exists`);
    }

    const created = store.insert(store.associations, {
      locationId: input.locationId,
      key: input.key,
      firstObjectKey: input.firstObjectKey,
      firstObjectLabel: input.firstObjectLabel,
      secondObjectKey: input.secondObjectKey,
      secondObjectLabel: input.secondObjectLabel,
      associationType: "USER_DEFINED",
    });
    return ok(created, 201);
  },

  "associations/update-association": ({ params, body, store }) => {
    const association = associationOf(store, params.associationId as string);
    // Inferred, the stricter reading: built-in associations are as fixed as their ids.
    if (association.associationType === "SYSTEM_DEFINED") {
      throw badRequest("System defined associations cannot be updated");
    }
    association.firstObjectLabel = String(body.firstObjectLabel);
    association.secondObjectLabel = String(body.secondObjectLabel);
    return ok(association);
  },

  "associations/delete-association": ({ params, store }) => {
    const association = associationOf(store, params.associationId as string);
    if (association.associationType === "SYSTEM_DEFINED") {
      throw badRequest("Only user defined associations can be deleted");
    }
    store.associations.delete(association.id);
    for (const [id, relation] of store.relations) {
      if (relation.associationId === association.id) store.relations.delete(id);
    }
    return ok({ deleted: true, id: association.id, message: "Association deleted successfully" });
  },

  "associations/get-relations-by-record-id": ({ params, query, store }) => {
    const { skip, limit } = window(query);
    const recordId = params.recordId as string;
    const only = query.associationIds as string[] | undefined;
    const matching = [...store.relations.values()]
      .filter((r) => r.locationId === query.locationId)
      .filter((r) => r.firstRecordId === recordId || r.secondRecordId === recordId)
      .filter((r) => !only || only.includes(r.associationId))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return ok({ relations: matching.slice(skip, skip + limit) });
  },

  "associations/create-relation": ({ body, store, now }) => {
    const input = body as Pick<
      RelationRecord,
      "locationId" | "associationId" | "firstRecordId" | "secondRecordId"
    >;
    const association = associationOf(store, input.associationId);
    if (association.locationId !== input.locationId) {
      throw badRequest(`Association with id ${input.associationId} not found`);
    }
    requireRecord(store, input.locationId, association.firstObjectKey, input.firstRecordId);
    requireRecord(store, input.locationId, association.secondObjectKey, input.secondRecordId);
    if (input.firstRecordId === input.secondRecordId) {
      throw badRequest("A record cannot be related to itself");
    }
    const existing = [...store.relations.values()].some(
      (r) =>
        r.associationId === association.id &&
        r.firstRecordId === input.firstRecordId &&
        r.secondRecordId === input.secondRecordId,
    );
    if (existing) throw badRequest("Relation already exists");

    const relation = store.insert(store.relations, {
      locationId: input.locationId,
      associationId: association.id,
      firstRecordId: input.firstRecordId,
      secondRecordId: input.secondRecordId,
      createdAt: isoUtc(now()),
    });
    return ok(relation, 201);
  },

  "associations/delete-relation": ({ params, query, store }) => {
    const relation = store.relations.get(params.relationId as string);
    if (!relation || relation.locationId !== query.locationId) {
      throw badRequest(`Relation with id ${params.relationId} not found`);
    }
    store.relations.delete(relation.id);
    return ok(relation);
  },
};

/** `skip`/`limit` are required numbers; the spec sets no bounds, the platform does. */
function window(query: Record<string, unknown>): { skip: number; limit: number } {
  const skip = Number(query.skip);
  const limit = Number(query.limit);
  const messages = [
    ...(Number.isInteger(skip) && skip >= 0 ? [] : ["skip must not be less than 0"]),
    ...(Number.isInteger(limit) && limit >= 1 ? [] : ["limit must not be less than 1"]),
  ];
  if (messages.length > 0) throw unprocessable(messages);
  return { skip, limit };
}

function associationsOf(store: SandboxStore, locationId: string): AssociationRecord[] {
  return [...store.associations.values()].filter((a) => a.locationId === locationId);
}

/** An unknown id is a 400 "... not found", as GHL answers for other records (PLATFORM.md §4.1). */
function associationOf(store: SandboxStore, id: string): AssociationRecord {
  const association = store.associations.get(id);
  if (!association) throw badRequest(`Association with id ${id} not found`);
  return association;
}

/**
 * The record must exist, in the location, as the object the association names.
 * Limitation: the sandbox holds no custom object records, so their ids are taken on trust.
 */
function requireRecord(
  store: SandboxStore,
  locationId: string,
  objectKey: string,
  recordId: string,
): void {
  const owner =
    objectKey === "contact"
      ? store.contacts.get(recordId)?.locationId
      : objectKey === "opportunity"
        ? store.opportunities.get(recordId)?.locationId
        : objectKey === "business"
          ? store.businesses.get(recordId)?.locationId
          : locationId;
  if (owner !== locationId) throw badRequest(`Record with id ${recordId} not found`);
}

const byKey = (a: AssociationRecord, b: AssociationRecord) => a.key.localeCompare(b.key);
