// Every operation of spec/apps/users.json against the store: search by company, filter by email,
// the deprecated list by location, create, update and the soft delete GHL queues, with what a
// deleted user leaves behind (unassigned contacts and opportunities).
import { getOperation, type JsonSchema } from "../../spec/operations.js";
import { badRequest, iamError, unprocessable } from "../errors.js";
import { toE164 } from "../phone.js";
import type { SandboxStore, UserRecord } from "../store.js";
import { isoUtc } from "../time.js";
import { checkCompany } from "./locations.js";
import { checkReach } from "./opportunities.js";
import type { AuthContext, HandlerResult, HandlerSet } from "./registry.js";

interface UserInput {
  companyId?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  password?: string;
  phone?: string;
  type?: string;
  role?: string;
  locationIds?: string[];
  permissions?: Record<string, boolean>;
  scopes?: string[];
  scopesAssignedToOnly?: string[];
  profilePhoto?: string;
  platformLanguage?: string;
}

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

const SORTABLE = ["firstName", "lastName", "email"] as const;

export const userHandlers: HandlerSet = {
  "users/search-users": ({ query, store, auth }) => {
    checkCompany(auth, String(query.companyId));
    const text = typeof query.query === "string" ? query.query.trim().toLowerCase() : "";
    const ids = typeof query.ids === "string" ? query.ids.split(",").map((id) => id.trim()) : [];
    const sort = (query.sort as string | undefined) ?? "firstName";
    if (!SORTABLE.includes(sort as (typeof SORTABLE)[number])) {
      throw unprocessable([`sort must be one of the following values: ${SORTABLE.join(", ")}`]);
    }
    if (typeof query.locationId === "string") checkReach(auth, store, query.locationId);

    const direction = query.sortDirection === "desc" ? -1 : 1;
    const matching = visibleUsers(store, auth)
      .filter((user) => !user.deleted)
      .filter(
        (user) =>
          typeof query.locationId !== "string" || user.locationIds.includes(query.locationId),
      )
      .filter((user) => query.type === undefined || user.type === query.type)
      .filter((user) => query.role === undefined || user.role === query.role)
      .filter((user) => ids.length === 0 || ids.includes(user.id))
      .filter((user) => !text || matchesText(user, text))
      .sort((a, b) => a[sort as "firstName"].localeCompare(b[sort as "firstName"]) * direction);
    return ok(page(matching, query.skip, query.limit));
  },

  "users/filter-users-by-email": ({ body, store, auth }) => {
    checkCompany(auth, String(body.companyId));
    const emails = String(body.emails)
      .split(",")
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean);
    const deleted = body.deleted === true;
    const matching = visibleUsers(store, auth).filter(
      (user) => user.deleted === deleted && emails.includes(user.email.toLowerCase()),
    );
    return ok(page(matching, body.skip ?? "0", body.limit ?? "25"));
  },

  "users/get-user": ({ params, store, auth }) => ok(userView(userOf(store, auth, params.userId))),

  "users/get-user-by-location": ({ query, store }) => {
    const users = [...store.users.values()].filter(
      (user) => !user.deleted && user.locationIds.includes(String(query.locationId)),
    );
    return ok({ users: users.map(userView) });
  },

  "users/create-user": ({ body, store, auth }) => {
    const input = body as UserInput;
    checkCompany(auth, input.companyId as string);
    const locationIds = locationsOf(store, auth, input.locationIds as string[]);
    if (!["account", "agency"].includes(input.type as string)) {
      throw unprocessable(["type must be one of the following values: account, agency"]);
    }
    refuseTakenEmail(store, input.companyId as string, input.email as string);

    const user = store.insert(store.users, {
      companyId: input.companyId as string,
      locationIds,
      firstName: input.firstName as string,
      lastName: input.lastName as string,
      email: (input.email as string).trim(),
      phone: phoneOf(store, locationIds, input.phone) ?? "",
      type: input.type as UserRecord["type"],
      role: roleOf(input.role as string),
      title: "",
      deleted: false,
    });
    applyExtras(user, input);
    return ok(userView(user), 201);
  },

  "users/update-user": ({ params, body, store, auth }) => {
    const user = userOf(store, auth, params.userId);
    const input = body as UserInput;
    if (user.deleted) throw badRequest(`User with id ${user.id} not found`);
    // The DTO keeps email, deprecated: "Email update is no longer supported due to security
    // reasons". Refusing it (rather than ignoring it) is our inference, the stricter reading.
    if (input.email !== undefined && input.email !== user.email) {
      throw badRequest("Email update is no longer supported");
    }
    if (input.companyId !== undefined) checkCompany(auth, input.companyId);
    if (input.type !== undefined && !["account", "agency"].includes(input.type)) {
      throw unprocessable(["type must be one of the following values: account, agency"]);
    }

    if (input.locationIds !== undefined)
      user.locationIds = locationsOf(store, auth, input.locationIds);
    if (input.firstName !== undefined) user.firstName = input.firstName;
    if (input.lastName !== undefined) user.lastName = input.lastName;
    if (input.phone !== undefined) user.phone = phoneOf(store, user.locationIds, input.phone) ?? "";
    if (input.type !== undefined) user.type = input.type as UserRecord["type"];
    if (input.role !== undefined) user.role = roleOf(input.role);
    applyExtras(user, input);
    return ok(userView(user));
  },

  /**
   * GHL queues the deletion ("will take effect in a few minutes"); the sandbox applies it at once
   * as a soft delete (`deleted: true`, as users carry). What the user owned stays, unassigned:
   * their contacts and opportunities lose `assignedTo`, and they stop following any. This is
   * inferred from how the app offers to reassign a leaving user's records, never to delete them.
   */
  "users/delete-user": ({ params, store, auth, now }) => {
    const user = userOf(store, auth, params.userId);
    if (user.deleted) throw badRequest(`User with id ${user.id} not found`);
    user.deleted = true;

    const stamp = isoUtc(now());
    for (const opportunity of store.opportunities.values()) {
      const followed = opportunity.followers.includes(user.id);
      if (opportunity.assignedTo !== user.id && !followed) continue;
      if (opportunity.assignedTo === user.id) delete opportunity.assignedTo;
      opportunity.followers = opportunity.followers.filter((id) => id !== user.id);
      opportunity.updatedAt = stamp;
    }
    for (const contact of store.contacts.values()) {
      const followed = contact.followers.includes(user.id);
      if (contact.assignedTo !== user.id && !followed) continue;
      if (contact.assignedTo === user.id) delete contact.assignedTo;
      contact.followers = contact.followers.filter((id) => id !== user.id);
      contact.dateUpdated = stamp;
    }
    const name = `${user.firstName} ${user.lastName}`.trim();
    return ok({
      succeded: true,
      message: `Queued deleting user with e-mail ${user.email} and name ${name}. Will take effect in a few minutes.`,
    });
  },
};

let permissionDefaults: Record<string, boolean> | undefined;

/** PermissionsDto's declared defaults, which a user has until someone changes them. */
function defaultPermissions(): Record<string, boolean> {
  if (permissionDefaults) return permissionDefaults;
  const body = getOperation("users/create-user")?.requestBody as JsonSchema | undefined;
  const properties = ((body?.properties as Record<string, JsonSchema> | undefined)?.permissions
    ?.properties ?? {}) as Record<string, JsonSchema>;
  permissionDefaults = Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => [name, schema.default === true]),
  );
  return permissionDefaults;
}

/** The user as UserSchema describes it. */
function userView(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    name: `${user.firstName} ${user.lastName}`.trim(),
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    phone: user.phone,
    extension: "",
    permissions: { ...defaultPermissions(), ...user.permissions },
    scopes: user.scopes,
    scopesAssignedToOnly: user.scopesAssignedToOnly,
    roles: {
      type: user.type,
      role: user.role,
      locationIds: user.locationIds,
      restrictSubAccount: false,
    },
    deleted: user.deleted,
    profilePhoto: user.profilePhoto,
    platformLanguage: user.platformLanguage ?? "en_US",
  };
}

/**
 * The users a token may see: an agency token its company's; a sub-account token only those who
 * work in its location (inferred, the stricter reading).
 */
function visibleUsers(store: SandboxStore, auth: AuthContext): UserRecord[] {
  return [...store.users.values()].filter(
    (user) =>
      user.companyId === auth.companyId &&
      (!auth.locationId || user.locationIds.includes(auth.locationId)),
  );
}

/** Inferred wording, by analogy with the observed unknown-contact refusal. */
function userOf(store: SandboxStore, auth: AuthContext, userId: string | undefined): UserRecord {
  const user = store.users.get(userId ?? "");
  if (!user || user.companyId !== auth.companyId) {
    throw badRequest(`User with id ${userId} not found`);
  }
  if (auth.locationId && !user.locationIds.includes(auth.locationId)) {
    throw iamError(403, "The token does not have access to this location.");
  }
  return user;
}

/** `skip`/`limit` come as number strings; the answer is `{users, count}`. */
function page(users: UserRecord[], skipValue: unknown, limitValue: unknown) {
  const skip = Number(skipValue);
  const limit = Number(limitValue);
  if (!Number.isInteger(skip) || skip < 0) throw unprocessable(["skip must be a number string"]);
  if (!Number.isInteger(limit) || limit < 1) throw unprocessable(["limit must be a number string"]);
  return { users: users.slice(skip, skip + limit).map(userView), count: users.length };
}

function matchesText(user: UserRecord, text: string): boolean {
  const digits = text.replace(/\D/g, "");
  const name = `${user.firstName} ${user.lastName}`.toLowerCase();
  return (
    name.includes(text) ||
    user.email.toLowerCase().includes(text) ||
    (digits.length >= 4 && user.phone.includes(digits))
  );
}

/** Every location must exist and be within the token's reach. */
function locationsOf(store: SandboxStore, auth: AuthContext, locationIds: string[]): string[] {
  for (const id of locationIds) checkReach(auth, store, id);
  return [...new Set(locationIds)];
}

function roleOf(role: string): UserRecord["role"] {
  if (role !== "admin" && role !== "user") {
    throw unprocessable(["role must be one of the following values: admin, user"]);
  }
  return role;
}

/** Stored as E.164, like contacts' phones, in the country of the user's first location. */
function phoneOf(store: SandboxStore, locationIds: string[], phone: string | undefined) {
  if (phone === undefined || phone.trim() === "") return undefined;
  const country = store.locations.get(locationIds[0] ?? "")?.country ?? "US";
  const e164 = toE164(phone, country);
  if (!e164) throw unprocessable(["phone must be a valid phone number"]);
  return e164;
}

/** One login per email within a company (inferred wording). */
function refuseTakenEmail(store: SandboxStore, companyId: string, email: string): void {
  const wanted = email.trim().toLowerCase();
  const taken = [...store.users.values()].some(
    (user) => !user.deleted && user.companyId === companyId && user.email.toLowerCase() === wanted,
  );
  if (taken) throw badRequest(`A user with email ${email} already exists`);
}

/** Permissions merge into what the user has; scopes replace (an empty list disables all). */
function applyExtras(user: UserRecord, input: UserInput): void {
  if (input.permissions !== undefined) {
    user.permissions = { ...user.permissions, ...input.permissions };
  }
  if (input.scopes !== undefined) user.scopes = input.scopes;
  if (input.scopesAssignedToOnly !== undefined) {
    user.scopesAssignedToOnly = input.scopesAssignedToOnly;
  }
  if (input.profilePhoto !== undefined) user.profilePhoto = input.profilePhoto;
  if (input.platformLanguage !== undefined) user.platformLanguage = input.platformLanguage;
}
