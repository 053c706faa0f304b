// Tasks due soon or overdue across the location: what a studio's "task reminders" are about.
// Read through the location-wide task search, which returns open tasks earliest due first, so
// paging stops at the first task due later than the window.
import type { ResourceKind } from "./catalog.js";
import { contactUri, taskStatus } from "./contacts.js";
import { runTool } from "./through-tools.js";

type Json = Record<string, unknown>;

const MAX_TASKS = 500;

export const tasksDueUri = (locationId: string) => `ghl://locations/${locationId}/tasks/due`;

export const taskResources: ResourceKind[] = [
  {
    name: "tasks-due",
    title: "Tasks due",
    description:
      "The location's open tasks that are overdue or due within 24 hours, earliest first, each with its contact's URI.",
    template: "ghl://locations/{locationId}/tasks/due",
    tools: ["locations_search_tasks"],
    cacheHint: { ttlMs: 60_000, cacheScope: "private" },
    async read({ locationId }, ctx, nowMs) {
      const due: Json[] = [];
      let cursor: string | undefined;
      let later = false;
      do {
        const page = await runTool(
          "locations_search_tasks",
          { locationId, completed: false, limit: 100, cursor },
          ctx,
        );
        for (const task of (page.tasks as Json[] | undefined) ?? []) {
          const status = taskStatus(task, nowMs);
          if (status === "open") {
            later ||= !Number.isNaN(Date.parse(String(task.dueDate ?? "")));
            if (later) break;
            continue;
          }
          const contact = task.contactId && contactUri(locationId!, String(task.contactId));
          due.push({ ...task, status, contact });
        }
        cursor = page.nextCursor as string | undefined;
      } while (cursor && !later && due.length < MAX_TASKS);
      return { locationId, tasks: due };
    },
    async list(locationId) {
      return [
        {
          uri: tasksDueUri(locationId),
          name: "tasks-due",
          title: "Tasks due",
          description: "Open tasks overdue or due within 24 hours",
          mimeType: "application/json",
        },
      ];
    },
  },
];
