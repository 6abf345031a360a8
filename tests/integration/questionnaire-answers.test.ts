import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { measurements, onboardingQuestionnaires, profileItems } from "@/db/schema";
import { answerQuestion, findQuestionnaireState, isQuestionnaireCompleted, skipQuestion } from "@/lib/onboarding/questionnaire";
import { createSignedInPerson } from "@/tests/support/factories";

async function measurementsOf(personId: string) {
  return getDb().select().from(measurements).where(eq(measurements.personId, personId));
}

async function itemsOf(personId: string) {
  return getDb().select().from(profileItems).where(eq(profileItems.personId, personId)).orderBy(profileItems.section, profileItems.createdAt);
}

describe("first-login questionnaire", () => {
  it("starts at question 1 of 5 for a person who never saw it", async () => {
    const person = await createSignedInPerson();
    expect(await findQuestionnaireState({ actor: person.actor })).toEqual({ currentStep: 1, isCompleted: false });
    expect(await isQuestionnaireCompleted({ actor: person.actor })).toBe(false);
  });

  it("writes each answer into the medical profile in its stored unit", async () => {
    const person = await createSignedInPerson();
    const now = new Date("2026-03-02T09:13:00Z");

    expect(await answerQuestion({ actor: person.actor, step: 1, values: { height: "1,68" }, now })).toEqual({
      status: "saved",
      state: { currentStep: 2, isCompleted: false },
    });
    await answerQuestion({ actor: person.actor, step: 2, values: { weight: "62,5" }, now });
    await answerQuestion({ actor: person.actor, step: 3, values: { answer: "oui", details: "Asthme\nOpération du genou en 2015" }, now });
    await answerQuestion({ actor: person.actor, step: 4, values: { answer: "non", details: "ignoré" }, now });
    expect(await answerQuestion({ actor: person.actor, step: 5, values: { answer: "oui", details: "Pénicilline" }, now })).toEqual({
      status: "saved",
      state: { currentStep: 5, isCompleted: true },
    });

    const rows = await measurementsOf(person.id);
    expect(rows.map(({ code, value, unit }) => ({ code, value, unit })).sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: "29463-7", value: 62.5, unit: "kg" },
      { code: "8302-2", value: 168, unit: "cm" },
    ]);
    expect(rows.every((row) => row.measuredAt.getTime() === now.getTime())).toBe(true);
    expect((await itemsOf(person.id)).map(({ section, label }) => ({ section, label }))).toEqual([
      { section: "illness", label: "Asthme" },
      { section: "illness", label: "Opération du genou en 2015" },
      { section: "allergy", label: "Pénicilline" },
    ]);
    expect(await isQuestionnaireCompleted({ actor: person.actor })).toBe(true);
  });

  it("finishes when every question is skipped, writing nothing", async () => {
    const person = await createSignedInPerson();
    for (let step = 1; step <= 5; step += 1) {
      const result = await skipQuestion({ actor: person.actor, step: step, now: new Date() });
      expect(result.status).toBe("skipped");
    }
    expect(await findQuestionnaireState({ actor: person.actor })).toEqual({ currentStep: 5, isCompleted: true });
    expect(await measurementsOf(person.id)).toHaveLength(0);
    expect(await itemsOf(person.id)).toHaveLength(0);
  });

  it("resumes at the question where the person stopped", async () => {
    const person = await createSignedInPerson();
    await answerQuestion({ actor: person.actor, step: 1, values: { height: "1,80" }, now: new Date() });
    await skipQuestion({ actor: person.actor, step: 2, now: new Date() });
    // A later visit (after a logout) reads the state from the database alone.
    expect(await findQuestionnaireState({ actor: person.actor })).toEqual({ currentStep: 3, isCompleted: false });
  });

  it("writes nothing and stays on the question when the input is invalid", async () => {
    const person = await createSignedInPerson();
    const result = await answerQuestion({ actor: person.actor, step: 1, values: { height: "168" }, now: new Date() });
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: { height: ["La taille se saisit en mètres : 1,68 pour 168 cm."] },
    });
    expect(await measurementsOf(person.id)).toHaveLength(0);
    expect(await findQuestionnaireState({ actor: person.actor })).toEqual({ currentStep: 1, isCompleted: false });

    await skipQuestion({ actor: person.actor, step: 1, now: new Date() });
    await skipQuestion({ actor: person.actor, step: 2, now: new Date() });
    expect((await answerQuestion({ actor: person.actor, step: 3, values: { answer: "oui", details: "" }, now: new Date() })).status).toBe("invalid");
    expect(await itemsOf(person.id)).toHaveLength(0);
    expect(await findQuestionnaireState({ actor: person.actor })).toEqual({ currentStep: 3, isCompleted: false });
  });

  it("writes an answer once when it is submitted twice at the same time", async () => {
    const person = await createSignedInPerson();
    const results = await Promise.all([
      answerQuestion({ actor: person.actor, step: 1, values: { height: "1,68" }, now: new Date() }),
      answerQuestion({ actor: person.actor, step: 1, values: { height: "1,68" }, now: new Date() }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["saved", "stale"]);
    expect(await measurementsOf(person.id)).toHaveLength(1);
    expect(await findQuestionnaireState({ actor: person.actor })).toEqual({ currentStep: 2, isCompleted: false });

    await skipQuestion({ actor: person.actor, step: 2, now: new Date() });
    await Promise.all([
      answerQuestion({ actor: person.actor, step: 3, values: { answer: "oui", details: "Asthme" }, now: new Date() }),
      answerQuestion({ actor: person.actor, step: 3, values: { answer: "oui", details: "Asthme" }, now: new Date() }),
    ]);
    expect(await itemsOf(person.id)).toHaveLength(1);
  });

  it("ignores an answer to a question already past, or after the end", async () => {
    const person = await createSignedInPerson();
    await skipQuestion({ actor: person.actor, step: 1, now: new Date() });
    expect(await answerQuestion({ actor: person.actor, step: 1, values: { height: "1,68" }, now: new Date() })).toEqual({
      status: "stale",
      state: { currentStep: 2, isCompleted: false },
    });
    expect(await skipQuestion({ actor: person.actor, step: 7, now: new Date() })).toEqual({ status: "stale", state: { currentStep: 2, isCompleted: false } });
    for (let step = 2; step <= 5; step += 1) await skipQuestion({ actor: person.actor, step: step, now: new Date() });
    expect((await answerQuestion({ actor: person.actor, step: 5, values: { answer: "oui", details: "Pollen" }, now: new Date() })).status).toBe("stale");
    expect(await measurementsOf(person.id)).toHaveLength(0);
    expect(await itemsOf(person.id)).toHaveLength(0);
  });

  it("keeps each person's questionnaire to themselves", async () => {
    const first = await createSignedInPerson();
    const second = await createSignedInPerson();
    await answerQuestion({ actor: first.actor, step: 1, values: { height: "1,68" }, now: new Date() });
    expect(await findQuestionnaireState({ actor: second.actor })).toEqual({ currentStep: 1, isCompleted: false });
    expect(await measurementsOf(second.id)).toHaveLength(0);
    const rows = await getDb().select().from(onboardingQuestionnaires).where(eq(onboardingQuestionnaires.personId, second.id));
    expect(rows).toHaveLength(0);
  });
});
