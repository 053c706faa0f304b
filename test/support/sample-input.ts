// Builds arguments for a tool from the JSON Schema it advertises: "full" sets every property, to
// prove no field is sent that GHL does not know; "minimal" sets only what is required.
type Schema = Record<string, unknown>;

function sampleString(name: string, schema: Schema): string {
  const described = typeof schema.description === "string" ? schema.description : "";
  if (schema.format === "email" || /^emails?$/i.test(name)) return "jane.cooper@example.com";
  if (schema.format === "date-time" || described.startsWith("ISO")) {
    return "2026-12-04T15:00:00-06:00";
  }
  if (schema.format === "date") return "2026-12-04";
  if (schema.format === "uri") return "https://example.com/x";
  if (typeof schema.pattern === "string" && schema.pattern.includes("customFields")) {
    return "customFields.abc123";
  }
  if (/phone|number/i.test(name)) return "(555) 010-2233";
  const length = typeof schema.minLength === "number" ? schema.minLength : 1;
  const base = `${name || "value"}1`;
  const value = base.length >= length ? base : base.padEnd(length, "x");
  return typeof schema.maxLength === "number" ? value.slice(0, schema.maxLength) : value;
}

export function sample(schema: Schema, mode: "full" | "minimal", name = ""): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ("const" in schema) return schema.const;
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (options) return sample(options[0]!, mode, name);
  // A nullable field (`type: ["string", "null"]`) gets a value of its first type.
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case "string":
      return sampleString(name, schema);
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? Math.max(schema.minimum, 1) : 1;
    case "boolean":
      return true;
    case "array": {
      const items = (schema.items ?? { type: "string" }) as Schema;
      const count = typeof schema.minItems === "number" ? Math.max(schema.minItems, 1) : 1;
      return Array.from({ length: count }, () => sample(items, mode, name));
    }
    case "object":
    default: {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(properties)) {
        if (mode === "minimal" && !required.has(key)) continue;
        if (mode === "minimal" && "default" in inner) continue;
        if (key === "cursor") continue;
        out[key] = sample(inner, mode, key);
      }
      return out;
    }
  }
}
