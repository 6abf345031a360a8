import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { professionalAccesses } from "@/db/schema";
import type { ProfessionalActor } from "@/lib/access/actor";
import { type ActivityAction, type ActivityEventInput, type ActivityTarget, recordActivity } from "@/lib/activity/record";
import { firstProfessionalAccessEmail, firstProfessionalAccessSms } from "@/lib/delivery/templates/professional-access";
import { notify } from "@/lib/notifications/notify";
import { professionLabel } from "@/lib/professionals/professions";
import { AUTHORISATIONS_PATH } from "./paths";
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

/** The words and notice of an access by a professional, for the notification centre and the access e-mails. */
export function accessNoticeOf(actor: ProfessionalActor, at: Date) {
  const label = professionLabel(actor.professional.professionCode);
  return { professionalName: actor.professional.fullName, professionLabel: label, named: `${actor.professional.fullName} (${label})`, at };
}

/**
 * A read by the professional, with its event; the first read of a professional the patient
 * authorised also notifies the patient ("premier accès", in the centre and by an e-mail that
 * cannot be switched off), once (first_access_notified_at is set by the same conditional update
 * that decides to send it, so two reads at once send one).
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
    const access = accessNoticeOf(actor, now);
    await notify(tx, {
      personId: loaded.personId,
      kind: "professional_access",
      title: `${access.named} a accédé pour la première fois au dossier`,
      path: AUTHORISATIONS_PATH,
      actorName: actor.professional.fullName,
      target: { type: "professional_access", id: loaded.accessId },
      dedupeKey: `professional-first-access:${loaded.accessId}`,
      at: now,
      notice: {
        template: "professional-first-access",
        compose: (recipient) => {
          const notice = { ...access, firstName: recipient.firstName };
          return { email: firstProfessionalAccessEmail(notice), sms: firstProfessionalAccessSms(notice) };
        },
      },
    });
  });
}
