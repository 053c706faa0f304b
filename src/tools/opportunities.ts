// Opportunities toolset: opportunities, their status, followers, pipelines and lost reasons
// (opportunities.json, Version 2021-07-28).
import { z } from "zod";
import {
  cursorInput,
  idInput,
  listTool,
  locationIdInput,
  openObject,
  pagingInputs,
  requestTool,
  type ToolDefinition,
} from "./framework.js";
import { offsetPager, wholeListPager, type Pager } from "./paging.js";
import { SuccessOut, arrayField, field, pageOut, pick, succeeded } from "./shape.js";
import { checkRange, dateInput, toMonthDayYear } from "./time.js";

const VERSION = "2021-07-28";
const READ = ["opportunities.readonly"] as const;
const WRITE = ["opportunities.write"] as const;
const toolset = "opportunities";

const opportunityId = idInput("Opportunity");
const contactId = idInput("Contact");
const pipelineId = idInput("Pipeline");
const stageId = z.string().describe("Stage");
const userId = z.string().describe("User id");
const status = z.enum(["open", "won", "lost", "abandoned"]).describe("Status");
const followers = z
  .array(z.string().refine((value) => value.trim() !== "", "must be a user id"))
  .refine((ids) => ids.length > 0, "must name at least one user")
  .describe("User ids");
const name = z
  .string()
  .refine((value) => value.trim() !== "", "must not be empty")
  .describe("Name");

/** Custom fields as `{fieldId: value}`, which GHL wants as `[{id, field_value}]`. */
const customFieldValues = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .describe("Field id: value");

/** What a person edits on an opportunity; create, update and upsert share them. */
const opportunityFields = {
  name: name.optional(),
  pipelineStageId: stageId.optional(),
  monetaryValue: z.number().optional().describe("Value"),
};

/** `assignedTo` is a user id; `customFields` maps field ids to values. */
const opportunityMore = openObject({
  assignedTo: z.string().optional(),
  customFields: customFieldValues.optional(),
}).optional();

/** The rarely used fields join the body; custom fields as GHL's `[{id, field_value}]`. */
function opportunityBody({ more }: { more?: z.infer<typeof opportunityMore> }) {
  const customFields = more?.customFields;
  return {
    ...more,
    more: undefined,
    customFields:
      customFields &&
      Object.entries(customFields).map(([id, value]) => ({ id, field_value: value })),
  };
}

function shapeOpportunity(opportunity: unknown): Record<string, unknown> {
  const shaped = pick(opportunity, [
    "id",
    "name",
    "status",
    "monetaryValue",
    "pipelineId",
    "pipelineStageId",
    "lostReasonId",
    "contactId",
    "contact",
    "assignedTo",
    "followers",
    "source",
    "customFields",
    "lastStatusChangeAt",
    "lastStageChangeAt",
    "createdAt",
    "updatedAt",
  ]);
  if (shaped.contact) shaped.contact = pick(shaped.contact, ["name", "email", "phone"]);
  return shaped;
}

const OpportunityOut = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  pipelineStageId: z.string().optional(),
  monetaryValue: z.number().optional(),
});
const OpportunityResult = z.object({ opportunity: OpportunityOut });
const opportunityResult = (body: unknown) => ({
  opportunity: shapeOpportunity(field(body, "opportunity")),
});

/**
 * Search pages by the last opportunity's sort value and id, which GHL returns in `meta`; unlike
 * page numbers, that position survives opportunities added while the model is paging.
 */
const startAfterPager: Pager = {
  apply(request, state, limit) {
    request.query = {
      ...request.query,
      limit,
      startAfter: state?.startAfter === undefined ? undefined : String(state.startAfter),
      startAfterId: state?.startAfterId as string | undefined,
    };
  },
  next(body, items, _state, limit) {
    const meta = field(body, "meta") as
      { startAfter?: number | null; startAfterId?: string | null } | undefined;
    if (items.length < limit || !meta?.startAfterId || meta.startAfter == null) return undefined;
    return { startAfter: meta.startAfter, startAfterId: meta.startAfterId };
  },
};

const searchOpportunities = listTool({
  name: "opportunities_search",
  title: "Search opportunities",
  description: "Search opportunities.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "opportunities/search-opportunity",
  input: z.strictObject({
    locationId: locationIdInput,
    query: z.string().optional().describe("Text"),
    pipelineId: pipelineId.optional(),
    status: z.enum(["open", "won", "lost", "abandoned", "all"]).optional().describe("Default open"),
    more: openObject(
      {
        pipelineStageId: stageId.optional(),
        contactId: z.string().optional(),
        assignedTo: userId.optional(),
        startDate: dateInput("Created from").optional(),
        endDate: dateInput("Created until").optional(),
      },
      ["contactId", "pipelineStageId", "startDate"],
    ).optional(),
    ...pagingInputs(100),
  }),
  output: pageOut("opportunities", OpportunityOut),
  http: {
    method: "GET",
    path: "/opportunities/search",
    version: VERSION,
    query: [
      "locationId",
      "q",
      "pipelineId",
      "pipelineStageId",
      "contactId",
      "assignedTo",
      "status",
      "date",
      "endDate",
    ],
    rename: {
      locationId: "location_id",
      pipelineId: "pipeline_id",
      pipelineStageId: "pipeline_stage_id",
      contactId: "contact_id",
      assignedTo: "assigned_to",
    },
  },
  prepare: ({ query, more }) => {
    const { startDate, endDate } = more ?? {};
    if (startDate && endDate) {
      checkRange(
        { name: "more.startDate", value: startDate },
        { name: "more.endDate", value: endDate },
      );
    }
    return {
      ...more,
      more: undefined,
      q: query,
      date: startDate && toMonthDayYear(startDate),
      endDate: endDate && toMonthDayYear(endDate),
    };
  },
  list: {
    items: (body) => arrayField(body, "opportunities"),
    pager: startAfterPager,
    defaultLimit: 20,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor, body }) => ({
    opportunities: items.map(shapeOpportunity),
    nextCursor,
    total: (field(body, "meta") as { total?: number } | undefined)?.total,
  }),
});

const getOpportunity = requestTool({
  name: "opportunities_get",
  title: "Get opportunity",
  description: "Get opportunity.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "record",
  operation: "opportunities/get-opportunity",
  input: z.strictObject({ opportunityId }),
  output: OpportunityResult,
  http: {
    method: "GET",
    path: "/opportunities/{id}",
    version: VERSION,
    rename: { opportunityId: "id" },
  },
  shape: opportunityResult,
});

const PipelineOut = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  stages: z.array(z.looseObject({ id: z.string(), name: z.string().optional() })).optional(),
});

const listPipelines = listTool({
  name: "opportunities_list_pipelines",
  title: "List pipelines",
  description: "List pipelines and stages.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "opportunities/get-pipelines",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  output: pageOut("pipelines", PipelineOut),
  http: {
    method: "GET",
    path: "/opportunities/pipelines",
    version: VERSION,
    query: ["locationId"],
  },
  list: {
    items: (body) => arrayField(body, "pipelines"),
    pager: wholeListPager,
    defaultLimit: 20,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({
    pipelines: items.map((pipeline) => {
      const shaped = pick(pipeline, ["id", "name", "stages"]);
      shaped.stages = arrayField(shaped, "stages").map((stage) => pick(stage, ["id", "name"]));
      return shaped;
    }),
    nextCursor,
  }),
});

const listLostReasons = listTool({
  name: "opportunities_list_lost_reasons",
  title: "List lost reasons",
  description: "List lost reasons.",
  toolset,
  kind: "read",
  scopes: READ,
  scope: "location",
  operation: "opportunities/get-lost-reason",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  output: pageOut("lostReasons", z.looseObject({ id: z.string(), name: z.string().optional() })),
  http: {
    method: "GET",
    path: "/opportunities/lost-reason",
    version: VERSION,
    query: ["locationId"],
  },
  list: {
    items: (body) => arrayField(body, "lostReasons"),
    pager: offsetPager({ place: "query", offset: "skip", limit: "limit" }),
    defaultLimit: 100,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({
    lostReasons: items.map((reason) => pick(reason, ["id", "name"])),
    nextCursor,
  }),
});

const createOpportunity = requestTool({
  name: "opportunities_create",
  title: "Create opportunity",
  description: "Create open opportunity.",
  toolset,
  kind: "create",
  scopes: WRITE,
  scope: "location",
  operation: "opportunities/create-opportunity",
  input: z.strictObject({
    locationId: locationIdInput,
    contactId,
    pipelineId,
    ...opportunityFields,
    name,
    more: opportunityMore,
  }),
  output: OpportunityResult,
  http: { method: "POST", path: "/opportunities/", version: VERSION, body: "rest" },
  prepare: (args) => ({ ...opportunityBody(args), status: "open" }),
  shape: opportunityResult,
  summary: ({ opportunity }) => `Created opportunity "${opportunity.name}" (${opportunity.id}).`,
});

const updateOpportunity = requestTool({
  name: "opportunities_update",
  title: "Update opportunity",
  description: "Move or edit opportunity.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "record",
  operation: "opportunities/update-opportunity",
  input: z.strictObject({
    opportunityId,
    pipelineId: pipelineId.optional(),
    ...opportunityFields,
    more: opportunityMore,
  }),
  output: OpportunityResult,
  http: {
    method: "PUT",
    path: "/opportunities/{id}",
    version: VERSION,
    body: "rest",
    rename: { opportunityId: "id" },
  },
  prepare: opportunityBody,
  shape: opportunityResult,
});

const updateStatus = requestTool({
  name: "opportunities_update_status",
  title: "Update opportunity status",
  description: "Set opportunity status.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "record",
  operation: "opportunities/update-opportunity-status",
  input: z
    .strictObject({
      opportunityId,
      status,
      lostReasonId: z.string().optional().describe("With lost"),
    })
    .refine((v) => !v.lostReasonId || v.status === "lost", {
      message: "a lost reason only goes with status lost",
      path: ["lostReasonId"],
    }),
  output: SuccessOut,
  http: {
    method: "PUT",
    path: "/opportunities/{id}/status",
    version: VERSION,
    body: ["status", "lostReasonId"],
    rename: { opportunityId: "id" },
  },
  shape: succeeded,
});

const upsertOpportunity = requestTool({
  name: "opportunities_upsert",
  title: "Create or update opportunity",
  description: "Create or update contact's opportunity.",
  toolset,
  kind: "update",
  scopes: WRITE,
  scope: "location",
  operation: "opportunities/Upsert-opportunity",
  input: z.strictObject({
    locationId: locationIdInput,
    contactId,
    pipelineId,
    ...opportunityFields,
    assignedTo: userId.optional(),
  }),
  output: z.object({ new: z.boolean(), opportunity: OpportunityOut }),
  http: { method: "POST", path: "/opportunities/upsert", version: VERSION, body: "rest" },
  shape: (body) => ({
    new: Boolean(field(body, "new")),
    opportunity: shapeOpportunity(field(body, "opportunity")),
  }),
  summary: (out) => `${out.new ? "Created" : "Updated"} opportunity ${out.opportunity.id}.`,
});

const deleteOpportunity = requestTool({
  name: "opportunities_delete",
  title: "Delete opportunity",
  description: "Delete opportunity.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "opportunities/delete-opportunity",
  input: z.strictObject({ opportunityId }),
  output: SuccessOut,
  http: {
    method: "DELETE",
    path: "/opportunities/{id}",
    version: VERSION,
    rename: { opportunityId: "id" },
  },
  shape: succeeded,
});

const FollowersResult = z.object({ followers: z.array(z.string()) });
const followersResult = (body: unknown) => ({
  followers: arrayField(body, "followers") as string[],
});

const addFollowers = requestTool({
  name: "opportunities_add_followers",
  title: "Add opportunity followers",
  description: "Add opportunity followers.",
  toolset,
  kind: "add",
  scopes: WRITE,
  scope: "record",
  operation: "opportunities/add-followers-opportunity",
  input: z.strictObject({ opportunityId, followers }),
  output: FollowersResult,
  http: {
    method: "POST",
    path: "/opportunities/{id}/followers",
    version: VERSION,
    body: ["followers"],
    rename: { opportunityId: "id" },
  },
  shape: followersResult,
});

const removeFollowers = requestTool({
  name: "opportunities_remove_followers",
  title: "Remove opportunity followers",
  description: "Remove opportunity followers.",
  toolset,
  kind: "remove",
  scopes: WRITE,
  scope: "record",
  operation: "opportunities/remove-followers-opportunity",
  input: z.strictObject({ opportunityId, followers }),
  output: FollowersResult,
  http: {
    method: "DELETE",
    path: "/opportunities/{id}/followers",
    version: VERSION,
    body: ["followers"],
    rename: { opportunityId: "id" },
  },
  shape: followersResult,
});

export const opportunityTools: ToolDefinition[] = [
  searchOpportunities,
  getOpportunity,
  listPipelines,
  listLostReasons,
  createOpportunity,
  updateOpportunity,
  updateStatus,
  upsertOpportunity,
  deleteOpportunity,
  addFollowers,
  removeFollowers,
] as ToolDefinition[];
