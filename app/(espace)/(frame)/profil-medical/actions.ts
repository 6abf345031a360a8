"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/lib/access/current-actor";
import type { FormState } from "@/lib/form-state";
import { ENTRY_FORMS, type SubmittedValues, submittedFieldNames } from "@/lib/medical-profile/entries";
import { deleteEntry, saveEntry } from "@/lib/medical-profile/entry-records";
import {
  type FactWriteResult,
  declareNotConcerned,
  saveBloodGroup,
  saveLifestyleAnswers,
  saveOrganDonation,
  setMaskedFromProfessionals,
} from "@/lib/medical-profile/facts";
import { LIFESTYLE_QUESTIONS } from "@/lib/medical-profile/lifestyle";
import { type EntrySection, PROFILE_SECTION_KEYS, profileSectionInfo } from "@/lib/medical-profile/sections";
import { submittedForm } from "@/lib/validation";

/**
 * The profile's forms post here. Each action reads which section and entry it is about with zod
 * (anything else is "not found"), finds the actor, and lets lib/medical-profile decide and write.
 */

const entrySectionSchema = z.enum(Object.keys(ENTRY_FORMS) as [EntrySection, ...EntrySection[]]);
const idSchema = z.uuid();
/** Where a form was opened from: back there afterwards ("Compléter mon profil" or the summary). */
const returnSchema = z.enum(["profil", "completer"]).catch("profil");

function returnPath(back: "profil" | "completer", section: (typeof PROFILE_SECTION_KEYS)[number]): string {
  return back === "completer" ? "/profil-medical/completer" : `/profil-medical#${profileSectionInfo(section).anchor}`;
}

function valuesOf(formData: FormData, names: readonly string[]): SubmittedValues {
  const values: SubmittedValues = {};
  for (const name of names) {
    const texts = formData.getAll(name).filter((value): value is string => typeof value === "string");
    if (texts.length > 0) values[name] = texts;
  }
  return values;
}

/** The typed values sent back to refill the form; several checked boxes travel joined by newlines. */
function refill(values: SubmittedValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, texts]) => [name, (texts ?? []).join("\n")]));
}

/** "Enregistrer" on an add or edit form of an entry section. */
export async function saveEntryAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const section = entrySectionSchema.safeParse(formData.get("section"));
  if (!section.success) notFound();
  const rawId = formData.get("id");
  const id = rawId === null || rawId === "" ? null : idSchema.safeParse(rawId).success ? (rawId as string) : "invalid";
  if (id === "invalid") notFound();
  const back = returnSchema.parse(formData.get("retour"));
  const actor = await requireActor();
  const values = valuesOf(formData, submittedFieldNames(section.data));
  const result = await saveEntry({ actor, section: section.data, id, values, now: new Date() });
  switch (result.status) {
    case "invalid":
      return { status: "error", fieldErrors: result.fieldErrors, values: refill(values) };
    case "read-only":
      return { status: "error", message: "Cette information a été ajoutée ou confirmée par un professionnel de santé : elle ne peut pas être modifiée." };
    case "not-found":
      notFound();
  }
  redirect(returnPath(back, section.data));
}

/** "Supprimer" on an entry's page. */
export async function deleteEntryAction(submitted: unknown): Promise<void> {
  const formData = submittedForm(submitted);
  const section = entrySectionSchema.safeParse(formData.get("section"));
  const id = idSchema.safeParse(formData.get("id"));
  if (!section.success || !id.success) notFound();
  const actor = await requireActor();
  const result = await deleteEntry({ actor, section: section.data, id: id.data, now: new Date() });
  if (result.status !== "deleted") notFound();
  redirect(returnPath("profil", section.data));
}

/** "Je ne suis pas concerné" on a section. */
export async function declareNotConcernedAction(submitted: unknown): Promise<void> {
  const formData = submittedForm(submitted);
  const section = z.enum(PROFILE_SECTION_KEYS).safeParse(formData.get("section"));
  if (!section.success) notFound();
  const back = returnSchema.parse(formData.get("retour"));
  const actor = await requireActor();
  const result = await declareNotConcerned({ actor, section: section.data, now: new Date() });
  if (result.status === "not-found") notFound();
  // A section that holds entries shows them: there is nothing else to say.
  redirect(returnPath(back, section.data));
}

const maskSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("profile-item"), id: z.uuid(), hidden: z.enum(["true", "false"]) }),
  z.object({ kind: z.literal("entourage-contact"), id: z.uuid(), hidden: z.enum(["true", "false"]) }),
  z.object({ kind: z.literal("organ-donation"), hidden: z.enum(["true", "false"]) }),
]);

/** "Masquer aux professionnels" / "Rendre visible" on an item of a section professionals may see. */
export async function setMaskAction(submitted: unknown): Promise<void> {
  const formData = submittedForm(submitted);
  const parsed = maskSchema.safeParse(Object.fromEntries(["kind", "id", "hidden"].map((name) => [name, formData.get(name) ?? undefined])));
  if (!parsed.success) notFound();
  const actor = await requireActor();
  const { hidden, ...target } = parsed.data;
  const result = await setMaskedFromProfessionals({ actor, target, isHidden: hidden === "true", now: new Date() });
  if (result.status !== "saved") notFound();
  redirect(returnPath("profil", target.kind === "organ-donation" ? "organ-donation" : target.kind === "entourage-contact" ? "entourage" : "vaccination"));
}

function formStateOf(result: FactWriteResult, values: Record<string, string>): FormState | null {
  if (result.status === "invalid") return { status: "error", fieldErrors: result.fieldErrors, values };
  if (result.status === "read-only") return { status: "error", message: "Votre groupe sanguin a été renseigné par un professionnel de santé : il ne peut pas être modifié." };
  if (result.status === "not-found") notFound();
  return null;
}

/** "Enregistrer" on the blood group's page (an empty choice removes it). */
export async function saveBloodGroupAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const bloodGroup = formData.get("bloodGroup");
  const value = typeof bloodGroup === "string" ? bloodGroup : "";
  const actor = await requireActor();
  const state = formStateOf(await saveBloodGroup({ actor, bloodGroup: value, now: new Date() }), { bloodGroup: value });
  if (state) return state;
  redirect(returnPath(returnSchema.parse(formData.get("retour")), "blood-group"));
}

/** "Enregistrer" under "Don d'organes": the one box "J'ai pris connaissance …". */
export async function saveOrganDonationAction(submitted: unknown): Promise<void> {
  const formData = submittedForm(submitted);
  const actor = await requireActor();
  await saveOrganDonation({ actor, isInformed: formData.get("isInformed") === "on", now: new Date() });
  redirect(returnPath(returnSchema.parse(formData.get("retour")), "organ-donation"));
}

/** "Enregistrer" on the lifestyle page. */
export async function saveLifestyleAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const values: Record<string, string> = {};
  for (const { code } of LIFESTYLE_QUESTIONS) {
    const value = formData.get(code);
    if (typeof value === "string") values[code] = value;
  }
  const actor = await requireActor();
  const state = formStateOf(await saveLifestyleAnswers({ actor, values, now: new Date() }), values);
  if (state) return state;
  redirect(returnPath(returnSchema.parse(formData.get("retour")), "lifestyle"));
}
