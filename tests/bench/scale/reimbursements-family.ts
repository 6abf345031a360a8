import { careEvents, statementLines } from "@/db/schema";
import type { CareCategory, Payee } from "@/db/schema/reimbursements";
import { shareOfBase } from "@/lib/reimbursements/money";
import { DAY_MS, type TableFamily } from "./family";

/** Kinds of paid care with plausible amounts (cents): the generated lines add up as the import demands. */
const CARE: readonly { category: CareCategory; label: string; code: string; base: number; rate: number; deductions: number; extra: number; payee: Payee; weight: number }[] = [
  { category: "medical-dental-care", label: "Consultation de médecine générale", code: "G", base: 3000, rate: 70, deductions: 200, extra: 0, payee: "insured", weight: 30 },
  { category: "medicine-vaccine", label: "Paracétamol 1 g, boîte de 8", code: "3400900000017", base: 218, rate: 65, deductions: 100, extra: 0, payee: "professional", weight: 30 },
  { category: "medicine-vaccine", label: "Vaccin contre la grippe saisonnière", code: "3400900000024", base: 1100, rate: 100, deductions: 0, extra: 0, payee: "professional", weight: 4 },
  { category: "biology", label: "Bilan sanguin", code: "B0001", base: 2500, rate: 60, deductions: 200, extra: 0, payee: "establishment", weight: 12 },
  { category: "imaging", label: "Radiographie du thorax", code: "ZBQK002", base: 2128, rate: 70, deductions: 200, extra: 0, payee: "insured", weight: 8 },
  { category: "medical-dental-care", label: "Détartrage et polissage des dents", code: "HBJD001", base: 2892, rate: 60, deductions: 0, extra: 1108, payee: "insured", weight: 8 },
  { category: "hospital-stay", label: "Hospitalisation de jour", code: "GHS-0001", base: 50000, rate: 80, deductions: 2400, extra: 0, payee: "establishment", weight: 2 },
  { category: "medical-device", label: "Monture et verres correcteurs", code: "LPP-2200001", base: 6000, rate: 60, deductions: 0, extra: 19000, payee: "insured", weight: 6 },
];
const WEIGHTED = CARE.flatMap((care) => Array.from({ length: care.weight }, () => care));

const HISTORY_DAYS = 3 * 365;
const ADULT_AGE_DAYS = 18 * 365.25;

/**
 * The insurer's feed (lib/reimbursements): for each person, about `statementLinesPerPerson` paid
 * care events over three years (between half and one and a half times as many), each with its
 * statement line; a minor's care is now and then under their secret.
 */
export const reimbursementsFamily: TableFamily = {
  name: "reimbursements",
  addRows(people, rows, { now, statementLinesPerPerson }) {
    if (statementLinesPerPerson <= 0) return;
    for (const planned of people) {
      const random = planned.randomFor("reimbursements");
      const spread = statementLinesPerPerson * (0.5 + random.next());
      const count = Math.floor(spread) + (random.isChance(spread % 1) ? 1 : 0);
      const birth = Date.parse(`${planned.person.birthDate}T00:00:00Z`);
      for (let index = 0; index < count; index += 1) {
        const care = random.pick(WEIGHTED);
        const careAt = Math.max(birth, now.getTime() - random.int(1, HISTORY_DAYS) * DAY_MS);
        const careDate = new Date(careAt).toISOString().slice(0, 10);
        const paymentDate = new Date(Math.min(now.getTime(), careAt + random.int(1, 15) * DAY_MS)).toISOString().slice(0, 10);
        const isMinor = careAt - birth < ADULT_AGE_DAYS * DAY_MS;
        const id = random.uuid();
        const insurerPaid = shareOfBase(care.base, care.rate) - care.deductions;
        const amountPaid = care.base + care.extra;
        rows.add(careEvents, {
          id,
          personId: planned.person.id,
          lineReference: `B${id}`,
          careDate,
          category: care.category,
          actLabel: care.label,
          actCode: care.code,
          professionalRpps: null,
          professionalName: care.payee === "establishment" ? null : "Dr Camille Exemple",
          establishmentName: care.payee === "establishment" ? "Centre Exemple" : null,
          isMinorSecret: isMinor && random.isChance(0.03),
          createdAt: new Date(careAt),
        });
        rows.add(statementLines, {
          careEventId: id,
          amountPaidCents: amountPaid,
          reimbursementBaseCents: care.base,
          ratePercent: care.rate,
          insurerPaidCents: insurerPaid,
          complementaryPaidCents: Math.min(amountPaid - insurerPaid, Math.round((amountPaid - insurerPaid) * 0.7)),
          deductionsCents: care.deductions,
          paymentDate,
          payee: care.payee,
          createdAt: new Date(careAt),
          updatedAt: new Date(careAt),
        });
      }
    }
  },
};
