import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { type Transaction, getDb } from "@/db/client";
import { type InsuredPerson, provisionalCodes } from "@/db/schema";
import { ENROLLING_PERSON, recordActivity } from "@/lib/activity/record";
import { getSettings } from "@/lib/env";
import { queueEmail, queuePostalLetter, queueSms } from "@/lib/delivery";
import { provisionalCodeEmail, provisionalCodeSms } from "@/lib/delivery/templates/enrolment";
import { maskEmail, maskMobile } from "@/lib/format";
import type { RequestContext } from "@/lib/http/request-context";
import { renderCodeLetter } from "@/lib/pdf/code-letter";
import { consumeRateLimits } from "@/lib/rate-limit";
import { displayName, usualFirstName } from "@/lib/register/person-name";
import type { IdentityProof } from "@/lib/register/identity";
import { findInsuredPersonByIdentity } from "@/lib/register/queries";
import { findLiveFlow, findPersonWithSpace, lockLiveFlow, lockPersonSpace, startFlow, updateFlow } from "./flows";
import { type ProvisionalCodeChannel, createProvisionalCode, lockLiveCode } from "./provisional-codes";
import { codeRequestLimits, enrolmentRules, rateLimitKey } from "./rules";

/** Where a code can be sent, as shown under "Mon mode de réception" (masked). */
export type ReceptionOptions = { email: string | null; mobile: string | null; hasPostalAddress: boolean };

export type IdentifyResult =
  | { status: "identified"; flowToken: string }
  | { status: "not-matched" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * First step of "Générer un nouveau code provisoire": the NIR, birth date and Vitale serial must
 * all match the register. A mismatch never says which field was wrong, nor whether the NIR exists.
 */
export async function identifyForCodeRequest(identity: IdentityProof, { clientAddress, now }: RequestContext): Promise<IdentifyResult> {
  const db = getDb();
  // Counted outside the step's transaction so refused attempts still count.
  const limit = await consumeRateLimits(
    db,
    [rateLimitKey("identifyPerNir", identity.nir), rateLimitKey("identifyPerAddress", clientAddress)],
    now,
  );
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const person = await findInsuredPersonByIdentity(getDb(), identity);
  if (!person) return { status: "not-matched" };
  const { token } = await startFlow(db, person.id, now);
  return { status: "identified", flowToken: token };
}

export function receptionOptionsOf(person: Pick<InsuredPerson, "email" | "mobile" | "postalAddress">): ReceptionOptions {
  return {
    email: person.email ? maskEmail(person.email) : null,
    mobile: person.mobile ? maskMobile(person.mobile) : null,
    hasPostalAddress: Boolean(person.postalAddress),
  };
}

/** What the "Mon mode de réception" step shows, for the flow's person only. */
export async function findReceptionOptions(flowToken: string | undefined, now: Date): Promise<ReceptionOptions | null> {
  const db = getDb();
  const flow = await findLiveFlow(db, flowToken, now);
  if (!flow) return null;
  const { person } = await findPersonWithSpace(db, flow.personId);
  return receptionOptionsOf(person);
}

export type SendProvisionalCodeResult =
  | { status: "sent"; channel: ProvisionalCodeChannel }
  | { status: "no-flow" }
  | { status: "channel-unavailable" }
  /** Too many requests from this client address, whoever they were for. */
  | { status: "rate-limited"; retryAfterSeconds: number }
  /** Too many codes sent to this person and none used since; `hasLiveCode`: the last one still works. */
  | { status: "too-many-codes"; retryAfterSeconds: number; hasLiveCode: boolean };

function isChannelAvailable(person: InsuredPerson, channel: ProvisionalCodeChannel): boolean {
  if (channel === "email") return Boolean(person.email);
  if (channel === "sms") return Boolean(person.mobile);
  // The letter is for people the insurer cannot reach electronically.
  return !person.email && !person.mobile && Boolean(person.postalAddress);
}

/** Second step: queues a new provisional code on the chosen channel to the contact on file. */
export async function sendRequestedCode(
  flowToken: string | undefined,
  channel: ProvisionalCodeChannel,
  { clientAddress, now }: RequestContext,
): Promise<SendProvisionalCodeResult> {
  const db = getDb();
  const flow = await findLiveFlow(db, flowToken, now);
  if (!flow) return { status: "no-flow" };
  const perAddress = await consumeRateLimits(db, [rateLimitKey("codeRequestsPerAddress", clientAddress)], now);
  if (!perAddress.isAllowed) return { status: "rate-limited", retryAfterSeconds: perAddress.retryAfterSeconds };

  return db.transaction(async (tx): Promise<SendProvisionalCodeResult> => {
    const lockedFlow = await lockLiveFlow(tx, flowToken, now);
    if (!lockedFlow) return { status: "no-flow" };
    const { person } = await lockPersonSpace(tx, lockedFlow.personId);
    if (!isChannelAvailable(person, channel)) return { status: "channel-unavailable" };

    // A double click or a reload within a minute is the same request: answer it, send nothing
    // twice, count nothing twice. A code already used is no pending request.
    const [recent] = await tx
      .select({ channel: provisionalCodes.channel })
      .from(provisionalCodes)
      .where(
        and(
          eq(provisionalCodes.personId, person.id),
          isNull(provisionalCodes.usedAt),
          isNull(provisionalCodes.revokedAt),
          gt(provisionalCodes.createdAt, new Date(now.getTime() - enrolmentRules.duplicateRequestWindowMs)),
        ),
      )
      .orderBy(desc(provisionalCodes.createdAt))
      .limit(1);
    if (recent?.channel === channel) return { status: "sent", channel };

    // Counted in the step's transaction, which commits a refusal too: it still counts.
    const perPerson = await consumeRateLimits(tx, codeRequestLimits(person.id), now);
    if (!perPerson.isAllowed) {
      const hasLiveCode = (await lockLiveCode(tx, person.id, now)) !== null;
      return { status: "too-many-codes", retryAfterSeconds: perPerson.retryAfterSeconds, hasLiveCode };
    }

    const settings = getSettings();
    // A letter takes days to arrive: its code lives as long as a notification's.
    const validityMs =
      channel === "letter" ? settings.NOTIFICATION_CODE_VALIDITY_DAYS * 86_400_000 : settings.REQUESTED_CODE_VALIDITY_MINUTES * 60_000;
    const validUntil = new Date(now.getTime() + validityMs);
    const code = await createProvisionalCode(tx, { personId: person.id, channel, validUntil, now });
    await sendCode(tx, person, channel, code.code, validUntil);
    await updateFlow(tx, lockedFlow.id, {}, now);
    await recordActivity(tx, {
      subjectPersonId: person.id,
      actor: ENROLLING_PERSON,
      action: "enrolment.code-requested",
      target: { type: "provisional_code", id: code.id },
      at: now,
    });
    return { status: "sent", channel };
  });
}

async function sendCode(
  tx: Transaction,
  person: InsuredPerson,
  channel: ProvisionalCodeChannel,
  code: string,
  validUntil: Date,
): Promise<void> {
  if (channel === "email" && person.email) {
    await queueEmail(tx, {
      personId: person.id,
      to: person.email,
      template: "provisional-code",
      ...provisionalCodeEmail({ firstName: usualFirstName(person), code, validUntil }),
    });
  } else if (channel === "sms" && person.mobile) {
    await queueSms(tx, { personId: person.id, to: person.mobile, template: "provisional-code", ...provisionalCodeSms({ code, validUntil }) });
  } else if (channel === "letter" && person.postalAddress) {
    const pdf = await renderCodeLetter({ fullName: displayName(person), postalAddress: person.postalAddress, code, codeValidUntil: validUntil });
    await queuePostalLetter(tx, { personId: person.id, kind: "provisional-code", postalAddress: person.postalAddress, pdf });
  }
}

/** Whether the browser is in the middle of a flow: the code page then asks for the code alone. */
export async function isFlowInProgress(flowToken: string | undefined, now: Date): Promise<boolean> {
  return (await findLiveFlow(getDb(), flowToken, now)) !== null;
}
