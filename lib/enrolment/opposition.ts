import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { type InsuredPerson, oppositions, spaces } from "@/db/schema";
import { ENROLLING_PERSON, recordActivity } from "@/lib/activity/record";
import { queueEmail } from "@/lib/delivery";
import { oppositionReceiptEmail } from "@/lib/delivery/templates/enrolment";
import { renderOppositionReceipt } from "@/lib/pdf/opposition-receipt";
import { displayName, usualFirstName } from "@/lib/register/person-name";
import { findLiveFlow, findPersonWithSpace, lockLiveFlow, lockPersonSpace, updateFlow } from "./flows";

export type OppositionResult =
  | { status: "opposed"; opposedAt: Date }
  | { status: "no-flow" }
  /** An activated space is closed from the account, not opposed (SPEC §6). */
  | { status: "already-active" };

/**
 * Records the opposition of the flow's person: their space is not created (or no longer
 * reachable); the data already there is kept, unreachable, until they activate. The receipt is
 * e-mailed when an address is on file and can be downloaded from this flow only.
 */
export async function opposeSpaceCreation(flowToken: string | undefined, now: Date): Promise<OppositionResult> {
  return getDb().transaction(async (tx): Promise<OppositionResult> => {
    const flow = await lockLiveFlow(tx, flowToken, now);
    if (!flow?.codeVerifiedAt) return { status: "no-flow" };
    const { person, space } = await lockPersonSpace(tx, flow.personId);
    if (space.status === "active") return { status: "already-active" };

    const current = await findCurrentOpposition(tx, person.id);
    if (current) {
      // A second submit (or a person who had already opposed) gets the same decision back.
      await updateFlow(tx, flow.id, { oppositionId: current.id }, now);
      return { status: "opposed", opposedAt: current.opposedAt };
    }
    const [opposition] = await tx.insert(oppositions).values({ personId: person.id, opposedAt: now }).returning();
    if (!opposition) throw new Error("opposition not recorded");
    await tx.update(spaces).set({ status: "opposed" }).where(eq(spaces.personId, person.id));
    await updateFlow(tx, flow.id, { oppositionId: opposition.id }, now);
    if (person.email) await emailReceipt(tx, person, person.email, now);
    await recordActivity(tx, {
      subjectPersonId: person.id,
      actor: ENROLLING_PERSON,
      action: "enrolment.opposed",
      target: { type: "opposition", id: opposition.id },
      at: now,
    });
    return { status: "opposed", opposedAt: now };
  });
}

export async function findCurrentOpposition(executor: Executor, personId: string) {
  const [opposition] = await executor
    .select()
    .from(oppositions)
    .where(and(eq(oppositions.personId, personId), isNull(oppositions.withdrawnAt)))
    .limit(1);
  return opposition ?? null;
}

async function emailReceipt(executor: Executor, person: InsuredPerson, email: string, opposedAt: Date) {
  const pdf = await renderOppositionReceipt({ nir: person.nir, fullName: displayName(person), opposedAt });
  await queueEmail(executor, {
    personId: person.id,
    to: email,
    template: "opposition-receipt",
    ...oppositionReceiptEmail({ firstName: usualFirstName(person), opposedAt }),
    attachments: [{ filename: "justificatif-opposition.pdf", contentType: "application/pdf", content: pdf }],
  });
}

/** The receipt of the opposition recorded in this flow, or null: it is offered on that page only. */
export async function renderReceiptForFlow(flowToken: string | undefined, now: Date): Promise<Buffer | null> {
  const db = getDb();
  const flow = await findLiveFlow(db, flowToken, now);
  if (!flow?.oppositionId) return null;
  const { person } = await findPersonWithSpace(db, flow.personId);
  const [opposition] = await db
    .select()
    .from(oppositions)
    .where(and(eq(oppositions.id, flow.oppositionId), eq(oppositions.personId, person.id)))
    .limit(1);
  if (!opposition) return null;
  return renderOppositionReceipt({ nir: person.nir, fullName: displayName(person), opposedAt: opposition.opposedAt });
}
