import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { insuredPersons, preventiveItemStatuses } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import type { FieldErrors } from "@/lib/form-state";
import { toParisCalendarDate } from "@/lib/format";
import { addVaccinationEntry } from "@/lib/medical-profile/records";
import {
  PREVENTIVE_ITEMS,
  type PreventiveItem,
  type PreventiveStatus,
  dateAtAge,
  defaultStatusOf,
  findPreventiveItem,
  isItemForPerson,
} from "./preventive-calendar";
import { parsePreventiveStatusForm } from "./schemas";

export type PersonPreventiveItem = PreventiveItem & {
  dueOn: string;
  status: PreventiveStatus;
  /** Whether the status is the person's word, or only follows from the due date. */
  isStatusGiven: boolean;
  doneOn: string | null;
};

/** The subject's preventive calendar: each item of the reference data due at their age, with its status, by due date. */
export async function findPreventiveCalendar({ actor, now }: { actor: Actor; now: Date }): Promise<PersonPreventiveItem[]> {
  const [person] = await getDb()
    .select({ birthDate: insuredPersons.birthDate })
    .from(insuredPersons)
    .where(eq(insuredPersons.id, actor.subject.personId))
    .limit(1);
  if (!person) return [];
  const statuses = await getDb()
    .select({ itemCode: preventiveItemStatuses.itemCode, status: preventiveItemStatuses.status, doneOn: preventiveItemStatuses.doneOn })
    .from(preventiveItemStatuses)
    .where(isOwnedBySubject(actor, preventiveItemStatuses.personId));
  const given = new Map(statuses.map((row) => [row.itemCode, row]));
  const today = toParisCalendarDate(now);
  return PREVENTIVE_ITEMS.filter((item) => isItemForPerson(item, { birthDate: person.birthDate, today }))
    .map((item): PersonPreventiveItem => {
      const dueOn = dateAtAge(person.birthDate, item.dueAge);
      const row = given.get(item.code);
      return { ...item, dueOn, status: row?.status ?? defaultStatusOf(dueOn, today), isStatusGiven: row !== undefined, doneOn: row?.doneOn ?? null };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.code.localeCompare(b.code));
}

export type PreventiveStatusResult =
  | { status: "saved"; item: PreventiveItem; vaccinationId: string | null }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "not-found" };

/**
 * An item's status as the person gives it; a vaccination marked « Réalisé » may be added to
 * "Vaccinations" at once (« Ajouter ce vaccin à mes vaccinations »), in the same transaction.
 */
export async function setPreventiveStatus({ actor, values, now }: { actor: Actor; values: Record<string, unknown>; now: Date }): Promise<PreventiveStatusResult> {
  const item = typeof values.itemCode === "string" ? findPreventiveItem(values.itemCode) : undefined;
  if (!item) return { status: "not-found" };
  const parsed = parsePreventiveStatusForm(values, now);
  if (!parsed.success) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  const { status, doneOn, addToVaccinations } = parsed.data;
  if (addToVaccinations && item.kind !== "vaccination") return { status: "invalid", fieldErrors: { addToVaccinations: ["Seule une vaccination peut être ajoutée à vos vaccinations."] } };
  return getDb().transaction(async (tx): Promise<PreventiveStatusResult> => {
    const personId = actor.subject.personId;
    await tx
      .insert(preventiveItemStatuses)
      .values({ personId, itemCode: item.code, status, doneOn, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [preventiveItemStatuses.personId, preventiveItemStatuses.itemCode],
        set: { status, doneOn, updatedAt: now },
        setWhere: and(eq(preventiveItemStatuses.personId, personId), eq(preventiveItemStatuses.itemCode, item.code)),
      });
    await recordActivity(tx, { ...activityOf(actor), action: "agenda.preventive-status-changed", at: now });
    const vaccinationId = addToVaccinations ? await addVaccinationEntry(tx, { actor, label: item.label, doneOn, now }) : null;
    return { status: "saved", item, vaccinationId };
  });
}
