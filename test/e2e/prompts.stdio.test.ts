// The prompts over real stdio with every client generation: listed with described arguments,
// arguments completed from the studio's own data, and each prompt filled with the live records it
// is about, naming the tools that finish the job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { CLIENT_KINDS, againstSandbox } from "../support/mcp-clients.js";
import {
  connectForResources,
  type PromptMessage,
  type ResourceClient,
} from "../resources/clients.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const base = () => `ghl://locations/${sandbox.locationId}`;
const contactNamed = (first: string, last: string) =>
  [...sandbox.store.contacts.values()].find((c) => c.firstName === first && c.lastName === last)!;
const calendarNamed = (name: string) =>
  [...sandbox.store.calendars.values()].find((c) => c.name === name)!;
const studioDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago" }).format(
    Date.now() + offsetDays * 86_400_000,
  );

const texts = (messages: PromptMessage[]) =>
  messages.filter((m) => m.content.type === "text").map((m) => m.content.text ?? "");
const embedded = (messages: PromptMessage[]) =>
  messages.filter((m) => m.content.type === "resource").map((m) => m.content.resource!);

const PROMPTS = [
  "follow_up_overdue_tasks",
  "prepare_todays_appointments",
  "triage_new_leads",
  "book_appointment",
  "write_session_note",
];

describe.each(CLIENT_KINDS)("prompts with the %s client", (kind) => {
  let client: ResourceClient;
  beforeAll(async () => {
    sandbox.reset();
    client = await connectForResources(kind, againstSandbox(sandbox));
  });
  afterAll(() => client.close());

  const complete = (
    prompt: string,
    argument: string,
    value: string,
    filled?: Record<string, string>,
  ) => client.complete({ type: "ref/prompt", name: prompt }, argument, value, filled);

  it("lists the five prompts, every argument described", async () => {
    const prompts = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual([...PROMPTS].sort());
    for (const prompt of prompts) {
      expect(prompt.description).toBeTruthy();
      for (const argument of prompt.arguments ?? []) expect(argument.description).toBeTruthy();
    }
    const book = prompts.find((p) => p.name === "book_appointment")!;
    expect(book.arguments).toEqual([
      expect.objectContaining({ name: "contact", required: true }),
      expect.objectContaining({ name: "calendar", required: false }),
      expect.objectContaining({ name: "date", required: false }),
    ]);
  });

  it("completes arguments from the studio's contacts, calendars, pipelines and days", async () => {
    expect(await complete("book_appointment", "contact", "Ja")).toEqual(
      expect.arrayContaining(["Jane Cooper", "Jane Doe"]),
    );
    expect(await complete("book_appointment", "calendar", "intro")).toEqual(["Free Intro Session"]);
    expect(await complete("book_appointment", "date", "tomorrow")).toEqual([studioDay(1)]);
    expect(await complete("triage_new_leads", "pipeline", "new")).toEqual(["New Member Journey"]);
    expect(await complete("triage_new_leads", "days", "1")).toEqual(["1", "14"]);
    expect(await complete("follow_up_overdue_tasks", "assignee", "mar")).toEqual(["Marcus Reid"]);

    const jane = contactNamed("Jane", "Cooper");
    const last = [...sandbox.store.appointments.values()]
      .filter((a) => a.contactId === jane.id && Date.parse(a.startTime) < Date.now())
      .map((a) => a.startTime.slice(0, 10))
      .sort()
      .pop();
    expect(await complete("write_session_note", "day", "", { contact: "Jane Cooper" })).toEqual([
      last,
    ]);
  });

  it("fills follow_up_overdue_tasks with the tasks that are overdue or due within a day", async () => {
    const { messages } = await client.getPrompt("follow_up_overdue_tasks");
    const [instructions, tasks] = texts(messages);
    expect(instructions).toMatch(/contacts_complete_task/);
    expect(tasks).toMatch(/Win-back call: 3 free sessions offer/);
    expect(tasks).not.toMatch(/Send VIP renewal invitation/);

    const onlyDavid = await client.getPrompt("follow_up_overdue_tasks", {
      contact: "David Okafor",
    });
    expect(texts(onlyDavid.messages)[0]).toMatch(/for David Okafor/);
    expect(texts(onlyDavid.messages)[1]).not.toMatch(/Follow up after free intro/);
  });

  it("fills prepare_todays_appointments with the day's appointments and each person's record", async () => {
    const robert = contactNamed("Robert", "Chen");
    const personal = calendarNamed("1:1 Personal Training");
    const { messages } = await client.getPrompt("prepare_todays_appointments", {
      date: studioDay(1),
    });
    const uris = embedded(messages).map((r) => r.uri);
    expect(uris).toContain(
      `${base()}/calendars/${personal.id}/events?from=${studioDay(1)}&to=${studioDay(1)}`,
    );
    expect(uris).toContain(`${base()}/contacts/${robert.id}`);
    expect(texts(messages)[0]).toMatch(new RegExp(studioDay(1)));
  });

  it("fills triage_new_leads with the pipeline's stages, the recent leads and their deals", async () => {
    const { messages } = await client.getPrompt("triage_new_leads", { days: "7" });
    const [instructions, pipeline, leads] = texts(messages);
    expect(instructions).toMatch(/New Member Journey/);
    expect(instructions).toMatch(/opportunities_create/);
    expect(pipeline).toMatch(/Intro Booked/);
    expect(leads).toMatch(/Jane Doe/);
    expect(leads).not.toMatch(/Jane Cooper/);
  });

  it("fills book_appointment with the contact and the calendar's free slots", async () => {
    const jane = contactNamed("Jane", "Cooper");
    const personal = calendarNamed("1:1 Personal Training");
    const { messages } = await client.getPrompt("book_appointment", {
      contact: "Jane Cooper",
      calendar: "1:1 Personal Training",
      date: studioDay(1),
    });
    expect(embedded(messages).map((r) => r.uri)).toEqual([
      `${base()}/contacts/${jane.id}`,
      `${base()}/calendars/${personal.id}/free-slots/${studioDay(1)}`,
    ]);
    expect(texts(messages)[0]).toMatch(/calendars_create_appointment/);
  });

  it("asks which contact is meant when a name fits several", async () => {
    const { messages } = await client.getPrompt("book_appointment", { contact: "Jane" });
    expect(texts(messages)[0]).toMatch(/matches several contacts/);
    expect(texts(messages)[0]).toMatch(/Jane Cooper/);
    expect(texts(messages)[0]).toMatch(/Jane Doe/);
  });

  it("fills write_session_note with the summary and the contact's record", async () => {
    const jane = contactNamed("Jane", "Cooper");
    const { messages } = await client.getPrompt("write_session_note", {
      contact: "Jane Cooper",
      summary: "Goblet squats 3x8 at 35 lb, knee felt fine.",
    });
    expect(texts(messages)[0]).toMatch(/Goblet squats 3x8/);
    expect(texts(messages)[0]).toMatch(/contacts_create_note/);
    expect(embedded(messages)[0]?.uri).toBe(`${base()}/contacts/${jane.id}`);
  });

  it("refuses a prompt without its required arguments", async () => {
    await expect(
      client.getPrompt("write_session_note", { contact: "Jane Cooper" }),
    ).rejects.toThrow(/summary/);
  });
});

describe("prompts on a read-only server", () => {
  it("offers only the prompts that change nothing", async () => {
    const client = await connectForResources("current (2026-07-28)", [
      ...againstSandbox(sandbox),
      "--read-only",
    ]);
    try {
      expect((await client.listPrompts()).map((p) => p.name)).toEqual([
        "prepare_todays_appointments",
      ]);
    } finally {
      await client.close();
    }
  });
});
