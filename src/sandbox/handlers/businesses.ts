// Every operation of spec/apps/businesses.json against the store, with the platform's envelopes
// (`buiseness` sic on create and update) and the unlinking of contacts when a business goes.
import { badRequest, unprocessable } from "../errors.js";
import type { BusinessRecord, SandboxStore } from "../store.js";
import { isoUtc } from "../time.js";
import type { HandlerResult, HandlerSet } from "./registry.js";

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

const FIELDS = [
  "name",
  "phone",
  "email",
  "website",
  "address",
  "city",
  "state",
  "postalCode",
  "country",
  "description",
] as const;

export const businessHandlers: HandlerSet = {
  "businesses/get-businesses-by-location": ({ query, store }) => {
    const skip = Number(query.skip);
    const limit = Number(query.limit);
    if (!Number.isInteger(skip) || skip < 0) throw unprocessable(["skip must be a number string"]);
    if (!Number.isInteger(limit) || limit < 1) {
      throw unprocessable(["limit must be a number string"]);
    }
    const businesses = [...store.businesses.values()]
      .filter((business) => business.locationId === query.locationId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return ok({ businesses: businesses.slice(skip, skip + limit).map(businessView) });
  },

  "businesses/get-business": ({ params, store }) =>
    ok({ business: businessView(businessOf(store, params.businessId as string)) }),

  "businesses/create-business": ({ body, store, now }) => {
    const stamp = isoUtc(now());
    const business = store.insert(store.businesses, {
      locationId: body.locationId as string,
      ...fieldsOf(body),
      name: body.name as string,
      createdAt: stamp,
      updatedAt: stamp,
    });
    return ok({ success: true, buiseness: businessView(business) }, 201);
  },

  "businesses/update-business": ({ params, body, store, now }) => {
    const business = businessOf(store, params.businessId as string);
    Object.assign(business, fieldsOf(body), { updatedAt: isoUtc(now()) });
    return ok({ success: true, buiseness: businessView(business) });
  },

  "businesses/delete-Business": ({ params, store, now }) => {
    const business = businessOf(store, params.businessId as string);
    store.businesses.delete(business.id);
    for (const contact of store.contacts.values()) {
      if (contact.businessId !== business.id) continue;
      contact.businessId = undefined;
      contact.dateUpdated = isoUtc(now());
    }
    return ok({ success: true });
  },
};

function fieldsOf(body: Record<string, unknown>): Partial<BusinessRecord> {
  const fields: Partial<BusinessRecord> = {};
  for (const key of FIELDS) {
    if (typeof body[key] === "string") fields[key] = body[key];
  }
  return fields;
}

function businessOf(store: SandboxStore, id: string): BusinessRecord {
  const business = store.businesses.get(id);
  // Inferred wording, by analogy with the observed unknown-contact refusal.
  if (!business) throw badRequest(`Business with id ${id} not found`);
  return business;
}

/** BusinessDto; `createdBy`/`updatedBy` are undocumented objects, so they are left out. */
function businessView(business: BusinessRecord): Record<string, unknown> {
  return {
    id: business.id,
    name: business.name,
    phone: business.phone,
    email: business.email,
    website: business.website,
    address: business.address,
    city: business.city,
    state: business.state,
    postalCode: business.postalCode,
    country: business.country,
    description: business.description,
    locationId: business.locationId,
    createdAt: business.createdAt,
    updatedAt: business.updatedAt,
  };
}
