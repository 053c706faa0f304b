// Businesses toolset: the companies a location's contacts belong to (businesses.json,
// Version 2021-07-28). Linking contacts to a business is contacts_update's and the bulk tools' job.
import { z } from "zod";
import {
  isEmail,
  cursorInput,
  idInput,
  listTool,
  locationIdInput,
  openObject,
  requestTool,
  spreadMore,
  type ToolDefinition,
} from "./framework.js";
import { offsetPager } from "./paging.js";
import { SuccessOut, arrayField, field, pageOut, pick } from "./shape.js";

const VERSION = "2021-07-28";
const READ = ["businesses.readonly"] as const;
const WRITE = ["businesses.write"] as const;
const toolset = "businesses";

const businessId = idInput("Business");

const BUSINESS_FIELDS = [
  "id",
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
  "createdAt",
  "updatedAt",
] as const;

const shapeBusiness = (business: unknown) => pick(business, BUSINESS_FIELDS);

const BusinessOut = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});
const BusinessResult = z.object({ business: BusinessOut });

/** Create and update answer `{success, buiseness}` (sic); get answers `{business}`. */
const businessResult = (body: unknown) => ({
  business: shapeBusiness(field(body, "buiseness") ?? field(body, "business")),
});

const businessFields = {
  name: z
    .string()
    .trim()
    .refine((value) => value !== "", "must not be empty")
    .describe("Name"),
  more: openObject(
    {
      phone: z.string().optional(),
      email: z.string().refine(isEmail, "must be an email address").optional(),
      website: z.string().optional(),
      address: z.string().optional(),
      city: z.string().optional(),
      state: z.string().optional(),
      postalCode: z.string().optional(),
      country: z.string().optional(),
      description: z.string().optional(),
    },
    ["phone", "email"],
  ).optional(),
};

const listBusinesses = listTool({
  name: "businesses_list",
  title: "List businesses",
  description: "List businesses.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "businesses/get-businesses-by-location",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  output: pageOut("businesses", BusinessOut),
  http: { method: "GET", path: "/businesses/", version: VERSION, query: ["locationId"] },
  list: {
    items: (body) => arrayField(body, "businesses"),
    pager: offsetPager({ place: "query", offset: "skip", limit: "limit", asString: true }),
    defaultLimit: 50,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ businesses: items.map(shapeBusiness), nextCursor }),
});

const getBusiness = requestTool({
  name: "businesses_get",
  title: "Get business",
  description: "Get business.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "record",
  operation: "businesses/get-business",
  input: z.strictObject({ businessId }),
  output: BusinessResult,
  http: { method: "GET", path: "/businesses/{businessId}", version: VERSION },
  shape: businessResult,
});

const createBusiness = requestTool({
  name: "businesses_create",
  title: "Create business",
  description: "Create business.",
  toolset,
  kind: "create",
  scopes: WRITE,
  scope: "location",
  operation: "businesses/create-business",
  input: z.strictObject({ locationId: locationIdInput, ...businessFields }),
  output: BusinessResult,
  http: { method: "POST", path: "/businesses/", version: VERSION, body: "rest" },
  prepare: spreadMore,
  shape: businessResult,
  summary: ({ business }) => `Created business ${business.name ?? ""} (${business.id}).`,
});

const updateBusiness = requestTool({
  name: "businesses_update",
  title: "Update business",
  description: "Update business.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "record",
  operation: "businesses/update-business",
  input: z.strictObject({
    businessId,
    ...businessFields,
    name: businessFields.name.optional(),
  }),
  output: BusinessResult,
  http: { method: "PUT", path: "/businesses/{businessId}", version: VERSION, body: "rest" },
  prepare: spreadMore,
  shape: businessResult,
});

const deleteBusiness = requestTool({
  name: "businesses_delete",
  title: "Delete business",
  description: "Delete business; contacts stay.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "businesses/delete-Business",
  input: z.strictObject({ businessId }),
  output: SuccessOut,
  http: { method: "DELETE", path: "/businesses/{businessId}", version: VERSION },
  shape: (body) => ({ succeeded: Boolean(field(body, "success") ?? true) }),
});

export const businessTools: ToolDefinition[] = [
  listBusinesses,
  getBusiness,
  createBusiness,
  updateBusiness,
  deleteBusiness,
] as ToolDefinition[];
