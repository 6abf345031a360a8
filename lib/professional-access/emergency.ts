import "server-only";
import { type Executor, getDb } from "@/db/client";
import { emergencyAccesses } from "@/db/schema";
import type { ProfessionalActor } from "@/lib/access/actor";
import { recordActivity } from "@/lib/activity/record";
import { emergencyAccessEmail, emergencyAccessSms } from "@/lib/delivery/templates/professional-access";
import { notify } from "@/lib/notifications/notify";
import { accessNoticeOf, professionalActivityOf } from "./activity";
import { emergencyKindOf, isEmergencyAllowed } from "./decide";
import { EMERGENCY_ACCESS_DURATION_MS } from "./emergency-rules";
import { AUTHORISATIONS_PATH } from "./paths";
import { emergencyReasonSchema } from "./schemas";
import { loadStanding } from "./standing";

export type EmergencyAccessResult =
  | { status: "opened"; endsAt: Date }
  | { status: "invalid"; errors: { reason?: string } }
  | { status: "not-found" }
  /** Blocked by the patient or an administrator: not even in an emergency. */
  | { status: "blocked" }
  /** The patient turned off the switch this professional's access falls under. */
  | { status: "refused-by-patient" };

/**
 * "Accès en urgence": the professional types a reason and reaches the record for
 * EMERGENCY_ACCESS_DURATION_MS, under the "SAMU" switch for a SAMU professional and "Autres
 * professionnels de santé" for anyone else; refused when that switch is off or the professional is
 * blocked. The patient is notified at each emergency access, in the centre and by e-mail (or
 * SMS without an e-mail) that cannot be switched off, without health content; the event is marked "Accès en urgence" in the history.
 */
export async function openEmergencyAccess(
  { actor, personId, values, now }: { actor: ProfessionalActor; personId: string; values: unknown; now: Date },
  executor: Executor = getDb(),
): Promise<EmergencyAccessResult> {
  const parsed = emergencyReasonSchema.safeParse(values);
  if (!parsed.success) {
    const reason = parsed.error.issues.find((issue) => issue.path[0] === "reason")?.message ?? parsed.error.issues[0]?.message;
    return { status: "invalid", errors: { reason } };
  }
  return executor.transaction(async (tx) => {
    const loaded = await loadStanding(tx, { actor, personId, now });
    if (!loaded) return { status: "not-found" };
    if (loaded.reach.reach === "blocked") return { status: "blocked" };
    const kind = emergencyKindOf(loaded.standing.professional);
    if (!isEmergencyAllowed(kind, loaded.standing.settings)) return { status: "refused-by-patient" };
    const endsAt = new Date(now.getTime() + EMERGENCY_ACCESS_DURATION_MS);
    const [row] = await tx
      .insert(emergencyAccesses)
      .values({ personId: loaded.personId, professionalId: actor.professional.id, kind, reason: parsed.data.reason, startedAt: now, endsAt })
      .returning({ id: emergencyAccesses.id });
    if (!row) throw new Error("emergency access not stored");
    await recordActivity(tx, {
      ...professionalActivityOf(actor, loaded.personId),
      action: "professional-access.emergency-opened",
      target: { type: "emergency_access", id: row.id },
      isEmergency: true,
      at: now,
    });
    const access = accessNoticeOf(actor, now);
    await notify(tx, {
      personId: loaded.personId,
      kind: "emergency_access",
      title: `${access.named} a ouvert un accès en urgence au dossier`,
      path: AUTHORISATIONS_PATH,
      actorName: actor.professional.fullName,
      target: { type: "emergency_access", id: row.id },
      at: now,
      notice: {
        template: "professional-emergency-access",
        compose: (recipient) => {
          const notice = { ...access, firstName: recipient.firstName };
          return { email: emergencyAccessEmail(notice), sms: emergencyAccessSms(notice) };
        },
      },
    });
    return { status: "opened", endsAt };
  });
}
