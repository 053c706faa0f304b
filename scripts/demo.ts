// `npm run demo`: "complete Jane's follow-up task", played by a real MCP client against the
// built-in sandbox, printing each step an agent takes.
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";

interface Result {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
}

const client = new Client({ name: "ghl-mcp-demo", version: "1.0.0" });
await client.connect(
  new StdioClientTransport({
    command: process.execPath,
    args: ["dist/cli.js", "--sandbox"],
    env: { PATH: process.env.PATH ?? "", GHL_LOG_LEVEL: "warn" },
    stderr: "ignore",
  }),
);

let step = 0;
async function call(name: string, args: Record<string, unknown>): Promise<Result> {
  step += 1;
  console.log(`\n${step}. ${name} ${JSON.stringify(args)}`);
  const result = (await client.callTool({ name, arguments: args })) as Result;
  const [summary] = (result.content[0]?.text ?? "").split("\n");
  console.log(`   ${result.isError ? "error" : "→"} ${summary!.slice(0, 160)}`);
  return result;
}

function say(who: string, text: string): void {
  console.log(`\n${who}: ${text}`);
}

const { tools } = await client.listTools();
console.log(`Connected to ghl-mcp over stdio (sandbox): ${tools.length} tools.`);
say("User", "Complete Jane's follow-up task.");

const janes = await call("contacts_find", { query: "Jane" });
type Match = { id: string; name: string; companyName?: string; email?: string; tags?: string[] };
for (const match of (janes.structuredContent?.matches as Match[]).slice(0, 3)) {
  console.log(
    `   - ${match.name} (${match.companyName ?? "no company"}, ${match.email}, ${match.tags?.join("/")})`,
  );
}
say(
  "Agent",
  "I found more than one Jane. Do you mean Jane Cooper from Acme Logistics, or Jane Doe?",
);
say("User", "Jane from Acme.");

const found = await call("contacts_find", { query: "Jane from Acme" });
const jane = (found.structuredContent?.matches as Match[])[0]!;

const listed = await call("contacts_list_tasks", { contactId: jane.id });
type Task = { id: string; title: string; completed: boolean; dueDate: string };
const tasks = listed.structuredContent?.tasks as Task[];
for (const task of tasks) {
  console.log(`   - [${task.completed ? "x" : " "}] ${task.title} (due ${task.dueDate})`);
}
const followUp = tasks.find((t) => !t.completed && /follow-up/i.test(t.title));
if (!followUp) throw new Error("The sandbox has no open follow-up task for Jane Cooper.");

await call("contacts_complete_task", { contactId: jane.id, taskId: followUp.id });
const after = await call("contacts_get_task", { contactId: jane.id, taskId: followUp.id });
const task = after.structuredContent?.task as Task;
say(
  "Agent",
  `Done: "${task.title}" for ${jane.name} is ${task.completed ? "completed" : "still open"}.`,
);

await client.close();
