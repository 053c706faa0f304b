// Lint rules: the recommended TypeScript set, type-aware, plus a ban on writing to stdout from
// library code (stdout is the MCP protocol in stdio mode).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "node_modules", "coverage", "spec"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    files: ["src/cli.ts", "scripts/**", "bench/**"],
    rules: { "no-console": "off" },
  },
);
