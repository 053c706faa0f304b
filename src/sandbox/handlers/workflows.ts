// The lists an agent picks from before acting on a contact (workflows.json, campaigns.json) and the
// agency's snapshots (snapshots.json). Enrolling contacts is contacts.json (handlers/contacts.ts).
import type { CampaignRecord, WorkflowRecord } from "../store.js";
import { checkCompany } from "./locations.js";
import type { HandlerResult, HandlerSet } from "./registry.js";

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

export const workflowHandlers: HandlerSet = {
  "workflows/get-workflow": ({ query, store }) => {
    const workflows = [...store.workflows.values()]
      .filter((workflow) => workflow.locationId === query.locationId)
      .sort(byName);
    return ok({ workflows: workflows.map(workflowView) });
  },

  "campaigns/get-campaigns": ({ query, store }) => {
    const campaigns = [...store.campaigns.values()]
      .filter((campaign) => campaign.locationId === query.locationId)
      .filter((campaign) => query.status === undefined || campaign.status === query.status)
      .sort(byName);
    return ok({ campaigns: campaigns.map(campaignView) });
  },

  "snapshots/get-custom-snapshots": ({ query, auth, store }) => {
    const companyId = query.companyId as string;
    checkCompany(auth, companyId);
    const snapshots = [...store.snapshots.values()]
      .filter((snapshot) => snapshot.companyId === companyId)
      .map(({ id, name, type }) => ({ id, name, type }));
    return ok({ snapshots });
  },
};

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}

function workflowView(workflow: WorkflowRecord): Record<string, unknown> {
  const { id, name, status, version, createdAt, updatedAt, locationId } = workflow;
  return { id, name, status, version, createdAt, updatedAt, locationId };
}

function campaignView(campaign: CampaignRecord): Record<string, unknown> {
  const { id, name, status, locationId } = campaign;
  return { id, name, status, locationId };
}
