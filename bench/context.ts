// `npm run bench:context`: the size of what a model sees of ghl-mcp's tools (name, description,
// input schema, exactly as tools/list sends them), in bytes and in o200k tokens, per tool, per
// toolset and in total, measured against the budget.
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { allTools } from "../src/tools/index.js";
import { listAdvertisedTools } from "../test/support/advertised-tools.js";

const BUDGET_TOKENS = 10_000;

const tools = await listAdvertisedTools();

const toolsetOf = new Map(allTools.map((tool) => [tool.name, tool.toolset]));
const rows = tools.map((tool) => {
  const seen = JSON.stringify({
    name: tool.name,
    description: tool.description,
    inputSchema: tool.inputSchema,
  });
  return {
    tool: tool.name,
    toolset: toolsetOf.get(tool.name) ?? "?",
    bytes: Buffer.byteLength(seen),
    tokens: encode(seen).length,
  };
});

const sum = (list: typeof rows, key: "bytes" | "tokens") => list.reduce((n, r) => n + r[key], 0);
const verbose = process.argv.includes("--per-tool");
if (verbose) {
  console.log("tool".padEnd(48), "bytes".padStart(7), "tokens".padStart(7));
  for (const row of [...rows].sort((a, b) => b.tokens - a.tokens)) {
    console.log(row.tool.padEnd(48), String(row.bytes).padStart(7), String(row.tokens).padStart(7));
  }
  console.log();
}
console.log(
  "toolset".padEnd(20),
  "tools".padStart(6),
  "bytes".padStart(8),
  "tokens".padStart(8),
  "tokens/tool".padStart(12),
);
for (const toolset of [...new Set(rows.map((r) => r.toolset))]) {
  const group = rows.filter((r) => r.toolset === toolset);
  const tokens = sum(group, "tokens");
  console.log(
    toolset.padEnd(20),
    String(group.length).padStart(6),
    String(sum(group, "bytes")).padStart(8),
    String(tokens).padStart(8),
    (tokens / group.length).toFixed(1).padStart(12),
  );
}
const total = sum(rows, "tokens");
console.log(
  "total".padEnd(20),
  String(rows.length).padStart(6),
  String(sum(rows, "bytes")).padStart(8),
  String(total).padStart(8),
  (total / rows.length).toFixed(1).padStart(12),
);
console.log(
  `budget: ${BUDGET_TOKENS} tokens; used ${((100 * total) / BUDGET_TOKENS).toFixed(1)}% (${total <= BUDGET_TOKENS ? "within" : "OVER"})`,
);
