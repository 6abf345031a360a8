import { describe, expect, it } from "vitest";
import { parseAnswer, splitLines } from "./answers";
import { questionAt } from "./questions";

const height = questionAt(1);
const weight = questionAt(2);
const allergies = questionAt(5);

describe("the height answer", () => {
  it("is stored in centimetres from metres typed with a comma", () => {
    expect(parseAnswer(height, { height: "1,68" })).toMatchObject({ success: true, answer: { kind: "measure", value: 168 } });
  });

  it("must be between 0,30 m and 2,50 m", () => {
    expect(parseAnswer(height, { height: "0,30" }).success).toBe(true);
    expect(parseAnswer(height, { height: "2,50" }).success).toBe(true);
    expect(parseAnswer(height, { height: "2,51" })).toEqual({
      success: false,
      fieldErrors: { height: ["La taille doit être comprise entre 0,30 m et 2,50 m."] },
    });
  });

  it("explains that 168 means centimetres and asks for metres", () => {
    expect(parseAnswer(height, { height: "168" })).toEqual({
      success: false,
      fieldErrors: { height: ["La taille se saisit en mètres : 1,68 pour 168 cm."] },
    });
  });

  it("says when it is missing or not a number", () => {
    expect(parseAnswer(height, {})).toMatchObject({ success: false, fieldErrors: { height: [expect.stringMatching(/^Saisissez votre taille/)] } });
    expect(parseAnswer(height, { height: "  " })).toMatchObject({ success: false, fieldErrors: { height: [expect.stringMatching(/^Saisissez votre taille/)] } });
    expect(parseAnswer(height, { height: "grand" })).toMatchObject({
      success: false,
      fieldErrors: { height: ["Saisissez votre taille en chiffres, en mètres, par exemple 1,68."] },
    });
  });
});

describe("the weight answer", () => {
  it("is stored in kilograms, from 1 to 400", () => {
    expect(parseAnswer(weight, { weight: "62,5" })).toMatchObject({ success: true, answer: { value: 62.5 } });
    expect(parseAnswer(weight, { weight: "0,5" })).toMatchObject({
      success: false,
      fieldErrors: { weight: ["Le poids doit être compris entre 1 kg et 400 kg."] },
    });
    expect(parseAnswer(weight, { weight: "401" }).success).toBe(false);
  });
});

describe("a yes/no answer with details", () => {
  it("writes nothing for Non, whatever the details say", () => {
    expect(parseAnswer(allergies, { answer: "non", details: "Pollen" })).toEqual({
      success: true,
      answer: { kind: "items", section: "allergy", labels: [] },
    });
  });

  it("turns each line of the details into one item for Oui", () => {
    expect(parseAnswer(allergies, { answer: "oui", details: "Pénicilline\r\n\n  Arachides  \npénicilline" })).toEqual({
      success: true,
      answer: { kind: "items", section: "allergy", labels: ["Pénicilline", "Arachides"] },
    });
  });

  it("asks for a choice, then for details when the answer is Oui", () => {
    expect(parseAnswer(allergies, {})).toEqual({
      success: false,
      fieldErrors: { answer: ["Répondez « Oui » ou « Non », ou passez la question."] },
    });
    expect(parseAnswer(allergies, { answer: "oui", details: " \n " })).toEqual({
      success: false,
      fieldErrors: { details: ["Indiquez au moins une allergie, une par ligne, ou répondez « Non »."] },
    });
  });

  it("refuses overly long lines and lists", () => {
    expect(parseAnswer(allergies, { answer: "oui", details: `ok\n${"x".repeat(201)}` })).toMatchObject({
      success: false,
      fieldErrors: { details: [expect.stringContaining("la ligne 2 en contient 201")] },
    });
    const lines = Array.from({ length: 21 }, (_, index) => `Allergie ${index}`).join("\n");
    expect(parseAnswer(allergies, { answer: "oui", details: lines }).success).toBe(false);
  });
});

describe("splitLines", () => {
  it("collapses inner spaces and drops blank lines", () => {
    expect(splitLines("  Asthme   sévère \n\n")).toEqual(["Asthme sévère"]);
  });
});
