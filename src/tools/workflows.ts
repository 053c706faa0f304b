// Workflows & Campaigns toolset: the location's workflows and campaigns, the agency's snapshots, and
// the contact-level calls filed under them: workflow enrolment, followers and the bulk business link
// (contacts.json). Version 2021-07-28 throughout.
import { z } from "zod";
import {
  cursorInput,
  idInput,
  listTool,
  locationIdInput,
  requestTool,
  type ToolDefinition,
} from "./framework.js";
import { wholeListPager } from "./paging.js";
import { SuccessOut, arrayField, field, pageOut, pick, succeeded } from "./shape.js";
import { dateTimeInput } from "./time.js";

const VERSION = "2021-07-28";
const WRITE = ["contacts.write"] as const;
const toolset = "workflows";

const contactId = idInput("Contact");
const workflowId = idInput("Workflow");
const userIds = z
  .array(z.string())
  .refine((ids) => ids.length > 0, "must name at least one user")
  .describe("User ids");

const NamedOut = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
});

/** These three lists come whole from GHL; the model gets them a page at a time. */
const whole = (key: string, fields: readonly string[]) => ({
  list: {
    items: (body: unknown) => arrayField(body, key),
    pager: wholeListPager,
    defaultLimit: 50,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }: { items: unknown[]; nextCursor?: string }) => ({
    [key]: items.map((item) => pick(item, fields)),
    nextCursor,
  }),
  output: pageOut(key, NamedOut),
});

const listWorkflows = listTool({
  name: "workflows_list",
  title: "List workflows",
  description: "List workflows.",
  toolset,
  kind: "read",
  scopes: ["workflows.readonly"],
  scope: "location",
  operation: "workflows/get-workflow",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  http: { method: "GET", path: "/workflows/", version: VERSION, query: ["locationId"] },
  ...whole("workflows", ["id", "name", "status", "version", "updatedAt"]),
});

const listCampaigns = listTool({
  name: "campaigns_list",
  title: "List campaigns",
  description: "List campaigns.",
  toolset,
  kind: "read",
  scopes: ["campaigns.readonly"],
  scope: "location",
  operation: "campaigns/get-campaigns",
  input: z.strictObject({
    locationId: locationIdInput,
    status: z.enum(["published", "draft"]).optional().describe("Status"),
    cursor: cursorInput,
  }),
  http: { method: "GET", path: "/campaigns/", version: VERSION, query: ["locationId", "status"] },
  ...whole("campaigns", ["id", "name", "status"]),
});

const listSnapshots = listTool({
  name: "snapshots_list",
  title: "List snapshots",
  description: "List snapshots (agency token).",
  toolset,
  kind: "read",
  scopes: ["snapshots.readonly"],
  scope: "company",
  operation: "snapshots/get-custom-snapshots",
  input: z.strictObject({ cursor: cursorInput }),
  http: { method: "GET", path: "/snapshots/", version: VERSION, query: ["companyId"] },
  ...whole("snapshots", ["id", "name", "type"]),
});

const enrolment = {
  input: z.strictObject({
    contactId,
    workflowId,
    eventStartTime: dateTimeInput().optional(),
  }),
  output: SuccessOut,
  shape: succeeded,
};

/** Enrolling starts the workflow's actions (messages, tasks), so a failed call is not retried. */
const addToWorkflow = requestTool({
  name: "workflows_add_contact",
  title: "Add contact to workflow",
  description: "Enroll contact in workflow; actions start.",
  toolset,
  kind: "send",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/add-contact-to-workflow",
  http: {
    method: "POST",
    path: "/contacts/{contactId}/workflow/{workflowId}",
    version: VERSION,
    body: ["eventStartTime"],
    emptyBody: true,
  },
  ...enrolment,
});

const removeFromWorkflow = requestTool({
  name: "workflows_remove_contact",
  title: "Remove contact from workflow",
  description: "Remove contact from workflow.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/delete-contact-from-workflow",
  http: {
    method: "DELETE",
    path: "/contacts/{contactId}/workflow/{workflowId}",
    version: VERSION,
    body: ["eventStartTime"],
    emptyBody: true,
  },
  ...enrolment,
});

const FollowersOut = z.object({ followers: z.array(z.string()), changed: z.array(z.string()) });
const followersResult = (changedKey: string) => (body: unknown) => ({
  followers: arrayField(body, "followers") as string[],
  changed: arrayField(body, changedKey) as string[],
});

const addFollowers = requestTool({
  name: "contacts_add_followers",
  title: "Add contact followers",
  description: "Add contact followers.",
  toolset,
  kind: "add",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/add-followers-contact",
  input: z.strictObject({ contactId, followers: userIds }),
  output: FollowersOut,
  http: {
    method: "POST",
    path: "/contacts/{contactId}/followers",
    version: VERSION,
    body: ["followers"],
  },
  shape: followersResult("followersAdded"),
});

const removeFollowers = requestTool({
  name: "contacts_remove_followers",
  title: "Remove contact followers",
  description: "Remove contact followers.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "contacts/remove-followers-contact",
  input: z.strictObject({ contactId, followers: userIds }),
  output: FollowersOut,
  http: {
    method: "DELETE",
    path: "/contacts/{contactId}/followers",
    version: VERSION,
    body: ["followers"],
  },
  shape: followersResult("followersRemoved"),
});

const bulkBusiness = requestTool({
  name: "contacts_bulk_update_business",
  title: "Link contacts to a business in bulk",
  description: "Link/unlink contacts and business.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "location",
  operation: "contacts/add-remove-contact-from-business",
  input: z.strictObject({
    locationId: locationIdInput,
    contactIds: z
      .array(z.string())
      .refine((ids) => ids.length > 0, "must name at least one contact")
      .describe("Contact ids"),
    businessId: z.string().nullable().describe("Business id; null unlinks"),
  }),
  output: z.object({ succeeded: z.boolean(), contactIds: z.array(z.string()) }),
  http: {
    method: "POST",
    path: "/contacts/bulk/business",
    version: VERSION,
    body: ["locationId", "contactIds", "businessId"],
    rename: { contactIds: "ids" },
  },
  shape: (body) => ({
    succeeded: Boolean(field(body, "success")),
    contactIds: arrayField(body, "ids") as string[],
  }),
  summary: ({ contactIds }) => `${contactIds.length} contact(s) updated.`,
});

export const workflowTools: ToolDefinition[] = [
  listWorkflows,
  addToWorkflow,
  removeFromWorkflow,
  listCampaigns,
  listSnapshots,
  addFollowers,
  removeFollowers,
  bulkBusiness,
] as ToolDefinition[];
