// Token scopes to tools: ghl:read and ghl:write choose read-only mode, ghl:toolset:<name> narrows
// the toolsets, and neither can widen what the server was started with.
import { describe, expect, it } from "vitest";
import { accessFromScopes, narrowSelection, supportedScopes } from "../../src/auth/access.js";
import { selectTools } from "../../src/tools/index.js";

describe("token scopes", () => {
  it("allow nothing without ghl:read or ghl:write", () => {
    expect(accessFromScopes(["ghl:toolset:contacts", "openid"])).toBeUndefined();
  });

  it("make ghl:read alone read-only", () => {
    expect(accessFromScopes(["ghl:read"])).toEqual({ readOnly: true, toolsets: undefined });
  });

  it("open every tool with ghl:write", () => {
    expect(accessFromScopes(["ghl:write"])).toEqual({ readOnly: false, toolsets: undefined });
  });

  it("narrow to the named toolsets", () => {
    expect(accessFromScopes(["ghl:read", "ghl:toolset:contacts"])?.toolsets).toEqual(["contacts"]);
  });

  it("leave only read-only tools of the named toolset", () => {
    const access = accessFromScopes(["ghl:read", "ghl:toolset:contacts"])!;
    const tools = selectTools(narrowSelection({}, access));
    expect(tools.length).toBeGreaterThan(0);
    expect(tools.every((tool) => tool.toolset === "contacts")).toBe(true);
    expect(tools.map((tool) => tool.name)).not.toContain("contacts_create");
  });

  it("never widen a server started read-only", () => {
    const access = accessFromScopes(["ghl:write"])!;
    expect(narrowSelection({ readOnly: true }, access).readOnly).toBe(true);
  });

  it("never add a toolset the server was not started with", () => {
    const access = accessFromScopes([
      "ghl:write",
      "ghl:toolset:contacts",
      "ghl:toolset:calendars",
    ])!;
    expect(narrowSelection({ toolsets: ["calendars"] }, access).toolsets).toEqual(["calendars"]);
  });

  it("ignore a toolset that does not exist instead of failing the request", () => {
    const access = accessFromScopes(["ghl:read", "ghl:toolset:nonsense"])!;
    expect(selectTools(narrowSelection({}, access))).toEqual([]);
  });

  it("are advertised, one per toolset", () => {
    expect(supportedScopes()).toEqual(
      expect.arrayContaining(["ghl:read", "ghl:write", "ghl:toolset:contacts"]),
    );
  });
});
