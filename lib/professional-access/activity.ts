import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts, insuredPersons, professionalAccesses } from "@/db/schema";
import type { ProfessionalActor } from "@/lib/access/actor";
import { type ActivityAction, type ActivityEventInput, type ActivityTarget, recordActivity } from "@/lib/activity/record";
import { notifyAccountHolder } from "@/lib/delivery";
import { firstProfessionalAccessEmail, firstProfessionalAccessSms } from "@/lib/delivery/templates/professional-access";
import { professionLabel } from "@/lib/professionals/professions";
import { usualFirstName } from "@/lib/register/person-name";
import type { LoadedStanding } from "./standing";

/**
 * Who acted, for the patient's activity history: the professional, named with their profession
 * ("Dr Anne Leroy (Médecin)"), acting as a professional.
 */
export function professionalActivityOf(
  actor: ProfessionalActor,
  personId: string,
): Pick<ActivityEventInput, "subjectPersonId" | "actor" | "onBehalfOf"> {
  return {
    subjectPersonId: personId,
    actor: {
      kind: "professional",
      accountId: actor.account.id,
      name: `${actor.professional.fullName} (${professionLabel(actor.professional.professionCode)})`,
    },
    onBehalfOf: "professional",
  };
}

/** The patient's login contact and usual first name, for the notices of lib/delivery. */
export async function patientContactOf(executor: Executor, personId: string) {
  const [row] = await executor
    .select({ firstNames: insuredPersons.firstNames, email: accounts.email, mobile: accounts.mobile })
    .from(insuredPersons)
    .leftJoin(accounts, and(eq(accounts.personId, insuredPersons.id), eq(accounts.kind, "patient")))
    .where(eq(insuredPersons.id, personId))
    .limit(1);
  return row ? { personId, firstName: usualFirstName(row), email: row.email, mobile: row.mobile } : null;
}

/**
 * A read by the professional, with its event; the first read of a professional the patient
 * authorised also sends the patient the "premier accès" notice, once (first_access_notified_at
 * is set by the same conditional update that decides to send it, so two reads at once send one).
 * An access by emergency alone has no row to mark: it sent its own notice when it was opened.
 */
export async function recordProfessionalRead(
  executor: Executor,
  {
    actor,
    loaded,
    action,
    target,
    isEmergency,
    now,
  }: { actor: ProfessionalActor; loaded: LoadedStanding; action: ActivityAction; target?: ActivityTarget; isEmergency: boolean; now: Date },
): Promise<void> {
  await executor.transaction(async (tx) => {
    await recordActivity(tx, { ...professionalActivityOf(actor, loaded.personId), action, target, isEmergency, at: now });
    if (!loaded.accessId) return;
    const [marked] = await tx
      .update(professionalAccesses)
      .set({ firstAccessNotifiedAt: now, updatedAt: now })
      .where(and(eq(professionalAccesses.id, loaded.accessId), isNull(professionalAccesses.firstAccessNotifiedAt)))
      .returning({ id: professionalAccesses.id });
    if (!marked) return;
    const contact = await patientContactOf(tx, loaded.personId);
    if (!contact) return;
    const notice = {
      firstName: contact.firstName,
      professionalName: actor.professional.fullName,
      professionLabel: professionLabel(actor.professional.professionCode),
      at: now,
    };
    await notifyAccountHolder(tx, contact, {
      template: "professional-first-access",
      email: firstProfessionalAccessEmail(notice),
      sms: firstProfessionalAccessSms(notice),
    });
  });
}
