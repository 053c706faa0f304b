// This server as an OAuth 2.1 resource server (RFC 9728): the metadata document that tells a
// client which authorization server issues tokens for it and which scopes to ask for. The 401
// challenge points at it, and it is served both at the root and with the endpoint's path.
import {
  getOAuthProtectedResourceMetadataUrl,
  type OAuthProtectedResourceMetadata,
} from "@modelcontextprotocol/server";
import { supportedScopes } from "./access.js";

const WELL_KNOWN = "/.well-known/oauth-protected-resource";

export interface ProtectedResource {
  /** The MCP endpoint's URL: the resource identifier tokens are issued for (RFC 8707). */
  resource: string;
  /** Where the 401 challenge points: the path-suffixed form the MCP spec asks clients to try. */
  metadataUrl: string;
  /** The paths the document answers at. */
  paths: readonly string[];
  metadata: OAuthProtectedResourceMetadata;
}

export function describeProtectedResource(endpoint: URL, issuer: string): ProtectedResource {
  const metadataUrl = getOAuthProtectedResourceMetadataUrl(endpoint);
  return {
    resource: endpoint.href,
    metadataUrl,
    paths: [WELL_KNOWN, new URL(metadataUrl).pathname],
    metadata: {
      resource: endpoint.href,
      authorization_servers: [issuer],
      scopes_supported: supportedScopes(),
      bearer_methods_supported: ["header"],
      resource_name: "GoHighLevel (ghl-mcp)",
    },
  };
}
