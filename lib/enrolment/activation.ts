import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { contactVerifications, oppositions, type SpaceStatus } from "@/db/schema";
import { ENROLLING_PERSON, recordActivity } from "@/lib/activity/record";
import { checkIdentifier, checkPassword } from "@/lib/auth/credential-checks";
import { hashPassword } from "@/lib/auth/password-hash";
import { notifyAccountHolder, queueEmail, queueSms } from "@/lib/delivery";
import { activationConfirmationEmail, activationConfirmationSms, contactVerificationEmail, contactVerificationSms } from "@/lib/delivery/templates/enrolment";
import { consumeRateLimits } from "@/lib/rate-limit";
import { allNames, displayName, usualFirstName } from "@/lib/register/person-name";
import { generateNumericCode, hashCode, isSameHash } from "@/lib/security/secrets";
import { countWrongCode } from "@/lib/security/wrong-codes";
import type { FieldErrors } from "@/lib/form-state";
import { findLiveFlow, findPersonWithSpace, lockLiveFlow, lockPersonSpace, updateFlow } from "./flows";
import { activateSpace } from "./activate-space";
import { findTakenIdentifiers, suggestFreeIdentifiers } from "./identifiers";
import type { RequestContext } from "@/lib/http/request-context";
import { enrolmentRules, rateLimitKey } from "./rules";

export type ContactKind = "email" | "mobile";

/** What the activation pages show about the flow's person: only their own details. */
export type ActivationState = {
  firstName: string;
  fullName: string;
  spaceStatus: SpaceStatus;
  isCodeVerified: boolean;
  areTermsAccepted: boolean;
  areContactsConfirmed: boolean;
  email: string | null;
  mobile: string | null;
  pendingContactChange: { kind: ContactKind; newValue: string } | null;
  identifierSuggestions: string[];
  /** The opposition recorded in this flow: its receipt can be downloaded from this flow only. */
  oppositionDate: Date | null;
  hasOpposed: boolean;
};

export async function findActivationState(flowToken: string | undefined, now: Date): Promise<ActivationState | null> {
  const db = getDb();
  const flow = await findLiveFlow(db, flowToken, now);
  if (!flow?.codeVerifiedAt) return null;
  const { person, spaceStatus } = await findPersonWithSpace(db, flow.personId);
  const [pending] = await db
    .select({ kind: contactVerifications.kind, newValue: contactVerifications.newValue })
    .from(contactVerifications)
    .where(
      and(
        eq(contactVerifications.flowId, flow.id),
        isNull(contactVerifications.verifiedAt),
        isNull(contactVerifications.revokedAt),
      ),
    )
    .orderBy(desc(contactVerifications.createdAt))
    .limit(1);
  return {
    firstName: usualFirstName(person),
    fullName: displayName(person),
    spaceStatus,
    isCodeVerified: true,
    areTermsAccepted: Boolean(flow.termsAcceptedAt),
    areContactsConfirmed: Boolean(flow.contactsConfirmedAt),
    email: flow.termsAcceptedAt ? flow.email : person.email,
    mobile: flow.termsAcceptedAt ? flow.mobile : person.mobile,
    pendingContactChange: pending && pending.newValue ? pending : null,
    identifierSuggestions: await suggestFreeIdentifiers(db, person),
    oppositionDate: flow.oppositionId ? await findOppositionDate(flow.oppositionId, person.id) : null,
    hasOpposed: spaceStatus === "opposed",
  };
}

async function findOppositionDate(oppositionId: string, personId: string): Promise<Date | null> {
  const [row] = await getDb()
    .select({ opposedAt: oppositions.opposedAt })
    .from(oppositions)
    .where(and(eq(oppositions.id, oppositionId), eq(oppositions.personId, personId)))
    .limit(1);
  return row?.opposedAt ?? null;
}

type StepResult = { status: "done" } | { status: "no-flow" } | { status: "already-active" };

/** "J'accepte les Conditions Générales d'Utilisation…": starts the contact step from the register's details. */
export async function acceptTerms(flowToken: string | undefined, now: Date): Promise<StepResult> {
  return getDb().transaction(async (tx): Promise<StepResult> => {
    const flow = await lockLiveFlow(tx, flowToken, now);
    if (!flow?.codeVerifiedAt) return { status: "no-flow" };
    const { person, space } = await lockPersonSpace(tx, flow.personId);
    if (space.status === "active") return { status: "already-active" };
    if (!flow.termsAcceptedAt) {
      await updateFlow(tx, flow.id, { termsAcceptedAt: now, email: person.email, mobile: person.mobile }, now);
    }
    return { status: "done" };
  });
}

export type ContactChangeResult =
  | { status: "code-sent" }
  | { status: "no-flow" }
  | { status: "unchanged" }
  | { status: "rate-limited"; retryAfterSeconds: number };

const CONTACT_CODE_PURPOSE = "contact-verification";

/** "Modifier": sends a code to the new address or number; nothing changes until it is entered. */
export async function requestContactChange(
  flowToken: string | undefined,
  change: { kind: ContactKind; value: string },
  { clientAddress, now }: RequestContext,
): Promise<ContactChangeResult> {
  const db = getDb();
  const flow = await findLiveFlow(db, flowToken, now);
  if (!flow?.termsAcceptedAt) return { status: "no-flow" };
  if ((change.kind === "email" ? flow.email : flow.mobile) === change.value) return { status: "unchanged" };
  const limit = await consumeRateLimits(
    db,
    [rateLimitKey("contactCodesPerPerson", flow.personId), rateLimitKey("codeRequestsPerAddress", clientAddress)],
    now,
  );
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  return db.transaction(async (tx): Promise<ContactChangeResult> => {
    const locked = await lockLiveFlow(tx, flowToken, now);
    if (!locked?.termsAcceptedAt) return { status: "no-flow" };
    await tx
      .update(contactVerifications)
      .set({ revokedAt: now })
      .where(and(eq(contactVerifications.flowId, locked.id), isNull(contactVerifications.verifiedAt), isNull(contactVerifications.revokedAt)));
    const code = generateNumericCode(6);
    await tx.insert(contactVerifications).values({
      flowId: locked.id,
      personId: locked.personId,
      kind: change.kind,
      newValue: change.value,
      codeHash: hashCode(CONTACT_CODE_PURPOSE, `${locked.id}:${code}`),
      expiresAt: new Date(now.getTime() + enrolmentRules.contactCodeLifetimeMs),
      createdAt: now,
    });
    if (change.kind === "email") {
      await queueEmail(tx, { personId: locked.personId, to: change.value, template: "contact-verification", ...contactVerificationEmail({ code }) });
    } else {
      await queueSms(tx, { personId: locked.personId, to: change.value, template: "contact-verification", ...contactVerificationSms({ code }) });
    }
    await updateFlow(tx, locked.id, {}, now);
    return { status: "code-sent" };
  });
}

export type ContactCodeResult =
  | { status: "changed" }
  | { status: "wrong-code"; remainingAttempts: number }
  | { status: "no-live-code" }
  | { status: "no-flow" };

export async function confirmContactChange(
  flowToken: string | undefined,
  { code }: { code: string },
  now: Date,
): Promise<ContactCodeResult> {
  return getDb().transaction(async (tx): Promise<ContactCodeResult> => {
    const flow = await lockLiveFlow(tx, flowToken, now);
    if (!flow?.termsAcceptedAt) return { status: "no-flow" };
    const [pending] = await tx
      .select()
      .from(contactVerifications)
      .where(and(eq(contactVerifications.flowId, flow.id), isNull(contactVerifications.verifiedAt), isNull(contactVerifications.revokedAt)))
      .orderBy(desc(contactVerifications.createdAt))
      .for("update")
      .limit(1);
    if (!pending || pending.expiresAt <= now) return { status: "no-live-code" };
    if (!isSameHash(pending.codeHash, hashCode(CONTACT_CODE_PURPOSE, `${flow.id}:${code}`))) {
      const { failedAttempts, remainingAttempts, isExhausted } = countWrongCode(pending.failedAttempts, enrolmentRules.maxCodeAttempts);
      await tx
        .update(contactVerifications)
        .set({ failedAttempts, revokedAt: isExhausted ? now : null })
        .where(eq(contactVerifications.id, pending.id));
      return isExhausted ? { status: "no-live-code" } : { status: "wrong-code", remainingAttempts };
    }
    await tx.update(contactVerifications).set({ verifiedAt: now }).where(eq(contactVerifications.id, pending.id));
    await updateFlow(tx, flow.id, pending.kind === "email" ? { email: pending.newValue } : { mobile: pending.newValue }, now);
    await recordActivity(tx, {
      subjectPersonId: flow.personId,
      actor: ENROLLING_PERSON,
      action: pending.kind === "email" ? "contact.email-changed" : "contact.mobile-changed",
      target: { type: "contact_verification", id: pending.id },
      at: now,
    });
    return { status: "changed" };
  });
}

export type ConfirmContactsResult = { status: "done" } | { status: "no-flow" } | { status: "no-contact" };

/** "Continuer" on the contact step: login codes need at least an e-mail address or a mobile number. */
export async function confirmContacts(flowToken: string | undefined, now: Date): Promise<ConfirmContactsResult> {
  return getDb().transaction(async (tx): Promise<ConfirmContactsResult> => {
    const flow = await lockLiveFlow(tx, flowToken, now);
    if (!flow?.termsAcceptedAt) return { status: "no-flow" };
    if (!flow.email && !flow.mobile) return { status: "no-contact" };
    await updateFlow(tx, flow.id, { contactsConfirmedAt: flow.contactsConfirmedAt ?? now }, now);
    return { status: "done" };
  });
}

export type CreateAccountResult =
  | { status: "activated" }
  | { status: "invalid"; fieldErrors: FieldErrors; suggestions: string[] }
  | { status: "no-flow" }
  | { status: "already-active" };

/**
 * Last step: creates the login and activates the space in one transaction (activateSpace), and
 * queues "Votre profil a bien été activé".
 */
export async function createAccount(
  flowToken: string | undefined,
  { identifier, password }: { identifier: string; password: string },
  now: Date,
): Promise<CreateAccountResult> {
  const db = getDb();
  const flow = await findLiveFlow(db, flowToken, now);
  if (!flow?.contactsConfirmedAt) {
    const again = await lockLiveFlow(db, flowToken, now, { includeCompleted: true });
    return again?.completedAt ? { status: "activated" } : { status: "no-flow" };
  }
  const { person } = await findPersonWithSpace(db, flow.personId);

  const fieldErrors: FieldErrors = {};
  const identifierError = checkIdentifier(identifier, { nir: person.nir });
  if (identifierError) fieldErrors.identifier = [identifierError];
  else if ((await findTakenIdentifiers(db, [identifier])).size > 0) {
    fieldErrors.identifier = ["Cet identifiant est déjà utilisé : choisissez-en un autre, par exemple parmi les suggestions."];
  }
  const passwordErrors = checkPassword(password, { identifier, personalNames: allNames(person) });
  if (passwordErrors.length > 0) fieldErrors.password = passwordErrors;
  if (Object.keys(fieldErrors).length > 0) {
    return { status: "invalid", fieldErrors, suggestions: await suggestFreeIdentifiers(db, person) };
  }

  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx): Promise<CreateAccountResult> => {
      const locked = await lockLiveFlow(tx, flowToken, now, { includeCompleted: true });
      if (!locked) return { status: "no-flow" };
      if (locked.completedAt) return { status: "activated" };
      const { space } = await lockPersonSpace(tx, locked.personId);
      if (space.status === "active") return { status: "already-active" };

      const { accountId } = await activateSpace(tx, {
        personId: locked.personId,
        identifier,
        passwordHash,
        email: locked.email,
        mobile: locked.mobile,
        now,
      });
      await notifyAccountHolder(tx, locked, {
        template: "activation-confirmation",
        email: activationConfirmationEmail({ firstName: usualFirstName(person) }),
        sms: activationConfirmationSms(),
      });
      await updateFlow(tx, locked.id, { completedAt: now }, now);
      // Done in enrolment, before any login: the person proved by their code, not yet their account.
      await recordActivity(tx, {
        subjectPersonId: locked.personId,
        actor: ENROLLING_PERSON,
        action: "enrolment.activated",
        target: { type: "account", id: accountId },
        at: now,
      });
      return { status: "activated" };
    });
  } catch (error) {
    // Two people picking the same free identifier at the same instant: the unique index decides.
    if (isUniqueViolation(error)) {
      return {
        status: "invalid",
        fieldErrors: { identifier: ["Cet identifiant vient d'être choisi par quelqu'un d'autre : choisissez-en un autre."] },
        suggestions: await suggestFreeIdentifiers(db, person),
      };
    }
    throw error;
  }
}

/** Whether this browser's flow has just created an account: the confirmation page shows only then. */
export async function hasFlowActivated(flowToken: string | undefined, now: Date): Promise<boolean> {
  const flow = await lockLiveFlow(getDb(), flowToken, now, { includeCompleted: true });
  return Boolean(flow?.completedAt);
}
