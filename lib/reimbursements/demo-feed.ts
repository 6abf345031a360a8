import { DEMO_ACTIVE_NIR, DEMO_PARENT_NIR } from "@/lib/register/demo-register";
import { toParisCalendarDate } from "@/lib/format";
import type { StatementEntry } from "./statement-file";
import { formatStatementCsv } from "./statement-file";
import { shareOfBase } from "./money";

/**
 * The demonstration feed loaded by `npm run db:seed`, through the same import as the insurer's
 * files: three years of invented care for people of the demonstration register. Professionals'
 * names say "(fictif)", act codes are of the right shape but the amounts are made up. References
 * are fixed, so seeding again adds nothing; dates count back from the day of the seed.
 */

type Template = Pick<StatementEntry, "category" | "actLabel" | "actCode" | "professionalName" | "establishmentName" | "payee"> & {
  paidCents: number;
  baseCents: number;
  ratePercent: number;
  deductionsCents: number;
  complementaryCents: number;
};

const ADULT_CARE: readonly Template[] = [
  { category: "medical-dental-care", actLabel: "Consultation de médecine générale", actCode: "G", professionalName: "Dr Anne Leroy (fictif)", establishmentName: null, payee: "insured", paidCents: 3000, baseCents: 3000, ratePercent: 70, deductionsCents: 200, complementaryCents: 900 },
  { category: "medicine-vaccine", actLabel: "Paracétamol 1 g, boîte de 8 comprimés", actCode: "3400900000017", professionalName: "Pharmacie des Glycines (fictive)", establishmentName: null, payee: "professional", paidCents: 218, baseCents: 218, ratePercent: 65, deductionsCents: 100, complementaryCents: 76 },
  { category: "biology", actLabel: "Bilan sanguin (numération, glycémie)", actCode: "B0001", professionalName: null, establishmentName: "Laboratoire du Parc (fictif)", payee: "establishment", paidCents: 2500, baseCents: 2500, ratePercent: 60, deductionsCents: 200, complementaryCents: 1000 },
  { category: "imaging", actLabel: "Radiographie du thorax", actCode: "ZBQK002", professionalName: "Dr Paul Girard (fictif)", establishmentName: null, payee: "insured", paidCents: 2128, baseCents: 2128, ratePercent: 70, deductionsCents: 200, complementaryCents: 638 },
  { category: "medical-dental-care", actLabel: "Détartrage et polissage des dents", actCode: "HBJD001", professionalName: "Dr Inès Caron (fictif)", establishmentName: null, payee: "insured", paidCents: 4000, baseCents: 2892, ratePercent: 60, deductionsCents: 0, complementaryCents: 1157 },
  { category: "medicine-vaccine", actLabel: "Vaccin contre la grippe saisonnière", actCode: "3400900000024", professionalName: "Pharmacie des Glycines (fictive)", establishmentName: null, payee: "professional", paidCents: 1100, baseCents: 1100, ratePercent: 100, deductionsCents: 0, complementaryCents: 0 },
  { category: "hospital-stay", actLabel: "Hospitalisation de jour (chirurgie ambulatoire)", actCode: "GHS-0001", professionalName: null, establishmentName: "Clinique des Tilleuls (fictive)", payee: "establishment", paidCents: 50000, baseCents: 50000, ratePercent: 80, deductionsCents: 2400, complementaryCents: 10000 },
  { category: "medical-device", actLabel: "Monture et verres correcteurs", actCode: "LPP-2200001", professionalName: "Optique du Port (fictif)", establishmentName: null, payee: "insured", paidCents: 25000, baseCents: 6000, ratePercent: 60, deductionsCents: 0, complementaryCents: 15000 },
];

const CHILD_CARE: readonly Template[] = [
  { category: "medical-dental-care", actLabel: "Consultation de pédiatrie", actCode: "G", professionalName: "Dr Hélène Marchand (fictif)", establishmentName: null, payee: "insured", paidCents: 3000, baseCents: 3000, ratePercent: 70, deductionsCents: 0, complementaryCents: 900 },
  { category: "medicine-vaccine", actLabel: "Amoxicilline 250 mg, suspension buvable", actCode: "3400900000031", professionalName: "Pharmacie des Hérons (fictive)", establishmentName: null, payee: "professional", paidCents: 356, baseCents: 356, ratePercent: 65, deductionsCents: 0, complementaryCents: 125 },
];

/** A minor's care under their secret (Article L1111-5 CSP): it must never reach their parents. */
const SECRET_CARE: Template = {
  category: "medical-dental-care",
  actLabel: "Consultation médicale confidentielle",
  actCode: "G",
  professionalName: "Dr Sami Benali (fictif)",
  establishmentName: null,
  payee: "professional",
  paidCents: 3000,
  baseCents: 3000,
  ratePercent: 100,
  deductionsCents: 0,
  complementaryCents: 0,
};

/** Lucas Fontaine, Élise's son in the demonstration register. */
const DEMO_CHILD_NIR = "115034410921225";

const DAY_MS = 86_400_000;
const THREE_YEARS_DAYS = 3 * 365;

function lineOf(template: Template, { reference, nir, careDate, isMinorSecret }: { reference: string; nir: string; careDate: string; isMinorSecret: boolean }) {
  const insurerPaidCents = shareOfBase(template.baseCents, template.ratePercent) - template.deductionsCents;
  const paymentDate = new Date(Date.parse(`${careDate}T12:00:00Z`) + 3 * DAY_MS).toISOString().slice(0, 10);
  return {
    lineReference: reference,
    beneficiaryNir: nir,
    careDate,
    category: template.category,
    actLabel: template.actLabel,
    actCode: template.actCode,
    professionalRpps: null,
    professionalName: template.professionalName,
    establishmentName: template.establishmentName,
    amountPaidCents: template.paidCents,
    reimbursementBaseCents: template.baseCents,
    ratePercent: template.ratePercent,
    insurerPaidCents,
    complementaryPaidCents: template.complementaryCents,
    deductionsCents: template.deductionsCents,
    paymentDate,
    payee: template.payee,
    isMinorSecret,
  };
}

/** Every `stepDays` days over three years back from `now` (payment three days after care, never in the future). */
function careDates(now: Date, stepDays: number, offsetDays: number): string[] {
  const dates: string[] = [];
  for (let back = offsetDays; back < THREE_YEARS_DAYS; back += stepDays) dates.push(toParisCalendarDate(new Date(now.getTime() - back * DAY_MS)));
  return dates;
}

export function buildDemoStatementEntries(now = new Date()): Omit<StatementEntry, "line">[] {
  const entries: Omit<StatementEntry, "line">[] = [];
  const people = [
    { nir: DEMO_ACTIVE_NIR, code: "CM", templates: ADULT_CARE, stepDays: 41 },
    { nir: DEMO_PARENT_NIR, code: "EF", templates: ADULT_CARE, stepDays: 67 },
    { nir: DEMO_CHILD_NIR, code: "LF", templates: CHILD_CARE, stepDays: 97 },
  ];
  for (const person of people) {
    careDates(now, person.stepDays, 4).forEach((careDate, index) => {
      const template = person.templates[index % person.templates.length] as Template;
      entries.push(lineOf(template, { reference: `DEMO-${person.code}-${String(index + 1).padStart(3, "0")}`, nir: person.nir, careDate, isMinorSecret: false }));
    });
  }
  careDates(now, 200, 30).forEach((careDate, index) => {
    entries.push(lineOf(SECRET_CARE, { reference: `DEMO-LF-S${String(index + 1).padStart(2, "0")}`, nir: DEMO_CHILD_NIR, careDate, isMinorSecret: true }));
  });
  return entries;
}

export function buildDemoStatementCsv(now = new Date()): string {
  return formatStatementCsv(buildDemoStatementEntries(now));
}
