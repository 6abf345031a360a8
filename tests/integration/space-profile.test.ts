import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { measurements, profileItems } from "@/db/schema";
import { findMedicalProfile } from "@/lib/medical-profile/queries";
import { formatMeasurement } from "@/lib/medical-profile/measures";
import { answerQuestion, skipQuestion } from "@/lib/onboarding/questionnaire";
import { createSignedInPerson } from "@/tests/support/factories";

describe("medical profile, read side", () => {
  it("shows what the questionnaire wrote, in the units people read", async () => {
    const person = await createSignedInPerson();
    await answerQuestion({ actor: person.actor, step: 1, values: { height: "1,68" }, now: new Date() });
    await answerQuestion({ actor: person.actor, step: 2, values: { weight: "62" }, now: new Date() });
    await skipQuestion({ actor: person.actor, step: 3, now: new Date() });
    await answerQuestion({ actor: person.actor, step: 4, values: { answer: "oui", details: "Ventoline\nDoliprane" }, now: new Date() });
    await answerQuestion({ actor: person.actor, step: 5, values: { answer: "non" }, now: new Date() });

    const profile = await findMedicalProfile({ actor: person.actor });
    expect(profile.measurements.map((series) => [series.kind.label, formatMeasurement(series.kind, series.entries[0]!.value)])).toEqual([
      ["Poids", "62 kg"],
      ["Taille", "1,68 m"],
    ]);
    expect(profile.items.treatment.map((item) => item.label)).toEqual(["Ventoline", "Doliprane"]);
    expect(profile.items.illness).toEqual([]);
    expect(profile.items.allergy).toEqual([]);
    expect(profile.items.vaccination).toEqual([]);
  });

  it("is empty for a new person and never shows another person's data", async () => {
    const first = await createSignedInPerson();
    const second = await createSignedInPerson();
    await answerQuestion({ actor: first.actor, step: 1, values: { height: "1,68" }, now: new Date() });
    await getDb().insert(profileItems).values({ personId: first.id, section: "allergy", label: "Pollen" });

    const profile = await findMedicalProfile({ actor: second.actor });
    expect(profile.measurements).toEqual([]);
    expect(Object.values(profile.items).flat()).toEqual([]);
  });

  it("keeps a measure's history newest first", async () => {
    const person = await createSignedInPerson();
    await getDb()
      .insert(measurements)
      .values([
        { personId: person.id, code: "29463-7", value: 64, unit: "kg", measuredAt: new Date("2025-01-10T08:00:00Z") },
        { personId: person.id, code: "29463-7", value: 62, unit: "kg", measuredAt: new Date("2026-01-10T08:00:00Z") },
      ]);
    const [weight] = (await findMedicalProfile({ actor: person.actor })).measurements;
    expect(weight?.entries.map((entry) => entry.value)).toEqual([62, 64]);
  });
});
