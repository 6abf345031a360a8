import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, lifecycleDates, lockColumns } from "./columns";
import { professionals } from "./professionals";
import { insuredPersons } from "./register";

/**
 * Who logs in. A patient account is the login of an insured person's activated space; a
 * professional account is the login of a `professionals` row of the directory. Sessions, login
 * attempts and lockouts point at the account, whatever its kind.
 */
export const accountKindEnum = pgEnum("account_kind", ["patient", "professional"]);

export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    kind: accountKindEnum().notNull(),
    /** The insured person whose login this is: set for a patient account, and only for one. */
    personId: uuid()
      .unique()
      .references(() => insuredPersons.id),
    /** The directory entry whose login this is: set for a professional account, and only for one. */
    professionalId: uuid()
      .unique()
      .references(() => professionals.id),
    /** 8–100 characters of [0-9a-z._-]; unique. */
    identifier: text().notNull().unique(),
    /**
     * argon2id PHC string (m=19456 KiB, t=2, p=1). Null only for a professional who logs in with
     * Pro Santé Connect alone: such an account has no password to try.
     */
    passwordHash: text(),
    /** Contact details verified by the person at activation; login codes go there. */
    email: text(),
    mobile: text(),
    passwordChangedAt: instant().notNull().defaultNow(),
    ...lockColumns(),
    ...lifecycleDates,
  },
  (table) => [
    check("accounts_patient_has_person", sql`(${table.kind} = 'patient') = (${table.personId} is not null)`),
    check("accounts_professional_has_professional", sql`(${table.kind} = 'professional') = (${table.professionalId} is not null)`),
    check("accounts_patient_has_password", sql`${table.kind} <> 'patient' or ${table.passwordHash} is not null`),
  ],
);

/**
 * On what ground an account may open a person's space: their own (`self`), as a child's legal
 * representative, as a caregiver ("aidant"), or as a professional under the patient's consent.
 */
export const representationBasisEnum = pgEnum("representation_basis", ["self", "legal_representative", "caregiver", "professional"]);

/** Where a representation comes from: the step or the data that granted it. */
export const representationSourceEnum = pgEnum("representation_source", [
  "activation",
  "register",
  "caregiver_invitation",
  "consent",
]);

/**
 * Who may act for whom, as data: every page of the space opens a subject only through a live
 * row here (not revoked, within its validity). A revoked or expired row stops at the next request.
 */
export const representations = pgTable(
  "representations",
  {
    id: id(),
    actorAccountId: uuid()
      .notNull()
      .references(() => accounts.id),
    subjectPersonId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    basis: representationBasisEnum().notNull(),
    source: representationSourceEnum().notNull(),
    validFrom: instant().notNull().defaultNow(),
    /** Null: no end date (a child's representative until 18 gets one). */
    validUntil: instant(),
    revokedAt: instant(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    // Both "which spaces may this account open" (its prefix) and the per-request check.
    index().on(table.actorAccountId, table.subjectPersonId),
    // "Who may act for this person": revoking from the subject's side, "Mes proches".
    index().on(table.subjectPersonId),
    // One own space per account.
    uniqueIndex("representations_one_self_per_account").on(table.actorAccountId).where(sql`${table.basis} = 'self'`),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type AccountKind = (typeof accountKindEnum.enumValues)[number];
export type RepresentationBasis = (typeof representationBasisEnum.enumValues)[number];
export type RepresentationSource = (typeof representationSourceEnum.enumValues)[number];
