// What a model is shown of ghl-mcp's tools, exactly as tools/list sends it, read through a real
// client over an in-memory connection. The snapshot test and the context benchmark share it.
import { Client } from "@modelcontextprotocol/client";
import { InMemoryTransport } from "@modelcontextprotocol/server";
import { StaticCredential } from "../../src/auth/credentials.js";
import { GhlClient } from "../../src/ghl/client.js";
import { silentLogger } from "../../src/logger.js";
import { createServer } from "../../src/server.js";

export interface AdvertisedTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

export async function listAdvertisedTools(): Promise<AdvertisedTool[]> {
  const ghl = new GhlClient({
    baseUrl: "http://127.0.0.1:9",
    credentials: new StaticCredential("pit-listing"),
    logger: silentLogger,
  });
  const server = createServer({ context: { client: ghl, locationId: "listing" } });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "listing", version: "1" });
  await client.connect(clientSide);
  try {
    const { tools } = await client.listTools();
    return tools.map(({ name, title, description, inputSchema, annotations }) => ({
      name,
      title,
      description,
      inputSchema: inputSchema as Record<string, unknown>,
      annotations: annotations as Record<string, unknown> | undefined,
    }));
  } finally {
    await client.close();
    await ghl.close();
  }
}
