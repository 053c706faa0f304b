// End-to-end tests start the built server with plain node, as a user's MCP client would, so the
// suite builds it once first. Type errors do not stop the build (tsc still emits); they fail the
// type check that `npm test` runs before the suite.
import { spawnSync } from "node:child_process";

export default function setup(): void {
  spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    stdio: "ignore",
  });
}
