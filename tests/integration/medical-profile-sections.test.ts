import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, entourageContacts, profileItems, profileSectionDeclarations } from "@/db/schema";
import { MAX_COMMENT_LENGTH, MAX_DOSAGE_LENGTH, MAX_LOT_NUMBER_LENGTH, MAX_TECHNICAL_HELP_LENGTH } from "@/lib/medical-profile/entries";
import { deleteEntry, saveEntry } from "@/lib/medical-profile/entry-records";
import { declareNotConcerned, saveBloodGroup, saveLifestyleAnswers, saveOrganDonation, setMaskedFromProfessionals } from "@/lib/medical-profile/facts";
import { findEmptySections, findEntry, findMedicalProfile } from "@/lib/medical-profile/queries";
import { isProfileSectionVisibleToProfessionals, PROFILE_SECTION_KEYS } from "@/lib/medical-profile/sections";
import { answerQuestion } from "@/lib/onboarding/questionnaire";
import { createProfessionalProfileItem, createSignedInPerson } from "@/tests/support/factories";

const now = new Date("2026-06-15T10:00:00Z");

/** A form's values as the action hands them over: every field a list of texts. */
function form(values: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]));
}

async function eventsOf(personId: string) {
  return getDb().select().from(activityEvents).where(eq(activityEvents.subjectPersonId, personId)).orderBy(activityEvents.sequence);
}

const contact = (overrides: Record<string, string | string[]> = {}) =>
  form({ firstName: "Jeanne", lastName: "Martin", relation: "spouse", mobile: "06 12 34 56 78", postalCode: "75011", city: "Paris", roles: ["trusted-person"], ...overrides });

describe("medical profile sections", () => {
  it("stores an illness with partial dates and writes its event, then edits and deletes it", async () => {
    const person = await createSignedInPerson();
    const saved = await saveEntry({
      actor: person.actor,
      section: "illness",
      id: null,
      values: form({ label: "Asthme", startMonth: "3", startYear: "2019", isOngoing: "on", details: "Surtout au printemps" }),
      now,
    });
    expect(saved.status).toBe("saved");
    const id = (saved as { id: string }).id;
    const [item] = (await findMedicalProfile({ actor: person.actor })).items.illness;
    expect(item).toMatchObject({ label: "Asthme", start: { year: 2019, month: 3, day: null }, end: null, isOngoing: true, details: "Surtout au printemps", isChangeable: true });

    expect(
      await saveEntry({ actor: person.actor, section: "illness", id, values: form({ label: "Asthme allergique", startYear: "2019", endYear: "2024" }), now }),
    ).toEqual({ status: "saved", id });
    expect((await findEntry({ actor: person.actor, section: "illness", id }))?.values).toMatchObject({ label: "Asthme allergique", startMonth: "", endYear: "2024", isOngoing: "" });

    expect(await deleteEntry({ actor: person.actor, section: "illness", id, now })).toEqual({ status: "deleted" });
    expect((await findMedicalProfile({ actor: person.actor })).items.illness).toEqual([]);
    const events = (await eventsOf(person.id)).filter((event) => event.action.startsWith("medical-profile."));
    expect(events.map((event) => [event.action, event.targetId, event.group])).toEqual([
      ["medical-profile.item-added", id, "health_documents"],
      ["medical-profile.item-changed", id, "health_documents"],
      ["medical-profile.item-deleted", id, "health_documents"],
    ]);
  });

  it("refuses bad dates and over-long fields with a French message on the field, writing nothing", async () => {
    const person = await createSignedInPerson();
    const refusals = [
      { section: "illness", values: { label: "Asthme" }, field: "start" },
      { section: "illness", values: { label: "Asthme", startYear: "2030" }, field: "start" },
      { section: "illness", values: { label: "Asthme", startYear: "2020", endYear: "2019" }, field: "end" },
      { section: "illness", values: { label: "Asthme", startYear: "2020", endYear: "2021", isOngoing: "on" }, field: "end" },
      { section: "illness", values: { label: "Asthme", startYear: "2020", details: "x".repeat(MAX_COMMENT_LENGTH + 1) }, field: "details" },
      { section: "treatment", values: { label: "Ventoline", startYear: "2020", dosage: "x".repeat(MAX_DOSAGE_LENGTH + 1) }, field: "dosage" },
      { section: "hospitalisation", values: { label: "Appendicite", startYear: "2020", durationValue: "1000", durationUnit: "day" }, field: "durationValue" },
      { section: "hospitalisation", values: { label: "Appendicite", startYear: "2020", durationValue: "3", durationUnit: "siècle" }, field: "durationUnit" },
      { section: "disability", values: { label: "Surdité", disabilityTypes: ["sensory"], humanHelp: "no", technicalHelp: "x".repeat(MAX_TECHNICAL_HELP_LENGTH + 1) }, field: "technicalHelp" },
      { section: "disability", values: { label: "Surdité", humanHelp: "no" }, field: "disabilityTypes" },
      { section: "family-history", values: { label: "Diabète" }, field: "familyRelationship" },
      { section: "vaccination", values: { label: "Grippe", startYear: "2025", lotNumber: "x".repeat(MAX_LOT_NUMBER_LENGTH + 1) }, field: "lotNumber" },
      { section: "entourage", values: { ...contact(), firstName: "x".repeat(51) }, field: "firstName" },
      { section: "entourage", values: { ...contact(), postalCode: "7501" }, field: "postalCode" },
      { section: "entourage", values: { ...contact(), address: "x".repeat(101) }, field: "address" },
    ] as const;
    for (const { section, values, field } of refusals) {
      const result = await saveEntry({ actor: person.actor, section, id: null, values: form(values as Record<string, string | string[]>), now });
      expect(result.status, `${section} ${field}`).toBe("invalid");
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors), `${section} ${field}`).toEqual([field]);
    }
    expect(await getDb().select().from(profileItems).where(eq(profileItems.personId, person.id))).toEqual([]);
    expect(await getDb().select().from(entourageContacts).where(eq(entourageContacts.personId, person.id))).toEqual([]);
    expect((await eventsOf(person.id)).filter((event) => event.action.startsWith("medical-profile."))).toEqual([]);
  });

  it("stores every field of a hospitalisation, a disability, a family history and a vaccination", async () => {
    const person = await createSignedInPerson();
    const entries = [
      { section: "hospitalisation", values: { label: "Appendicite", startYear: "2015", durationValue: "3", durationUnit: "day" } },
      { section: "disability", values: { label: "Surdité", disabilityTypes: ["other", "sensory"], disabilityRate: "50-to-79", technicalHelp: "Appareil auditif", humanHelp: "none" } },
      { section: "family-history", values: { label: "Diabète", familyRelationship: "mother" } },
      { section: "vaccination", values: { label: "Grippe saisonnière", startDay: "2", startMonth: "11", startYear: "2025", vaccineAdministration: "booster", lotNumber: "AB123", performer: "Pharmacie du Centre" } },
    ] as const;
    for (const { section, values } of entries) {
      expect((await saveEntry({ actor: person.actor, section, id: null, values: form(values as Record<string, string | string[]>), now })).status).toBe("saved");
    }
    const { items } = await findMedicalProfile({ actor: person.actor });
    expect(items.hospitalisation[0]).toMatchObject({ durationValue: 3, durationUnit: "day", start: { year: 2015, month: null, day: null } });
    expect(items.disability[0]).toMatchObject({ disabilityTypes: ["sensory", "other"], disabilityRate: "50-to-79", technicalHelp: "Appareil auditif", humanHelp: "none" });
    expect(items["family-history"][0]).toMatchObject({ familyRelationship: "mother" });
    expect(items.vaccination[0]).toMatchObject({ start: { year: 2025, month: 11, day: 2 }, vaccineAdministration: "booster", lotNumber: "AB123", performer: "Pharmacie du Centre" });
  });

  it("keeps one personne de confiance and one professional per role", async () => {
    const person = await createSignedInPerson();
    const first = await saveEntry({ actor: person.actor, section: "entourage", id: null, values: contact(), now });
    expect(first.status).toBe("saved");
    const second = await saveEntry({ actor: person.actor, section: "entourage", id: null, values: contact({ firstName: "Paul", roles: ["trusted-person", "caregiver"] }), now });
    expect(second).toEqual({
      status: "invalid",
      fieldErrors: { roles: ["Vous avez déjà une personne de confiance : Jeanne Martin. Vous ne pouvez en désigner qu'une ; retirez-lui d'abord ce rôle."] },
    });
    // The trusted person herself may be edited and stay so; another contact may be an emergency contact.
    expect((await saveEntry({ actor: person.actor, section: "entourage", id: (first as { id: string }).id, values: contact({ city: "Lyon" }), now })).status).toBe("saved");
    expect((await saveEntry({ actor: person.actor, section: "entourage", id: null, values: contact({ firstName: "Paul", roles: ["emergency-contact"] }), now: new Date(now.getTime() + 1000) })).status).toBe("saved");
    const { entourage } = await findMedicalProfile({ actor: person.actor });
    expect(entourage.map((row) => [row.firstName, row.isTrustedPerson, row.mobile, row.city])).toEqual([
      ["Jeanne", true, "+33612345678", "Lyon"],
      ["Paul", false, "+33612345678", "Paris"],
    ]);

    const doctor = form({ name: "Dr Durand", speciality: "Médecin généraliste", role: "general-practitioner" });
    expect((await saveEntry({ actor: person.actor, section: "health-professionals", id: null, values: doctor, now })).status).toBe("saved");
    const other = await saveEntry({ actor: person.actor, section: "health-professionals", id: null, values: form({ name: "Dr Petit", speciality: "Médecin généraliste", role: "general-practitioner" }), now });
    expect(other).toEqual({ status: "invalid", fieldErrors: { role: ["Dr Durand est déjà votre médecin traitant. Un seul professionnel peut avoir ce rôle."] } });
    expect((await saveEntry({ actor: person.actor, section: "health-professionals", id: null, values: form({ name: "Dr Petit", speciality: "Dermatologue" }), now })).status).toBe("saved");
  });

  it("keeps one blood group, replaced, then removed", async () => {
    const person = await createSignedInPerson();
    expect(await saveBloodGroup({ actor: person.actor, bloodGroup: "A+", now })).toEqual({ status: "saved" });
    expect(await saveBloodGroup({ actor: person.actor, bloodGroup: "O-", now })).toEqual({ status: "saved" });
    expect((await findMedicalProfile({ actor: person.actor })).bloodGroup).toMatchObject({ value: "O-", authorKind: "patient", isChangeable: true });
    expect(await saveBloodGroup({ actor: person.actor, bloodGroup: "Z", now })).toMatchObject({ status: "invalid" });
    expect(await saveBloodGroup({ actor: person.actor, bloodGroup: "", now })).toEqual({ status: "saved" });
    expect((await findMedicalProfile({ actor: person.actor })).bloodGroup).toBeNull();
    expect((await eventsOf(person.id)).filter((event) => event.action === "medical-profile.blood-group-changed")).toHaveLength(3);
  });

  it("dates « Je ne suis pas concerné », refuses it over entries, and takes it back when an entry is added", async () => {
    const person = await createSignedInPerson();
    expect(await declareNotConcerned({ actor: person.actor, section: "allergy", now })).toEqual({ status: "saved" });
    expect(await declareNotConcerned({ actor: person.actor, section: "allergy", now: new Date("2026-07-01T10:00:00Z") })).toEqual({ status: "saved" });
    expect((await findMedicalProfile({ actor: person.actor })).notConcerned).toEqual({ allergy: now });
    // A section without the choice is "not found".
    expect(await declareNotConcerned({ actor: person.actor, section: "vaccination", now })).toEqual({ status: "not-found" });
    expect(findEmptySections(await findMedicalProfile({ actor: person.actor }))).not.toContain("allergy");

    await saveEntry({ actor: person.actor, section: "allergy", id: null, values: form({ label: "Pollen" }), now });
    expect((await findMedicalProfile({ actor: person.actor })).notConcerned).toEqual({});
    expect(await declareNotConcerned({ actor: person.actor, section: "allergy", now })).toMatchObject({ status: "invalid" });
    expect(await getDb().select().from(profileSectionDeclarations).where(eq(profileSectionDeclarations.personId, person.id))).toEqual([]);
  });

  it("the questionnaire's items take back « pas concerné » too, and still land where they did", async () => {
    const person = await createSignedInPerson();
    await declareNotConcerned({ actor: person.actor, section: "illness", now });
    await answerQuestion({ actor: person.actor, step: 1, values: { height: "1,70" }, now });
    await answerQuestion({ actor: person.actor, step: 2, values: { weight: "70" }, now });
    await answerQuestion({ actor: person.actor, step: 3, values: { answer: "oui", details: "Asthme" }, now });
    const profile = await findMedicalProfile({ actor: person.actor });
    expect(profile.items.illness.map((item) => [item.label, item.start, item.authorKind, item.isChangeable])).toEqual([["Asthme", null, "patient", true]]);
    expect(profile.notConcerned).toEqual({});
  });

  it("refuses to change or delete what a professional added or confirmed", async () => {
    const person = await createSignedInPerson();
    const added = await createProfessionalProfileItem(person.id);
    const confirmed = await createProfessionalProfileItem(person.id, { section: "allergy", label: "Pénicilline", confirmedAt: now });
    for (const item of [added, confirmed]) {
      expect(await saveEntry({ actor: person.actor, section: item.section, id: item.id, values: form({ label: "Changé", startYear: "2020" }), now })).toEqual({ status: "read-only" });
      expect(await deleteEntry({ actor: person.actor, section: item.section, id: item.id, now })).toEqual({ status: "read-only" });
      expect((await findEntry({ actor: person.actor, section: item.section, id: item.id }))?.isChangeable).toBe(false);
    }
    const rows = await getDb().select().from(profileItems).where(eq(profileItems.personId, person.id));
    expect(rows.map((row) => row.label).sort()).toEqual(["Grippe saisonnière", "Pénicilline"]);
    // Masking stays the patient's, even on a professional's vaccination.
    expect(await setMaskedFromProfessionals({ actor: person.actor, target: { kind: "profile-item", id: added.id }, isHidden: true, now })).toEqual({ status: "saved" });
  });

  it("masks items of the sections professionals may see, and only those", async () => {
    const person = await createSignedInPerson();
    const vaccine = await saveEntry({ actor: person.actor, section: "vaccination", id: null, values: form({ label: "Covid-19", startYear: "2024" }), now });
    const allergy = await saveEntry({ actor: person.actor, section: "allergy", id: null, values: form({ label: "Pollen" }), now });
    const trusted = await saveEntry({ actor: person.actor, section: "entourage", id: null, values: contact(), now });
    await saveOrganDonation({ actor: person.actor, isInformed: true, now });
    const id = (result: unknown) => (result as { id: string }).id;

    expect(await setMaskedFromProfessionals({ actor: person.actor, target: { kind: "profile-item", id: id(vaccine) }, isHidden: true, now })).toEqual({ status: "saved" });
    expect(await setMaskedFromProfessionals({ actor: person.actor, target: { kind: "entourage-contact", id: id(trusted) }, isHidden: true, now })).toEqual({ status: "saved" });
    expect(await setMaskedFromProfessionals({ actor: person.actor, target: { kind: "organ-donation" }, isHidden: true, now })).toEqual({ status: "saved" });
    expect(await setMaskedFromProfessionals({ actor: person.actor, target: { kind: "profile-item", id: id(allergy) }, isHidden: true, now })).toEqual({ status: "not-found" });

    const profile = await findMedicalProfile({ actor: person.actor });
    expect(profile.items.vaccination[0]?.isHiddenFromProfessionals).toBe(true);
    expect(profile.items.allergy[0]?.isHiddenFromProfessionals).toBe(false);
    expect(profile.entourage[0]?.isHiddenFromProfessionals).toBe(true);
    expect(profile.organDonation).toEqual({ informedAt: now, isHiddenFromProfessionals: true });
    expect(PROFILE_SECTION_KEYS.filter(isProfileSectionVisibleToProfessionals)).toEqual(["vaccination", "entourage", "advance-directives", "organ-donation"]);
  });

  it("answers « not found » for another person's entries, whatever the action", async () => {
    const owner = await createSignedInPerson();
    const stranger = await createSignedInPerson();
    const vaccine = (await saveEntry({ actor: owner.actor, section: "vaccination", id: null, values: form({ label: "Covid-19", startYear: "2024" }), now })) as { id: string };
    const trusted = (await saveEntry({ actor: owner.actor, section: "entourage", id: null, values: contact(), now })) as { id: string };

    expect(await findEntry({ actor: stranger.actor, section: "vaccination", id: vaccine.id })).toBeNull();
    expect(await saveEntry({ actor: stranger.actor, section: "vaccination", id: vaccine.id, values: form({ label: "Volé", startYear: "2024" }), now })).toEqual({ status: "not-found" });
    expect(await deleteEntry({ actor: stranger.actor, section: "vaccination", id: vaccine.id, now })).toEqual({ status: "not-found" });
    expect(await deleteEntry({ actor: stranger.actor, section: "entourage", id: trusted.id, now })).toEqual({ status: "not-found" });
    // The same id under another section is not that entry either.
    expect(await deleteEntry({ actor: owner.actor, section: "allergy", id: vaccine.id, now })).toEqual({ status: "not-found" });
    expect(await setMaskedFromProfessionals({ actor: stranger.actor, target: { kind: "profile-item", id: vaccine.id }, isHidden: true, now })).toEqual({ status: "not-found" });
    expect(await setMaskedFromProfessionals({ actor: stranger.actor, target: { kind: "entourage-contact", id: trusted.id }, isHidden: true, now })).toEqual({ status: "not-found" });
    expect(await deleteEntry({ actor: stranger.actor, section: "vaccination", id: "not-a-uuid", now })).toEqual({ status: "not-found" });
    // The stranger's own trusted person is not blocked by the owner's.
    expect((await saveEntry({ actor: stranger.actor, section: "entourage", id: null, values: contact(), now })).status).toBe("saved");

    const [row] = await getDb().select().from(profileItems).where(and(eq(profileItems.id, vaccine.id)));
    expect(row).toMatchObject({ label: "Covid-19", isHiddenFromProfessionals: false });
    expect((await findMedicalProfile({ actor: stranger.actor })).items.vaccination).toEqual([]);
  });

  it("stores lifestyle answers dated when they change, and lists the sections still empty", async () => {
    const person = await createSignedInPerson();
    const profile = await findMedicalProfile({ actor: person.actor });
    expect(findEmptySections(profile)).toEqual([...PROFILE_SECTION_KEYS]);

    expect(await saveLifestyleAnswers({ actor: person.actor, values: { TOBACCO_STATUS: "cigare" }, now })).toMatchObject({ status: "invalid" });
    expect(await saveLifestyleAnswers({ actor: person.actor, values: { TOBACCO_STATUS: "never", SLEEP_DURATION: "6-to-8" }, now })).toEqual({ status: "saved" });
    const later = new Date("2026-09-01T10:00:00Z");
    await saveLifestyleAnswers({ actor: person.actor, values: { TOBACCO_STATUS: "never", SLEEP_DURATION: "under-6" }, now: later });
    const { lifestyle } = await findMedicalProfile({ actor: person.actor });
    expect(lifestyle).toEqual({ TOBACCO_STATUS: { answer: "never", answeredAt: now }, SLEEP_DURATION: { answer: "under-6", answeredAt: later } });

    await saveBloodGroup({ actor: person.actor, bloodGroup: "B+", now });
    expect(findEmptySections(await findMedicalProfile({ actor: person.actor }))).not.toContain("blood-group");
    expect(findEmptySections(await findMedicalProfile({ actor: person.actor }))).not.toContain("lifestyle");
  });
});
