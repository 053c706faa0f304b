// Every operation of the catalog (spec/CATALOG.md, the product page's list mapped to the official
// spec) is served by a tool, and so are the extras an agent obviously needs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getOperation } from "../../src/spec/operations.js";
import { allTools } from "../../src/tools/index.js";

interface Row {
  category: string;
  operation: string;
  key?: string;
}

/** The rows of the "Operations on the page" table, with their spec operation keys. */
function catalogRows(): Row[] {
  const text = readFileSync(new URL("../../spec/CATALOG.md", import.meta.url), "utf8");
  const table = text.slice(
    text.indexOf("## Operations on the page"),
    text.indexOf("## Endpoints in these spec files"),
  );
  return table
    .split("\n")
    .filter(
      (line) => line.startsWith("| ") && !line.startsWith("| category") && !line.startsWith("|---"),
    )
    .map((line) => {
      const cells = line.split(" | ").map((cell) => cell.replace(/^\| ?/, "").trim());
      const spec = /^([\w-]+)\.json `([^`]+)`/.exec(cells[4] ?? "");
      return {
        category: cells[0]!,
        operation: cells[1]!,
        key: spec ? `${spec[1]}/${spec[2]}` : undefined,
      };
    });
}

/** Operations with no single endpoint, served by a composite tool. */
const COMPOSITE: Record<string, string> = {
  "Find Contact (search by email, phone or ID)": "contacts_find",
};

const byOperation = new Map(allTools.filter((t) => t.operation).map((t) => [t.operation!, t.name]));

describe("the catalog", () => {
  const rows = catalogRows();

  it("has the 124 operations the catalog lists", () => {
    expect(rows).toHaveLength(124);
  });

  it.each(rows.map((row) => [row.operation, row] as const))(
    "%s is served by a tool",
    (_name, row) => {
      const tool = row.key ? byOperation.get(row.key) : COMPOSITE[row.operation];
      expect(tool, `${row.category}: ${row.operation} (${row.key ?? "composite"})`).toBeDefined();
      if (row.key) expect(getOperation(row.key), row.key).toBeDefined();
    },
  );
});
