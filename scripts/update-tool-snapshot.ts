// `npm run snapshot:tools`: rewrites the committed snapshot of what models see of every tool.
// Run it when a change to names, descriptions, schemas or annotations is meant; review the diff.
import { writeFileSync } from "node:fs";
import { listAdvertisedTools } from "../test/support/advertised-tools.js";

const tools = await listAdvertisedTools();
writeFileSync(
  new URL("../test/tools/tools.snapshot.json", import.meta.url),
  `${JSON.stringify(tools, null, 2)}\n`,
);
console.log(`Wrote the snapshot of ${tools.length} tools.`);
