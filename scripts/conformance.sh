#!/usr/bin/env bash
# Runs the MCP conformance suite against `ghl-mcp --http --sandbox` and checks the outcome against
# conformance-baseline.yml. The suite needs Node 22, which npx fetches from the npm registry as a
# package. Needs `npm run build` first. The suite's closing "Total: N passed, M failed" is renamed
# so that it is never taken for the project's own test summary.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE="@modelcontextprotocol/conformance@0.1.16"
log="$(mktemp)"
node dist/cli.js --http --sandbox --port 0 --log-level warn 2>"$log" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

endpoint=""
for _ in $(seq 1 100); do
  endpoint="$(sed -n 's/.*Streamable HTTP at \(http:[^ ]*\).*/\1/p' "$log" | head -n 1)"
  if [ -n "$endpoint" ]; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$log" >&2
    echo "conformance: ghl-mcp --http did not start" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$endpoint" ]; then
  cat "$log" >&2
  echo "conformance: ghl-mcp --http did not say where it listens" >&2
  exit 1
fi

echo "conformance: $SUITE against $endpoint"
npm_config_loglevel=error npx -y -p node@22 -p "$SUITE" conformance server \
  --url "$endpoint" --expected-failures conformance-baseline.yml 2>&1 |
  sed -u 's/^Total: /Conformance total: /'
