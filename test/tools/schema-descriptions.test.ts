// What a model sees of every parameter: each property of each advertised input schema, at any
// depth, is typed and described; and the whole catalog stays within its context budget.
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { listAdvertisedTools, type AdvertisedTool } from "../support/advertised-tools.js";

/** The catalog's budget in o200k tokens (issue 3), measured as `bench/context.ts` measures it. */
const BUDGET_TOKENS = 10_000;

type Schema = Record<string, unknown>;

const tools = await listAdvertisedTools();

/** A `type`, an `enum`, or an `anyOf` whose every branch is typed. */
function isTyped(schema: Schema): boolean {
  if (schema.type !== undefined || Array.isArray(schema.enum)) return true;
  const branches = schema.anyOf ?? schema.oneOf;
  return Array.isArray(branches) && branches.every((branch) => isTyped(branch as Schema));
}

/** "contactId", "filters[].operator": every property below `schema`, with what is wrong with it. */
function problems(schema: Schema, path = ""): string[] {
  const found: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, property] of Object.entries(properties)) {
    const at = path ? `${path}.${name}` : name;
    const description = property.description;
    if (typeof description !== "string" || description.trim() === "") {
      found.push(`${at}: no description`);
    }
    if (!isTyped(property)) found.push(`${at}: no type`);
    found.push(...problems(property, at));
  }
  if (schema.items && typeof schema.items === "object") {
    found.push(...problems(schema.items as Schema, `${path}[]`));
  }
  for (const branch of [schema.anyOf, schema.oneOf].flat()) {
    if (branch && typeof branch === "object") found.push(...problems(branch as Schema, path));
  }
  return found;
}

function tokensOf(tool: AdvertisedTool): number {
  const seen = { name: tool.name, description: tool.description, inputSchema: tool.inputSchema };
  return encode(JSON.stringify(seen)).length;
}

describe("the advertised input schemas", () => {
  it("lists tools to check", () => {
    expect(tools.length).toBeGreaterThan(100);
  });

  it.each(tools.map((tool) => [tool.name, tool] as const))(
    "%s: every property, at every depth, has a type and a description",
    (_name, tool) => {
      expect(problems(tool.inputSchema)).toEqual([]);
    },
  );

  it("finds what is missing, naming the property path", () => {
    const schema = {
      type: "object",
      properties: {
        contactId: { type: "string" },
        filters: {
          type: "array",
          description: "Filters",
          items: { type: "object", properties: { value: { description: "Value" } } },
        },
      },
    };
    expect(problems(schema)).toEqual(["contactId: no description", "filters[].value: no type"]);
  });
});

describe("the context budget", () => {
  it(`keeps the whole catalog under ${BUDGET_TOKENS} o200k tokens`, () => {
    const total = tools.reduce((sum, tool) => sum + tokensOf(tool), 0);
    expect(total).toBeLessThan(BUDGET_TOKENS);
  });
});
