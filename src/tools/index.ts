// The tool catalog, by toolset, and the choice of what a given server exposes: the toolsets asked
// for, read-only mode, and only tools whose scopes the credential has.
import type { ScopeSet } from "../auth/scopes.js";
import { associationTools } from "./associations.js";
import { blogTools } from "./blogs.js";
import { businessTools } from "./businesses.js";
import { calendarTools } from "./calendars.js";
import { contactTools } from "./contacts.js";
import { conversationTools } from "./conversations.js";
import { ANNOTATIONS, type ToolDefinition } from "./framework.js";
import { locationTools } from "./locations.js";
import { opportunityTools } from "./opportunities.js";
import { userTools } from "./users.js";
import { workflowTools } from "./workflows.js";

export const allTools: readonly ToolDefinition[] = [
  ...contactTools,
  ...calendarTools,
  ...conversationTools,
  ...businessTools,
  ...workflowTools,
  ...locationTools,
  ...opportunityTools,
  ...userTools,
  ...associationTools,
  ...blogTools,
];

export const toolsets: readonly string[] = [...new Set(allTools.map((tool) => tool.toolset))];

export interface ToolSelection {
  toolsets?: readonly string[];
  readOnly?: boolean;
  scopes?: ScopeSet;
}

export function selectTools(selection: ToolSelection = {}): ToolDefinition[] {
  const unknown = selection.toolsets?.filter((name) => !toolsets.includes(name)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `Unknown toolset(s) ${unknown.join(", ")} in GHL_TOOLSETS; choose from ${toolsets.join(", ")}.`,
    );
  }
  return allTools.filter(
    (tool) =>
      (!selection.toolsets || selection.toolsets.includes(tool.toolset)) &&
      (!selection.readOnly || ANNOTATIONS[tool.kind].readOnlyHint) &&
      (!selection.scopes || selection.scopes.missing(tool.scopes).length === 0),
  );
}
