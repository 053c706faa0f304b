// Prompts for the jobs people come for: following up on overdue tasks, preparing for the day's
// appointments, routing new leads into a pipeline stage, booking an appointment, writing up a
// session. Each embeds the live records it is about (read through the resources, so the model
// starts from facts) and says which tools finish the job, changing nothing until the person agrees.
// A prompt is offered only when the server exposes every tool it relies on.
import {
  ProtocolError,
  ProtocolErrorCode,
  type GetPromptResult,
  type McpServer,
  type PromptMessage,
} from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ToolContext } from "../tools/framework.js";
import { selectTools } from "../tools/index.js";
import { allResources, readResource } from "../resources/catalog.js";
import { eventsUri, freeSlotsUri, calendarsUri } from "../resources/calendars.js";
import { contactUri } from "../resources/contacts.js";
import { addDays, dayIn, isDate } from "../resources/dates.js";
import type { ResourceOptions } from "../resources/index.js";
import { tasksDueUri } from "../resources/tasks.js";
import { runAllPages, runTool, toolsAvailable } from "../resources/through-tools.js";
import {
  assigneeArgument,
  calendarArgument,
  contactArgument,
  countArgument,
  dateArgument,
  pipelineArgument,
  pipelinesOf,
  resolveCalendar,
  resolveContact,
  sessionDayArgument,
  zoneOf,
} from "./arguments.js";

type Json = Record<string, unknown>;
type Args = Record<string, string | undefined>;

interface PromptDefinition {
  name: string;
  title: string;
  description: string;
  /** Tools the prompt reads through or tells the model to use. */
  tools: readonly string[];
  args(ctx: ToolContext): z.ZodRawShape;
  build(args: Args, ctx: ToolContext, locationId: string): Promise<PromptMessage[]>;
}

/** What reading a contact's record (the contact resource) and finding a contact take. */
const CONTACT_RECORD = [
  "contacts_find",
  "contacts_get",
  "contacts_list_tasks",
  "contacts_list_notes",
  "contacts_list_appointments",
] as const;

const say = (text: string): PromptMessage => ({ role: "user", content: { type: "text", text } });

/** A resource's live content, inside the prompt. */
async function embed(uri: string, ctx: ToolContext): Promise<PromptMessage> {
  const content = await readResource(uri, allResources, ctx);
  return {
    role: "user",
    content: {
      type: "resource",
      resource: { uri, mimeType: "application/json", text: JSON.stringify(content) },
    },
  };
}

/** Data that is not a resource of its own (a filtered or combined view), as labelled JSON. */
const data = (label: string, content: unknown): PromptMessage =>
  say(`${label}:\n${JSON.stringify(content)}`);

function inlined(uri: string, content: unknown): PromptMessage {
  return {
    role: "user",
    content: {
      type: "resource",
      resource: { uri, mimeType: "application/json", text: JSON.stringify(content) },
    },
  };
}

/** "Jane" matched two contacts: the prompt asks the model to ask the person first. */
function whichContact(text: string, candidates: Json[]): PromptMessage[] {
  if (candidates.length === 0) {
    return [
      say(
        `No contact matches "${text}". Ask me for another spelling, an email or a phone number, then look the contact up with contacts_find.`,
      ),
    ];
  }
  const list = candidates
    .map(
      (c) =>
        `- ${String(c.name ?? c.id)} (${String(c.id)})${c.email ? `, ${String(c.email)}` : ""}`,
    )
    .join("\n");
  return [
    say(
      `"${text}" matches several contacts:\n${list}\nAsk me which one I mean before anything else.`,
    ),
  ];
}

const followUpOverdueTasks: PromptDefinition = {
  name: "follow_up_overdue_tasks",
  title: "Follow up on overdue tasks",
  description:
    "Work through the open tasks that are overdue or due within 24 hours: context, a follow-up draft, then complete or reschedule each.",
  tools: [
    "locations_search_tasks",
    "contacts_find",
    "contacts_complete_task",
    "contacts_update_task",
  ],
  args: (ctx) => ({
    contact: contactArgument(ctx, "Only this contact's tasks (name)").optional(),
    assignee: assigneeArgument(ctx, "Only tasks assigned to this person (name)").optional(),
  }),
  async build({ contact, assignee }, ctx, locationId) {
    const due = (await readResource(tasksDueUri(locationId), allResources, ctx)) as {
      tasks: Json[];
    };
    let tasks = due.tasks;
    let scope = "";
    if (contact) {
      const found = await resolveContact(contact, ctx);
      if (!found.contact) return whichContact(contact, found.candidates);
      tasks = tasks.filter((task) => task.contactId === found.contact!.id);
      scope += ` for ${String(found.contact.name)}`;
    }
    if (assignee) {
      const wanted = assignee.trim().toLowerCase();
      tasks = tasks.filter((task) =>
        String(task.assigneeName ?? "")
          .toLowerCase()
          .includes(wanted),
      );
      scope += ` assigned to ${assignee}`;
    }
    if (tasks.length === 0) {
      return [say(`No open task${scope} is overdue or due within 24 hours. Tell me so briefly.`)];
    }
    return [
      say(
        `Help me follow up on the ${tasks.length} open task(s)${scope} that are overdue or due within 24 hours (attached, most overdue first). For each task:
1. Read the contact's resource (its "contact" URI) for context: recent notes, upcoming appointments.
2. Say in one line what is late and why it matters, and draft a short, friendly follow-up message I can send.
3. Propose what to do with the task: mark it done (contacts_complete_task) or move its due date (contacts_update_task, ISO 8601 with the location's offset).
Change nothing and send nothing until I say so; then act on my answer and move to the next task.`,
      ),
      data("Tasks", tasks),
    ];
  },
};

const prepareTodaysAppointments: PromptDefinition = {
  name: "prepare_todays_appointments",
  title: "Prepare for today's appointments",
  description:
    "A short briefing per appointment of the day: who is coming, their goals and history from notes, open tasks, what to bring up.",
  tools: ["calendars_list", "calendars_get", "calendars_list_events", ...CONTACT_RECORD],
  args: (ctx) => ({
    date: dateArgument(ctx, "Day, YYYY-MM-DD; default today").optional(),
    calendar: calendarArgument(ctx, "Only this calendar (name); default all").optional(),
  }),
  async build({ date, calendar }, ctx, locationId) {
    const zone = await zoneOf(ctx);
    const day = date?.trim() || dayIn(Date.now(), zone);
    if (!isDate(day)) throw invalid("date", "must be a day, YYYY-MM-DD");
    const calendars = calendar
      ? [await resolveCalendar(calendar, ctx)].filter((c): c is Json => Boolean(c))
      : await runAllPages<Json>("calendars_list", "calendars", { locationId }, ctx);
    if (calendar && calendars.length === 0) {
      return [
        say(
          `No calendar is called "${calendar}". Show me the calendars (${calendarsUri(locationId)}) and ask which one I mean.`,
        ),
      ];
    }
    const messages: PromptMessage[] = [];
    const contactIds = new Set<string>();
    for (const { id } of calendars) {
      const uri = eventsUri(locationId, String(id), day, day);
      const events = (await readResource(uri, allResources, ctx)) as { events: Json[] };
      const booked = events.events.filter((e) => (e.appointmentStatus ?? e.status) !== "cancelled");
      if (booked.length === 0) continue;
      for (const event of booked) if (event.contactId) contactIds.add(String(event.contactId));
      messages.push(inlined(uri, events));
    }
    if (messages.length === 0) return [say(`Nothing is booked on ${day}. Tell me so in one line.`)];
    for (const contactId of [...contactIds].slice(0, 10)) {
      messages.push(await embed(contactUri(locationId, contactId), ctx));
    }
    return [
      say(
        `Prepare me for the appointments on ${day} (attached: each calendar's appointments, then each person's record). Skip cancelled ones. In time order, for each appointment give: the time and calendar; who it is and what they are working on (from their notes); open or overdue tasks worth raising; anything to bring or check. A few lines per person, no more.`,
      ),
      ...messages,
    ];
  },
};

const triageNewLeads: PromptDefinition = {
  name: "triage_new_leads",
  title: "Triage new leads into a pipeline stage",
  description:
    "Lead routing: place each recent lead in the right pipeline stage, creating or moving its opportunity once approved.",
  tools: [
    "contacts_search",
    "opportunities_list_pipelines",
    "opportunities_search",
    "opportunities_create",
    "opportunities_update",
  ],
  args: (ctx) => ({
    pipeline: pipelineArgument(ctx, "Pipeline (name); default the first").optional(),
    days: countArgument("Leads added in the last N days; default 7", [1, 3, 7, 14, 30]).optional(),
  }),
  async build({ pipeline, days }, ctx, locationId) {
    const pipelines = await pipelinesOf(ctx);
    const wanted = pipeline?.trim().toLowerCase();
    const chosen = wanted
      ? (pipelines.find((p) => String(p.name).toLowerCase() === wanted) ??
        pipelines.find((p) => String(p.name).toLowerCase().startsWith(wanted)))
      : pipelines[0];
    if (!chosen) {
      const names = pipelines.map((p) => String(p.name)).join(", ") || "none";
      return [
        say(
          `No pipeline matches "${pipeline ?? ""}" (pipelines: ${names}). Ask me which one to use.`,
        ),
      ];
    }
    const span = Number(days || 7);
    const since = new Date(Date.now() - span * 86_400_000).toISOString();
    const leads = await runTool<{ contacts: Json[] }>(
      "contacts_search",
      {
        locationId,
        filters: [
          { field: "type", operator: "eq", value: "lead" },
          { field: "dateAdded", operator: "range", gte: since },
        ],
        more: { sortBy: "dateAdded", sortDirection: "desc" },
        limit: 50,
      },
      ctx,
    );
    if (leads.contacts.length === 0) {
      return [say(`No lead was added in the last ${span} day(s). Tell me so in one line.`)];
    }
    const deals = await runTool<{ opportunities: Json[] }>(
      "opportunities_search",
      { locationId, pipelineId: chosen.id, status: "open", limit: 100 },
      ctx,
    );
    const contactTemplate = `ghl://locations/${locationId}/contacts/{contactId}`;
    return [
      say(
        `Route the ${leads.contacts.length} lead(s) added in the last ${span} day(s) into the "${String(chosen.name)}" pipeline (attached: the pipeline with its stages in order, the leads, and the pipeline's open opportunities).
For each lead, pick the stage that fits what we know (source, tags, booked intro, notes: read the contact's resource, ${contactTemplate}, when in doubt) and say why in a few words.
Show me one table first: lead, current stage (or none), proposed stage, reason. Change nothing until I approve. Then, for a lead without an opportunity in this pipeline, create one with opportunities_create (pipelineId ${String(chosen.id)}, the stage's id as pipelineStageId); for one whose opportunity sits in another stage, move it with opportunities_update.`,
      ),
      data("Pipeline", chosen),
      data("Leads", leads.contacts),
      data("Open opportunities in the pipeline", deals.opportunities),
    ];
  },
};

const bookAppointment: PromptDefinition = {
  name: "book_appointment",
  title: "Book an appointment with a contact",
  description:
    "Find a free slot that suits the contact, confirm it with you, and book it on the calendar.",
  tools: [
    ...CONTACT_RECORD,
    "calendars_list",
    "calendars_get",
    "calendars_get_free_slots",
    "calendars_create_appointment",
  ],
  args: (ctx) => ({
    contact: contactArgument(ctx, "Who to book (name, email or phone)"),
    calendar: calendarArgument(ctx, "Calendar (name); default: ask").optional(),
    date: dateArgument(ctx, "Preferred day, YYYY-MM-DD; default the next days").optional(),
  }),
  async build({ contact, calendar, date }, ctx, locationId) {
    const found = await resolveContact(contact!, ctx);
    if (!found.contact) return whichContact(contact!, found.candidates);
    const person = found.contact;
    const chosen = calendar ? await resolveCalendar(calendar, ctx) : undefined;
    if (date && !isDate(date.trim())) throw invalid("date", "must be a day, YYYY-MM-DD");
    const messages = [await embed(contactUri(locationId, String(person.id)), ctx)];
    if (!chosen) {
      messages.push(await embed(calendarsUri(locationId), ctx));
      return [
        say(
          `I want to book an appointment with ${String(person.name)} (contact ${String(person.id)}; record attached)${calendar ? `, but no calendar is called "${calendar}"` : ""}. The calendars are attached: ask me which one fits, then find free slots with calendars_get_free_slots${date ? ` on ${date}` : ""}.`,
        ),
        ...messages,
      ];
    }
    const zone = await zoneOf(ctx);
    const first = date?.trim() || dayIn(Date.now(), zone);
    const days = date ? [first] : [first, addDays(first, 1), addDays(first, 2)];
    for (const day of days) {
      messages.push(await embed(freeSlotsUri(locationId, String(chosen.id), day), ctx));
    }
    return [
      say(
        `Book ${String(person.name)} (contact ${String(person.id)}) on "${String(chosen.name)}" (calendar ${String(chosen.id)}). Attached: the contact's record (notes may say which times suit them; upcoming appointments show what is already booked) and the calendar's free slots on ${days.join(", ")}.
Offer me two or three slots that fit, ask which one, and only then book it with calendars_create_appointment (calendarId ${String(chosen.id)}, contactId ${String(person.id)}, startTime exactly as the slot gives it). Confirm what was booked.`,
      ),
      ...messages,
    ];
  },
};

const writeSessionNote: PromptDefinition = {
  name: "write_session_note",
  title: "Write up a note after a session",
  description:
    "Turn what happened in a session into a short, structured note on the contact, with follow-up tasks if needed.",
  tools: [...CONTACT_RECORD, "contacts_create_note", "contacts_create_task"],
  args: (ctx) => ({
    contact: contactArgument(ctx, "Who the session was with (name)"),
    summary: z.string().describe("What happened, in your own words"),
    day: sessionDayArgument(ctx, "Day of the session, YYYY-MM-DD; default the latest").optional(),
  }),
  async build({ contact, summary, day }, ctx, locationId) {
    const found = await resolveContact(contact!, ctx);
    if (!found.contact) return whichContact(contact!, found.candidates);
    const person = found.contact;
    return [
      say(
        `Write up my session with ${String(person.name)} (contact ${String(person.id)})${day ? ` on ${day}` : ""} as a note. Their record is attached: keep continuity with earlier notes and goals.
My summary: """${summary ?? ""}"""
The note: what we worked on, how it went (numbers where I gave them), what to watch next time, next steps. Short and factual, no greeting. Show it to me; once I approve, save it with contacts_create_note (contactId ${String(person.id)}). If the summary implies a follow-up, propose a task for contacts_create_task with a due date, and create it only if I agree.`,
      ),
      await embed(contactUri(locationId, String(person.id)), ctx),
    ];
  },
};

const PROMPTS: readonly PromptDefinition[] = [
  followUpOverdueTasks,
  prepareTodaysAppointments,
  triageNewLeads,
  bookAppointment,
  writeSessionNote,
];

function invalid(argument: string, problem: string): ProtocolError {
  return new ProtocolError(ProtocolErrorCode.InvalidParams, `${argument}: ${problem}.`);
}

/** The location prompts are about: the configured one, or a caller's only location. */
function promptLocation(ctx: ToolContext): string {
  const allowed = [...(ctx.allowedLocations ?? [])];
  const locationId = ctx.locationId ?? (allowed.length === 1 ? allowed[0] : undefined);
  if (!locationId) {
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      "Prompts need a default location: set GHL_LOCATION_ID when starting ghl-mcp.",
    );
  }
  return locationId;
}

export function registerPrompts(server: McpServer, options: ResourceOptions): void {
  const selected = new Set(selectTools(options.selection).map((tool) => tool.name));
  const ctx = options.context;
  for (const prompt of PROMPTS) {
    if (!toolsAvailable(prompt.tools, selected)) continue;
    server.registerPrompt(
      prompt.name,
      {
        title: prompt.title,
        description: prompt.description,
        argsSchema: z.object(prompt.args(ctx)),
      },
      async (args): Promise<GetPromptResult> => ({
        description: prompt.title,
        messages: await prompt.build(args as Args, ctx, promptLocation(ctx)),
      }),
    );
  }
}
