// Users toolset: the people who log in to GHL, their roles and permissions (users.json,
// Version 2021-07-28). Search needs the agency (company) id even with a sub-account token.
import { z } from "zod";
import { GhlError } from "../ghl/errors.js";
import {
  emailInput,
  isEmail,
  callGhl,
  cursorInput,
  idInput,
  listTool,
  locationIdInput,
  openObject,
  pagingInputs,
  requestTool,
  type ResolvedArgs,
  type ToolContext,
  type ToolDefinition,
} from "./framework.js";
import { offsetPager, wholeListPager } from "./paging.js";
import { SuccessOut, arrayField, field, pageOut, pick } from "./shape.js";

const VERSION = "2021-07-28";
const READ = ["users.readonly"] as const;
const WRITE = ["users.write"] as const;
const toolset = "users";

const userId = idInput("User");
const role = z.enum(["admin", "user"]).describe("Role");
const type = z.enum(["account", "agency"]);

/** PermissionsDto: every switch GHL has for what a user may see and do, all booleans. */
const PERMISSIONS = [
  "campaignsEnabled",
  "campaignsReadOnly",
  "contactsEnabled",
  "workflowsEnabled",
  "workflowsReadOnly",
  "triggersEnabled",
  "funnelsEnabled",
  "websitesEnabled",
  "opportunitiesEnabled",
  "dashboardStatsEnabled",
  "bulkRequestsEnabled",
  "appointmentsEnabled",
  "reviewsEnabled",
  "onlineListingsEnabled",
  "phoneCallEnabled",
  "conversationsEnabled",
  "assignedDataOnly",
  "adwordsReportingEnabled",
  "membershipEnabled",
  "facebookAdsReportingEnabled",
  "attributionsReportingEnabled",
  "settingsEnabled",
  "tagsEnabled",
  "leadValueEnabled",
  "marketingEnabled",
  "agentReportingEnabled",
  "botService",
  "socialPlanner",
  "bloggingEnabled",
  "invoiceEnabled",
  "affiliateManagerEnabled",
  "contentAiEnabled",
  "refundsEnabled",
  "recordPaymentEnabled",
  "cancelSubscriptionEnabled",
  "paymentsEnabled",
  "communitiesEnabled",
  "exportPaymentsEnabled",
] as const;

const permissions = z.strictObject(
  Object.fromEntries(PERMISSIONS.map((name) => [name, z.boolean().optional()])) as Record<
    (typeof PERMISSIONS)[number],
    z.ZodOptional<z.ZodBoolean>
  >,
);

/**
 * The long tail of a user. Limitation: `scopes` and `scopesAssignedToOnly` (189 possible values,
 * where an empty list disables everything) are left out; `permissions` covers the same ground.
 */
const moreFields = {
  phone: z.string().optional(),
  permissions: permissions.optional(),
  profilePhoto: z.url().optional(),
  platformLanguage: z
    .enum([
      "en_US",
      "es",
      "fr_CA",
      "fr_FR",
      "nl",
      "de",
      "pt_PT",
      "pt_BR",
      "it",
      "sv",
      "da",
      "fi",
      "no",
    ])
    .optional(),
};

const MORE_KEYS = Object.keys(moreFields);

function shapeUser(user: unknown, detailed = false): Record<string, unknown> {
  const shaped = pick(user, [
    "id",
    "name",
    "email",
    "phone",
    "extension",
    "roles",
    ...(detailed ? ["permissions", "scopes", "platformLanguage"] : []),
  ]);
  if (shaped.roles) shaped.roles = pick(shaped.roles, ["type", "role", "locationIds"]);
  if (field(user, "deleted") === true) shaped.deleted = true;
  return shaped;
}

const UserOut = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
});
const UserResult = z.object({ user: UserOut });
const userResult = (body: unknown) => ({ user: shapeUser(body, true) });

/** Location id → its company, learnt once per GHL base URL: a location never changes company. */
const companyOfLocation = new Map<string, string>();

const locationLookup = {
  method: "GET",
  path: "/locations/{locationId}",
  version: VERSION,
} as const;

/**
 * GHL wants the agency (company) id on user search and create even with a sub-account token:
 * GHL_COMPANY_ID when configured, else the company of the location, read once from the location.
 */
async function resolveCompanyId(args: ResolvedArgs, ctx: ToolContext): Promise<string> {
  if (args.companyId) return args.companyId;
  const key = `${ctx.client.baseUrl}|${args.locationId}`;
  const known = companyOfLocation.get(key);
  if (known) return known;

  if (!args.locationId || !ctx.client.scopes.has("locations.readonly")) {
    throw new GhlError({
      kind: "invalid_input",
      message: "GHL needs the agency (company) id here, and none is configured.",
      hint: "Set GHL_COMPANY_ID when starting ghl-mcp, or grant locations.readonly so it can be read from the location.",
    });
  }
  const lookup = {
    name: "users",
    scopes: ["locations.readonly"],
    kind: "read",
    scope: "location",
  } as const;
  const body = await callGhl(lookup, locationLookup, { locationId: args.locationId }, ctx);
  const companyId = field(field(body, "location"), "companyId");
  if (typeof companyId !== "string" || companyId === "") {
    throw new GhlError({
      kind: "malformed",
      message: `GHL returned location ${args.locationId} without its companyId.`,
      hint: "Set GHL_COMPANY_ID when starting ghl-mcp.",
    });
  }
  companyOfLocation.set(key, companyId);
  return companyId;
}

/** The tool, with `companyId` filled in by `resolveCompanyId` before it runs. */
function withCompany<Input extends z.ZodObject, Output>(
  tool: ToolDefinition<Input, Output>,
): ToolDefinition<Input, Output> {
  return {
    ...tool,
    async run(args, ctx) {
      return tool.run({ ...args, companyId: await resolveCompanyId(args, ctx) }, ctx);
    },
  };
}

const searchUsers = withCompany(
  listTool({
    name: "users_search",
    title: "Search users",
    description: "Search users.",
    toolset,
    kind: "read",
    scopes: READ,
    scope: "none",
    operation: "users/search-users",
    input: z.strictObject({
      locationId: locationIdInput,
      query: z.string().optional().describe("Text"),
      role: role.optional(),
      ...pagingInputs(100),
    }),
    output: pageOut("users", UserOut),
    http: {
      method: "GET",
      path: "/users/search",
      version: VERSION,
      query: ["companyId", "locationId", "query", "role"],
    },
    list: {
      items: (body) => arrayField(body, "users"),
      pager: offsetPager({ place: "query", offset: "skip", limit: "limit", asString: true }),
      defaultLimit: 25,
      maxLimit: 100,
    },
    shape: ({ items, nextCursor, body }) => ({
      users: items.map((user) => shapeUser(user)),
      nextCursor,
      total: field(body, "count") as number | undefined,
    }),
  }),
);

const filterByEmail = listTool({
  name: "users_filter_by_email",
  title: "Find users by email",
  description: "Find users by email (agency token).",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "company",
  operation: "users/filter-users-by-email",
  input: z.strictObject({
    emails: z
      .array(z.string().refine(isEmail, "must be an email address"))
      .refine((list) => list.length > 0, "must name at least one email")
      .describe("Emails"),
    cursor: cursorInput,
  }),
  output: pageOut("users", UserOut),
  http: {
    method: "POST",
    path: "/users/search/filter-by-email",
    version: VERSION,
    body: ["companyId", "emails"],
  },
  prepare: ({ emails }) => ({ emails: emails.join(",") }),
  list: {
    items: (body) => arrayField(body, "users"),
    pager: offsetPager({ place: "body", offset: "skip", limit: "limit", asString: true }),
    defaultLimit: 25,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor, body }) => ({
    users: items.map((user) => shapeUser(user)),
    nextCursor,
    total: field(body, "count") as number | undefined,
  }),
});

const getUser = requestTool({
  name: "users_get",
  title: "Get user",
  description: "Get user and permissions.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "record",
  operation: "users/get-user",
  input: z.strictObject({ userId }),
  output: UserResult,
  http: { method: "GET", path: "/users/{userId}", version: VERSION },
  shape: userResult,
});

const listByLocation = listTool({
  name: "users_list_by_location",
  title: "List a location's users (deprecated)",
  description: "Deprecated: use users_search.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  deprecated: true,
  operation: "users/get-user-by-location",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  output: pageOut("users", UserOut),
  http: { method: "GET", path: "/users/", version: VERSION, query: ["locationId"] },
  list: {
    items: (body) => arrayField(body, "users"),
    pager: wholeListPager,
    defaultLimit: 25,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ users: items.map((user) => shapeUser(user)), nextCursor }),
});

/** The locations a user may use (on create, the configured one by default). */
const locationIds = z
  .array(z.string())
  .refine((ids) => ids.length > 0, "must name at least one location");

const USER_BODY = [
  "companyId",
  "firstName",
  "lastName",
  "email",
  "password",
  "type",
  "role",
  "locationIds",
  ...MORE_KEYS,
];

const createUser = withCompany(
  requestTool({
    name: "users_create",
    title: "Create user",
    description: "Create user (staff).",
    toolset,
    kind: "create",
    scopes: WRITE,
    scope: "none",
    operation: "users/create-user",
    input: z.strictObject({
      firstName: z.string().describe("First name"),
      lastName: z.string().describe("Last name"),
      email: emailInput(),
      password: z.string().describe("Password"),
      more: openObject(
        {
          locationIds: locationIds.optional(),
          role: role.optional(),
          ...moreFields,
          type: type.optional(),
        },
        ["locationIds", "role", "phone"],
      ).optional(),
    }),
    output: UserResult,
    http: { method: "POST", path: "/users/", version: VERSION, body: USER_BODY },
    prepare: ({ more, locationId }) => {
      const locationIds = more?.locationIds;
      if (!locationIds && !locationId) {
        throw new GhlError({
          kind: "invalid_input",
          message: "locationIds: no location was given and none is configured.",
          hint: "Pass locationIds with the locations the user may use.",
        });
      }
      return {
        type: "account",
        role: "user",
        ...more,
        more: undefined,
        locationIds: locationIds ?? [locationId],
      };
    },
    shape: userResult,
    summary: ({ user }) => `Created user ${user.name ?? user.email} (${user.id}).`,
  }),
);

const updateUser = requestTool({
  name: "users_update",
  title: "Update user",
  description: "Update user.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "record",
  operation: "users/update-user",
  input: z.strictObject({
    userId,
    more: openObject(
      {
        locationIds: locationIds.optional(),
        firstName: z.string().optional(),
        lastName: z.string().optional(),
        role: role.optional(),
        ...moreFields,
      },
      ["firstName", "lastName", "role", "locationIds"],
    ).optional(),
  }),
  output: UserResult,
  http: { method: "PUT", path: "/users/{userId}", version: VERSION, body: USER_BODY },
  prepare: ({ more, companyId }) => ({ ...more, companyId: companyId || undefined }),
  shape: userResult,
});

const deleteUser = requestTool({
  name: "users_delete",
  title: "Delete user",
  description: "Delete user.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "users/delete-user",
  input: z.strictObject({ userId }),
  output: SuccessOut,
  http: { method: "DELETE", path: "/users/{userId}", version: VERSION },
  shape: (body) => ({
    succeeded: Boolean(field(body, "succeded") ?? field(body, "succeeded") ?? true),
  }),
});

export const userTools: ToolDefinition[] = [
  searchUsers,
  filterByEmail,
  getUser,
  listByLocation,
  createUser,
  updateUser,
  deleteUser,
] as ToolDefinition[];
