// Which sandbox handler serves which spec operation. An area adds one file exporting a HandlerSet
// keyed by operation key (`contacts/get-contact`) and one line below.
import type { TokenKind } from "../../spec/operations.js";
import type { SandboxStore } from "../store.js";
import { associationHandlers } from "./associations.js";
import { blogHandlers } from "./blogs.js";
import { businessHandlers } from "./businesses.js";
import { calendarHandlers } from "./calendars.js";
import { contactHandlers } from "./contacts.js";
import { conversationHandlers } from "./conversations.js";
import { locationHandlers } from "./locations.js";
import { opportunityHandlers } from "./opportunities.js";
import { userHandlers } from "./users.js";
import { workflowHandlers } from "./workflows.js";

export interface AuthContext {
  kind: TokenKind;
  scopes: string[];
  companyId: string;
  /** The token's location; undefined for agency tokens. */
  locationId?: string;
}

export interface HandlerContext {
  /** Path parameters by template name. */
  params: Record<string, string>;
  /** Query parameters after validation, coerced to their declared types, defaults applied. */
  query: Record<string, unknown>;
  /** The validated JSON body (`{}` when none was sent). */
  body: Record<string, unknown>;
  auth: AuthContext;
  store: SandboxStore;
  now: () => number;
  /** The sandbox's own base URL, for the `nextPageUrl`s some envelopes carry. */
  baseUrl: string;
  /** This request's trace id, for the bodies that echo it. */
  traceId: string;
}

export interface HandlerResult {
  status: number;
  body: unknown;
  /** A file instead of JSON (a call recording, a download): `body` is its bytes or text. */
  file?: { contentType: string; disposition: string };
}

/** Returns the response, or throws a SandboxError for a refusal the platform would give. */
export type Handler = (context: HandlerContext) => HandlerResult;

export type HandlerSet = Record<string, Handler>;

export const HANDLERS: HandlerSet = {
  ...contactHandlers,
  ...opportunityHandlers,
  ...userHandlers,
  ...calendarHandlers,
  ...conversationHandlers,
  ...businessHandlers,
  ...locationHandlers,
  ...workflowHandlers,
  ...associationHandlers,
  ...blogHandlers,
};
