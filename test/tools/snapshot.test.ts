// What models see of the tools (names, descriptions, input schemas, annotations) changes only on
// purpose: the committed snapshot must match, and `npm run snapshot:tools` updates it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listAdvertisedTools } from "../support/advertised-tools.js";

const committed = JSON.parse(
  readFileSync(new URL("./tools.snapshot.json", import.meta.url), "utf8"),
) as { name: string }[];

describe("the tool snapshot", () => {
  it("matches what tools/list advertises (run npm run snapshot:tools after a deliberate change)", async () => {
    const current = await listAdvertisedTools();
    expect(current.map((t) => t.name)).toEqual(committed.map((t) => t.name));
    expect(current).toEqual(committed);
  });
});
