import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, lifecycleDates } from "./columns";
import { insuredPersons } from "./register";

/**
 * "Catalogue" (SPEC §6, reference mes-data-model §5): the referenced services, the patients'
 * connections to them with the purposes ("finalités") granted, and the OAuth 2.0 rows through which
 * a connected service reaches the data (lib/connected-services/oauth.ts). Purposes are codes of
 * lib/connected-services/purposes.ts ("measurements:read", "documents:write", …), also the OAuth scopes.
 */

/** "En ligne", "Suspendu" (reads nothing, may still be disconnected), "Déréférencé" (gone from the catalogue). */
export const connectedServiceStatusEnum = pgEnum("connected_service_status", ["online", "suspended", "delisted"]);

export const connectedServicePricingEnum = pgEnum("connected_service_pricing", ["free", "paid"]);

export const connectedServices = pgTable(
  "connected_services",
  {
    id: id(),
    /** The import's key and the OAuth client_id: lowercase letters, digits and dashes. */
    code: text().notNull().unique(),
    name: text().notNull(),
    /** "Éditeur". */
    publisher: text().notNull(),
    description: text().notNull(),
    /** One of lib/connected-services/categories.ts. */
    category: text().notNull(),
    /** Region codes (INSEE, "84" Auvergne-Rhône-Alpes) where it is offered; empty: everywhere in France. */
    regions: text().array().notNull().default(sql`'{}'::text[]`),
    thematics: text().array().notNull().default(sql`'{}'::text[]`),
    pricing: connectedServicePricingEnum().notNull(),
    status: connectedServiceStatusEnum().notNull(),
    /** What it asks for, in the version `purposesVersion`. */
    requestedPurposes: text().array().notNull(),
    /** 1, then one more each time the requested purposes change: connections approved an older one must be re-approved. */
    purposesVersion: integer().notNull().default(1),
    /** Set when the purposes last changed: connections not re-approved by then lapse. */
    reapprovalDeadline: instant(),
    /** Where the OAuth authorisation may send the patient back (exact match). */
    redirectUris: text().array().notNull(),
    ...lifecycleDates,
  },
  (table) => [
    index("connected_services_category_index").on(table.category),
    check("connected_services_requests_something", sql`cardinality(${table.requestedPurposes}) > 0`),
    check("connected_services_has_redirect", sql`cardinality(${table.redirectUris}) > 0`),
  ],
);

/**
 * A patient's connection to a service: the purposes they granted, among those of the version they
 * approved. Disconnecting sets `disconnectedAt` (the row stays, for the history); connecting again
 * makes a new row. At most one live connection per patient and service.
 */
export const serviceConnections = pgTable(
  "service_connections",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    serviceId: uuid()
      .notNull()
      .references(() => connectedServices.id),
    grantedPurposes: text().array().notNull(),
    /** The service's `purposesVersion` the patient last approved. */
    approvedVersion: integer().notNull(),
    connectedAt: instant().notNull(),
    disconnectedAt: instant(),
    /**
     * When the access lapsed for want of re-approval, written by the import once a later change of
     * the service's purposes moves the service's deadline on: the deadline this connection missed
     * stays its own. Null while the service's current deadline decides; re-approving clears it.
     */
    lapsedAt: instant(),
    ...lifecycleDates,
  },
  (table) => [
    uniqueIndex("service_connections_live_unique").on(table.personId, table.serviceId).where(sql`${table.disconnectedAt} is null`),
    index("service_connections_service_index").on(table.serviceId),
    check("service_connections_grants_something", sql`cardinality(${table.grantedPurposes}) > 0`),
  ],
);

/**
 * An authorisation code (RFC 6749 §4.1, with PKCE, RFC 7636) issued on the consent page: single
 * use, a minute or so, stored hashed. The OAuth library checks the verifier against the challenge.
 */
export const oauthAuthorizationCodes = pgTable(
  "oauth_authorization_codes",
  {
    id: id(),
    /** SHA-256 (hex) of the code: the code itself is never stored. */
    codeHash: text().notNull().unique(),
    connectionId: uuid()
      .notNull()
      .references(() => serviceConnections.id),
    redirectUri: text().notNull(),
    scope: text().array().notNull(),
    codeChallenge: text().notNull(),
    codeChallengeMethod: text().notNull(),
    expiresAt: instant().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [index("oauth_authorization_codes_connection_index").on(table.connectionId)],
);

/**
 * Access and refresh tokens of one connection, stored hashed. Bound to the connection (so to one
 * patient and one service) and to the scope granted; revoked one by one, or all at once when the
 * patient disconnects. Every use also checks the connection and the service as they are now.
 */
export const oauthTokens = pgTable(
  "oauth_tokens",
  {
    id: id(),
    accessTokenHash: text().notNull().unique(),
    accessTokenExpiresAt: instant().notNull(),
    refreshTokenHash: text().unique(),
    refreshTokenExpiresAt: instant(),
    connectionId: uuid()
      .notNull()
      .references(() => serviceConnections.id),
    scope: text().array().notNull(),
    revokedAt: instant(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    index("oauth_tokens_connection_index").on(table.connectionId),
    check("oauth_tokens_refresh_has_expiry", sql`(${table.refreshTokenHash} is null) = (${table.refreshTokenExpiresAt} is null)`),
  ],
);

export type ConnectedServiceRow = typeof connectedServices.$inferSelect;
export type ServiceConnectionRow = typeof serviceConnections.$inferSelect;
export type ConnectedServiceStatus = (typeof connectedServiceStatusEnum.enumValues)[number];
export type ConnectedServicePricing = (typeof connectedServicePricingEnum.enumValues)[number];
