// The one logger: structured JSON lines on stderr, because stdout carries the MCP protocol in stdio
// mode. Credentials are redacted by path, and callers never pass them in the first place.
import { destination, pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export function createLogger(
  level: LogLevel = "info",
  stream: DestinationStream = destination({ dest: 2, sync: true }),
): Logger {
  return pino(
    {
      name: "ghl-mcp",
      level,
      base: undefined,
      redact: {
        paths: ["token", "*.token", "authorization", "*.authorization", "headers.authorization"],
        censor: "[redacted]",
      },
    },
    stream,
  );
}

export const silentLogger: Logger = pino({ level: "silent" });
