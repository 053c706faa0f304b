// Locations toolset: sub-accounts and their agency (locations.json, companies.json), and each
// location's settings: custom fields (the legacy location endpoints), custom values, the tag list,
// and task search across all contacts. Version 2021-07-28 throughout.
import { z } from "zod";
import {
  cursorInput,
  idInput,
  listTool,
  locationIdInput,
  openObject,
  pagingInputs,
  requestTool,
  spreadMore,
  type HttpMapping,
  type ToolDefinition,
} from "./framework.js";
import { offsetPager, wholeListPager } from "./paging.js";
import { SuccessOut, TaskOut, arrayField, field, pageOut, pick, succeeded } from "./shape.js";

const VERSION = "2021-07-28";
const toolset = "locations";

const text = z.string().refine((value) => value.trim() !== "", "must not be empty");

const IdOut = z.looseObject({ id: z.string(), name: z.string().optional() });

/** A list GHL returns whole, handed to the model a page at a time. */
function wholeList(key: string, shapeItem: (item: unknown) => Record<string, unknown>) {
  return {
    list: {
      items: (body: unknown) => arrayField(body, key),
      pager: wholeListPager,
      defaultLimit: 100,
      maxLimit: 500,
    },
    shape: ({ items, nextCursor }: { items: unknown[]; nextCursor?: string }) => ({
      [key]: items.map(shapeItem),
      nextCursor,
    }),
    output: pageOut(key, IdOut),
  };
}

// Sub-accounts and the agency.

const LOCATION_FIELDS = [
  "id",
  "companyId",
  "name",
  "email",
  "phone",
  "address",
  "city",
  "state",
  "postalCode",
  "country",
  "website",
  "timezone",
  "settings",
] as const;
const shapeLocation = (location: unknown) => pick(location, LOCATION_FIELDS);

const listLocations = listTool({
  name: "locations_list",
  title: "List locations",
  description: "List sub-accounts (agency token).",
  toolset,
  kind: "read",
  scopes: ["locations.readonly"],
  scope: "company",
  operation: "locations/search-locations",
  input: z.strictObject({
    email: z.string().optional().describe("Email"),
    order: z.enum(["asc", "desc"]).optional().describe("By creation date"),
    cursor: cursorInput,
  }),
  output: pageOut("locations", IdOut),
  http: {
    method: "GET",
    path: "/locations/search",
    version: VERSION,
    query: ["companyId", "email", "order"],
  },
  list: {
    items: (body) => arrayField(body, "locations"),
    pager: offsetPager({ place: "query", offset: "skip", limit: "limit", asString: true }),
    defaultLimit: 25,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ locations: items.map(shapeLocation), nextCursor }),
});

const getLocation = requestTool({
  name: "locations_get",
  title: "Get location",
  description: "Get location.",
  toolset,
  kind: "read",
  scopes: ["locations.readonly"],
  scope: "location",
  operation: "locations/get-location",
  input: z.strictObject({ locationId: locationIdInput }),
  output: z.object({ location: IdOut }),
  http: { method: "GET", path: "/locations/{locationId}", version: VERSION },
  shape: (body) => ({ location: shapeLocation(field(body, "location")) }),
});

const locationMore = openObject(
  {
    /** With country code; 2-letter code; IANA zone; the snapshot to load. */
    phone: z.string().optional(),
    country: z
      .string()
      .refine((value) => /^[A-Z]{2}$/.test(value), "must be a 2-letter country code, e.g. US")
      .optional(),
    timezone: z.string().optional(),
    snapshotId: z.string().optional(),
    address: z.string().optional(),
    city: z.string().optional(),
    state: z.string().optional(),
    postalCode: z.string().optional(),
    website: z.string().optional(),
    settings: z
      .strictObject({
        allowDuplicateContact: z.boolean().optional(),
        allowDuplicateOpportunity: z.boolean().optional(),
        allowFacebookNameMerge: z.boolean().optional(),
        disableContactTimezone: z.boolean().optional(),
      })
      .optional(),
    prospectInfo: z
      .strictObject({ firstName: z.string(), lastName: z.string(), email: z.email() })
      .optional(),
  },
  ["phone", "country", "timezone"],
);
const LOCATION_MORE = Object.keys(locationMore.shape);

const createLocation = requestTool({
  name: "locations_create",
  title: "Create location",
  description: "Create sub-account (agency token).",
  toolset,
  kind: "create",
  scopes: ["locations.write"],
  scope: "company",
  operation: "locations/create-location",
  input: z.strictObject({
    name: text.describe("Business name"),
    more: locationMore.optional(),
  }),
  output: z.object({ location: IdOut }),
  http: {
    method: "POST",
    path: "/locations/",
    version: VERSION,
    body: ["companyId", "name", ...LOCATION_MORE],
  },
  prepare: spreadMore,
  shape: (body) => ({ location: shapeLocation(body) }),
  summary: ({ location }) => `Created location ${location.name} (${location.id}).`,
});

const getCompany = requestTool({
  name: "locations_get_company",
  title: "Get company",
  description: "Get company (agency token).",
  toolset,
  kind: "read",
  scopes: ["companies.readonly"],
  scope: "company",
  operation: "companies/get-company",
  input: z.strictObject({}),
  output: z.object({ company: IdOut }),
  http: { method: "GET", path: "/companies/{companyId}", version: VERSION },
  shape: (body) => ({
    company: pick(field(body, "company"), [
      "id",
      "name",
      "email",
      "phone",
      "website",
      "domain",
      "address",
      "city",
      "state",
      "postalCode",
      "country",
      "timezone",
      "locationCount",
      "status",
    ]),
  }),
});

// Custom fields: the legacy location endpoints. Contacts read their values as {id, value}, so the
// list is how a model learns which id is which field.

const CUSTOM_FIELDS_READ = ["locations/customFields.readonly"] as const;
const CUSTOM_FIELDS_WRITE = ["locations/customFields.write"] as const;
const customFieldPath = "/locations/{locationId}/customFields/{id}";
const fieldId = idInput("Custom field");

const shapeCustomField = (customField: unknown) =>
  pick(customField, [
    "id",
    "name",
    "fieldKey",
    "dataType",
    "model",
    "placeholder",
    "position",
    "picklistOptions",
  ]);
const customFieldResult = (body: unknown) => ({
  customField: shapeCustomField(field(body, "customField")),
});
const CustomFieldResult = z.object({ customField: IdOut });

const listCustomFields = listTool({
  name: "locations_list_custom_fields",
  title: "List custom fields",
  description: "List custom fields.",
  toolset,
  kind: "read",
  scopes: CUSTOM_FIELDS_READ,
  scope: "location",
  operation: "locations/get-custom-fields",
  input: z.strictObject({
    locationId: locationIdInput,
    model: z.enum(["contact", "opportunity", "all"]).optional().describe("Default contact"),
    cursor: cursorInput,
  }),
  http: {
    method: "GET",
    path: "/locations/{locationId}/customFields",
    version: VERSION,
    query: ["model"],
  },
  ...wholeList("customFields", shapeCustomField),
});

/** The placeholder, the position, and the options of file and text-list fields. */
const fieldOptionsObject = openObject(
  {
    placeholder: z.string().optional(),
    position: z.number().int().min(0).optional(),
    acceptedFormat: z.array(z.string()).optional(),
    isMultipleFile: z.boolean().optional(),
    maxNumberOfFiles: z.number().int().min(1).optional(),
    textBoxListOptions: z
      .array(z.strictObject({ label: z.string(), prefillValue: z.string().optional() }))
      .optional(),
  },
  ["placeholder", "position"],
);
const fieldOptions = fieldOptionsObject.optional();
const FIELD_OPTIONS = Object.keys(fieldOptionsObject.shape);

/**
 * Limitation: the legacy create DTO has no field for picklist options, so option types (single and
 * multiple options, checkbox, radio) are not offered; create those in the GHL app.
 */
const createCustomField = requestTool({
  name: "locations_create_custom_field",
  title: "Create custom field",
  description: "Create custom field.",
  toolset,
  kind: "create",
  scopes: CUSTOM_FIELDS_WRITE,
  scope: "location",
  operation: "locations/create-custom-field",
  input: z.strictObject({
    locationId: locationIdInput,
    name: text.describe("Name"),
    dataType: z
      .enum([
        "TEXT",
        "LARGE_TEXT",
        "NUMERICAL",
        "PHONE",
        "MONETORY",
        "DATE",
        "TEXTBOX_LIST",
        "FILE_UPLOAD",
      ])
      .describe("Type"),
    more: openObject(
      { model: z.enum(["contact", "opportunity"]).optional(), ...fieldOptionsObject.shape },
      ["model", "placeholder"],
    ).optional(),
  }),
  output: CustomFieldResult,
  http: {
    method: "POST",
    path: "/locations/{locationId}/customFields",
    version: VERSION,
    body: "rest",
  },
  prepare: ({ more }) => ({ ...spreadMore({ more }), model: more?.model ?? "contact" }),
  shape: customFieldResult,
  summary: ({ customField }) =>
    `Created custom field ${customField.name} (${customField.id}, key ${customField.fieldKey}).`,
});

const updateCustomField = requestTool({
  name: "locations_update_custom_field",
  title: "Update custom field",
  description: "Update custom field.",
  toolset,
  kind: "update",
  scopes: CUSTOM_FIELDS_WRITE,
  scope: "location",
  operation: "locations/update-custom-field",
  input: z.strictObject({
    locationId: locationIdInput,
    fieldId,
    name: text.describe("Name"),
    more: fieldOptions,
  }),
  output: CustomFieldResult,
  http: {
    method: "PUT",
    path: customFieldPath,
    version: VERSION,
    body: ["name", ...FIELD_OPTIONS],
    rename: { fieldId: "id" },
  },
  prepare: spreadMore,
  shape: customFieldResult,
});

const deleteCustomField = requestTool({
  name: "locations_delete_custom_field",
  title: "Delete custom field",
  description: "Delete custom field and values.",
  toolset,
  kind: "remove",
  scopes: CUSTOM_FIELDS_WRITE,
  scope: "location",
  operation: "locations/delete-custom-field",
  input: z.strictObject({ locationId: locationIdInput, fieldId }),
  output: SuccessOut,
  http: { method: "DELETE", path: customFieldPath, version: VERSION, rename: { fieldId: "id" } },
  shape: succeeded,
});

// Custom values: location-wide merge values such as {{ custom_values.studio_phone }}.

const CUSTOM_VALUES_READ = ["locations/customValues.readonly"] as const;
const CUSTOM_VALUES_WRITE = ["locations/customValues.write"] as const;
const customValuePath = "/locations/{locationId}/customValues/{id}";
const valueId = idInput("Custom value");
const byValueId: Pick<HttpMapping, "path" | "version" | "rename"> = {
  path: customValuePath,
  version: VERSION,
  rename: { valueId: "id" },
};

const shapeCustomValue = (value: unknown) => pick(value, ["id", "name", "fieldKey", "value"]);
const customValueResult = (body: unknown) => ({
  customValue: shapeCustomValue(field(body, "customValue")),
});
const CustomValueResult = z.object({ customValue: IdOut });
const customValueFields = { name: text.describe("Name"), value: z.string().describe("Value") };

const listCustomValues = listTool({
  name: "locations_list_custom_values",
  title: "List custom values",
  description: "List custom values.",
  toolset,
  kind: "read",
  scopes: CUSTOM_VALUES_READ,
  scope: "location",
  operation: "locations/get-custom-values",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  http: { method: "GET", path: "/locations/{locationId}/customValues", version: VERSION },
  ...wholeList("customValues", shapeCustomValue),
});

const getCustomValue = requestTool({
  name: "locations_get_custom_value",
  title: "Get custom value",
  description: "Get custom value.",
  toolset,
  kind: "read",
  scopes: CUSTOM_VALUES_READ,
  scope: "location",
  operation: "locations/get-custom-value",
  input: z.strictObject({ locationId: locationIdInput, valueId }),
  output: CustomValueResult,
  http: { method: "GET", ...byValueId },
  shape: customValueResult,
});

const createCustomValue = requestTool({
  name: "locations_create_custom_value",
  title: "Create custom value",
  description: "Create custom value.",
  toolset,
  kind: "create",
  scopes: CUSTOM_VALUES_WRITE,
  scope: "location",
  operation: "locations/create-custom-value",
  input: z.strictObject({ locationId: locationIdInput, ...customValueFields }),
  output: CustomValueResult,
  http: {
    method: "POST",
    path: "/locations/{locationId}/customValues",
    version: VERSION,
    body: ["name", "value"],
  },
  shape: customValueResult,
});

const updateCustomValue = requestTool({
  name: "locations_update_custom_value",
  title: "Update custom value",
  description: "Update custom value.",
  toolset,
  kind: "update",
  scopes: CUSTOM_VALUES_WRITE,
  scope: "location",
  operation: "locations/update-custom-value",
  input: z.strictObject({ locationId: locationIdInput, valueId, ...customValueFields }),
  output: CustomValueResult,
  http: { method: "PUT", ...byValueId, body: ["name", "value"] },
  shape: customValueResult,
});

const deleteCustomValue = requestTool({
  name: "locations_delete_custom_value",
  title: "Delete custom value",
  description: "Delete custom value.",
  toolset,
  kind: "remove",
  scopes: CUSTOM_VALUES_WRITE,
  scope: "location",
  operation: "locations/delete-custom-value",
  input: z.strictObject({ locationId: locationIdInput, valueId }),
  output: SuccessOut,
  http: { method: "DELETE", ...byValueId },
  shape: succeeded,
});

// The location's tag list, which contacts' tags draw on.

const TAGS_READ = ["locations/tags.readonly"] as const;
const TAGS_WRITE = ["locations/tags.write"] as const;
const tagPath = "/locations/{locationId}/tags/{tagId}";
const tagId = idInput("Tag");
const shapeTag = (tag: unknown) => pick(tag, ["id", "name"]);
const tagResult = (body: unknown) => ({ tag: shapeTag(field(body, "tag")) });
const TagResult = z.object({ tag: IdOut });

const listTags = listTool({
  name: "locations_list_tags",
  title: "List location tags",
  description: "List location tags.",
  toolset,
  kind: "read",
  scopes: TAGS_READ,
  scope: "location",
  operation: "locations/get-location-tags",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  http: { method: "GET", path: "/locations/{locationId}/tags", version: VERSION },
  ...wholeList("tags", shapeTag),
});

const getTag = requestTool({
  name: "locations_get_tag",
  title: "Get location tag",
  description: "Get location tag.",
  toolset,
  kind: "read",
  scopes: TAGS_READ,
  scope: "location",
  operation: "locations/get-tag-by-id",
  input: z.strictObject({ locationId: locationIdInput, tagId }),
  output: TagResult,
  http: { method: "GET", path: tagPath, version: VERSION },
  shape: tagResult,
});

const createTag = requestTool({
  name: "locations_create_tag",
  title: "Create location tag",
  description: "Create location tag.",
  toolset,
  kind: "create",
  scopes: TAGS_WRITE,
  scope: "location",
  operation: "locations/create-tag",
  input: z.strictObject({ locationId: locationIdInput, name: text.describe("Name") }),
  output: TagResult,
  http: {
    method: "POST",
    path: "/locations/{locationId}/tags",
    version: VERSION,
    body: ["name"],
  },
  shape: tagResult,
});

const updateTag = requestTool({
  name: "locations_update_tag",
  title: "Rename location tag",
  description: "Rename tag everywhere.",
  toolset,
  kind: "update",
  scopes: TAGS_WRITE,
  scope: "location",
  operation: "locations/update-tag",
  input: z.strictObject({ locationId: locationIdInput, tagId, name: text.describe("New name") }),
  output: TagResult,
  http: { method: "PUT", path: tagPath, version: VERSION, body: ["name"] },
  shape: tagResult,
});

const deleteTag = requestTool({
  name: "locations_delete_tag",
  title: "Delete location tag",
  description: "Delete tag from all contacts.",
  toolset,
  kind: "remove",
  scopes: TAGS_WRITE,
  scope: "location",
  operation: "locations/delete-tag",
  input: z.strictObject({ locationId: locationIdInput, tagId }),
  output: SuccessOut,
  http: { method: "DELETE", path: tagPath, version: VERSION },
  shape: succeeded,
});

// Tasks of every contact at once.

/** Search rows carry `_id` and the contact's and assignee's names, which the model can use. */
function shapeSearchedTask(task: unknown): Record<string, unknown> {
  const row = (task ?? {}) as Record<string, unknown>;
  const person = (key: string) => {
    const details = row[key] as { firstName?: string | null; lastName?: string | null } | undefined;
    return [details?.firstName, details?.lastName].filter(Boolean).join(" ") || undefined;
  };
  return pick(
    {
      ...row,
      id: row._id ?? row.id,
      contactName: person("contactDetails"),
      assigneeName: person("assignedToUserDetails"),
    },
    [
      "id",
      "title",
      "body",
      "dueDate",
      "completed",
      "contactId",
      "contactName",
      "assignedTo",
      "assigneeName",
    ],
  );
}

const searchTasks = listTool({
  name: "locations_search_tasks",
  title: "Search tasks",
  description: "Search all tasks.",
  toolset,
  kind: "read",
  scopes: ["locations/tasks.readonly"],
  scope: "location",
  operation: "locations/task-search",
  input: z.strictObject({
    locationId: locationIdInput,
    completed: z.boolean().optional().describe("Omit for all"),
    query: z.string().optional().describe("Text"),
    more: openObject({
      assignedTo: z.array(z.string()).optional(),
      contactIds: z.array(z.string()).optional(),
      businessId: z.string().optional(),
    })
      .describe("assignedTo, contactIds, businessId")
      .optional(),
    ...pagingInputs(100),
  }),
  output: pageOut("tasks", TaskOut),
  http: {
    method: "POST",
    path: "/locations/{locationId}/tasks/search",
    version: VERSION,
    body: ["completed", "assignedTo", "contactIds", "businessId", "query"],
    rename: { contactIds: "contactId" },
  },
  prepare: spreadMore,
  list: {
    items: (body) => arrayField(body, "tasks"),
    pager: offsetPager({ place: "body", offset: "skip", limit: "limit" }),
    defaultLimit: 25,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ tasks: items.map(shapeSearchedTask), nextCursor }),
});

export const locationTools: ToolDefinition[] = [
  listLocations,
  getLocation,
  createLocation,
  getCompany,
  listCustomFields,
  createCustomField,
  updateCustomField,
  deleteCustomField,
  listCustomValues,
  getCustomValue,
  createCustomValue,
  updateCustomValue,
  deleteCustomValue,
  listTags,
  getTag,
  createTag,
  updateTag,
  deleteTag,
  searchTasks,
] as ToolDefinition[];
