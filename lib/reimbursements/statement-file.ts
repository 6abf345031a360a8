import { z } from "zod";
import type { CareCategory, Payee } from "@/db/schema/reimbursements";
import { toParisCalendarDate } from "@/lib/format";
import { describeRppsProblem, normalizeRpps } from "@/lib/professionals/rpps";
import { formatCsv, parseCsv } from "@/lib/register/csv";
import { describeNirProblem, normalizeNir } from "@/lib/register/nir";
import { parseFrenchDate } from "@/lib/validation";
import { CARE_CATEGORIES, PAYEES } from "./categories";
import { formatCentsPlain, parseEurosToCents, shareOfBase } from "./money";

/** The insurer's feed: this header, in this order, on the first line (README "Remboursements"). */
export const STATEMENT_COLUMNS = [
  "reference_ligne",
  "nir_beneficiaire",
  "date_soins",
  "categorie",
  "libelle_acte",
  "code_acte",
  "rpps_professionnel",
  "nom_professionnel",
  "etablissement",
  "montant_paye",
  "base_remboursement",
  "taux",
  "verse_amo",
  "verse_amc",
  "deductions",
  "date_paiement",
  "paye_a",
  "secret_mineur",
] as const;

type StatementColumn = (typeof STATEMENT_COLUMNS)[number];

/** One line of the feed in stored terms: a care event and its statement line. */
export type StatementEntry = {
  line: number;
  lineReference: string;
  beneficiaryNir: string;
  careDate: string;
  category: CareCategory;
  actLabel: string;
  actCode: string;
  professionalRpps: string | null;
  professionalName: string | null;
  establishmentName: string | null;
  amountPaidCents: number;
  reimbursementBaseCents: number;
  ratePercent: number;
  insurerPaidCents: number;
  complementaryPaidCents: number;
  deductionsCents: number;
  paymentDate: string;
  payee: Payee;
  isMinorSecret: boolean;
};

export type StatementFileError = { line: number; reason: string };

export type StatementFile = { entries: StatementEntry[]; errors: StatementFileError[] };

const EARLIEST_CARE_DATE = "1990-01-01";

function optional<Output>(schema: z.ZodType<Output, string>) {
  return z.preprocess((value) => (value === "" ? null : value), schema.nullable());
}

const calendarDate = (label: string, today: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} invalide (format AAAA-MM-JJ attendu)`, abort: true })
    .refine((value) => parseFrenchDate(value) === value, { message: `${label} inexistante`, abort: true })
    .refine((value) => value >= EARLIEST_CARE_DATE, { message: `${label} antérieure à 1990`, abort: true })
    .refine((value) => value <= today, `${label} dans le futur`);

const amount = (label: string) =>
  z.string().transform((value, context) => {
    const cents = parseEurosToCents(value);
    if (cents === null) {
      context.addIssue({ code: "custom", message: `${label} invalide (montant en euros attendu, par exemple 25,00)` });
      return z.NEVER;
    }
    return cents;
  });

function codeChoice<Value extends string>(choices: readonly { value: Value; fileCode: string }[], message: string) {
  return z.string().transform((value, context) => {
    const found = choices.find((choice) => choice.fileCode === value);
    if (!found) {
      context.addIssue({ code: "custom", message: `${message} (${choices.map((choice) => choice.fileCode).join(", ")} attendu)` });
      return z.NEVER;
    }
    return found.value;
  });
}

function buildRowSchema(today: string) {
  return z.object({
    reference_ligne: z
      .string()
      .min(1, "référence de ligne manquante")
      .max(40, "référence de ligne trop longue (40 caractères au plus)")
      .regex(/^[A-Za-z0-9_-]*$/, "référence de ligne invalide (lettres, chiffres, - et _ uniquement)"),
    nir_beneficiaire: z
      .string()
      .transform(normalizeNir)
      .superRefine((nir, context) => {
        if (nir === "") context.addIssue({ code: "custom", message: "NIR du bénéficiaire manquant" });
        else {
          const problem = describeNirProblem(nir);
          if (problem) context.addIssue({ code: "custom", message: `NIR du bénéficiaire invalide (${problem})` });
        }
      }),
    date_soins: calendarDate("date des soins", today),
    categorie: codeChoice(CARE_CATEGORIES, "catégorie inconnue"),
    libelle_acte: z.string().min(1, "libellé de l'acte manquant").max(200, "libellé de l'acte trop long (200 caractères au plus)"),
    code_acte: z.string().min(1, "code de l'acte manquant").max(20, "code de l'acte trop long (20 caractères au plus)"),
    rpps_professionnel: optional(
      z
        .string()
        .transform(normalizeRpps)
        .superRefine((rpps, context) => {
          const problem = describeRppsProblem(rpps);
          if (problem) context.addIssue({ code: "custom", message: `RPPS du professionnel invalide (${problem})` });
        }),
    ),
    nom_professionnel: optional(z.string().max(200, "nom du professionnel trop long (200 caractères au plus)")),
    etablissement: optional(z.string().max(200, "nom de l'établissement trop long (200 caractères au plus)")),
    montant_paye: amount("montant payé"),
    base_remboursement: amount("base de remboursement"),
    taux: z
      .string()
      .regex(/^\d{1,3}$/, { message: "taux invalide (pourcentage entier attendu, par exemple 70)", abort: true })
      .transform(Number)
      .refine((rate) => rate <= 100, "taux invalide (100 au plus)"),
    verse_amo: amount("montant versé par l'Assurance Maladie"),
    verse_amc: amount("montant versé par la complémentaire"),
    deductions: amount("déductions"),
    date_paiement: calendarDate("date de paiement", today),
    paye_a: codeChoice(PAYEES, "bénéficiaire du paiement inconnu"),
    secret_mineur: z
      .enum(["oui", "non", ""], { error: "secret du mineur invalide (oui, non ou vide attendu)" })
      .transform((value) => value === "oui"),
  });
}

type ParsedRow = z.output<ReturnType<typeof buildRowSchema>>;

/** Checks between columns, once each column is valid on its own: the amounts must add up to the cent. */
function findConsistencyProblems(row: ParsedRow): string[] {
  const problems: string[] = [];
  if (row.verse_amo + row.deductions !== shareOfBase(row.base_remboursement, row.taux)) {
    problems.push(
      `montants incohérents : versé AMO + déductions (${formatCentsPlain(row.verse_amo + row.deductions)}) ≠ base × taux (${formatCentsPlain(shareOfBase(row.base_remboursement, row.taux))})`,
    );
  }
  if (row.verse_amo + row.verse_amc > row.montant_paye) {
    problems.push("montants incohérents : les remboursements (AMO + AMC) dépassent le montant payé");
  }
  if (row.date_paiement < row.date_soins) problems.push("date de paiement antérieure à la date des soins");
  return problems;
}

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0]?.trim() === "";
}

/**
 * Reads and checks a feed file without touching the database: syntax, header, every column, the
 * cents arithmetic, and references repeated within the file. Whether each beneficiary is in the
 * register (and was a minor for a secret care) is for the caller, who reads the register.
 */
export function readStatementFile(csvText: string, options: { now?: Date } = {}): StatementFile {
  const parsed = parseCsv(csvText);
  if (parsed.status === "invalid") return { entries: [], errors: [{ line: parsed.line, reason: `fichier CSV illisible (${parsed.reason})` }] };
  const [header, ...records] = parsed.rows.filter((row) => !isBlank(row.fields));
  if (!header) return { entries: [], errors: [{ line: 1, reason: "fichier vide (en-tête attendu)" }] };
  if (header.fields.join(",") !== STATEMENT_COLUMNS.join(",")) {
    return { entries: [], errors: [{ line: header.line, reason: `en-tête incorrect : « ${STATEMENT_COLUMNS.join(",")} » attendu` }] };
  }

  const rowSchema = buildRowSchema(toParisCalendarDate(options.now ?? new Date()));
  const errors: StatementFileError[] = [];
  const entries: StatementEntry[] = [];
  const firstLineByReference = new Map<string, number>();
  for (const record of records) {
    if (record.fields.length !== STATEMENT_COLUMNS.length) {
      const count = record.fields.length;
      errors.push({ line: record.line, reason: `${STATEMENT_COLUMNS.length} colonnes attendues, ${count} trouvée${count > 1 ? "s" : ""}` });
      continue;
    }
    const raw = Object.fromEntries(STATEMENT_COLUMNS.map((column, index) => [column, (record.fields[index] ?? "").trim()])) as Record<
      StatementColumn,
      string
    >;
    const result = rowSchema.safeParse(raw);
    const reasons = result.success ? findConsistencyProblems(result.data) : result.error.issues.map((issue) => issue.message);
    const firstLine = firstLineByReference.get(raw.reference_ligne);
    if (raw.reference_ligne !== "") {
      if (firstLine === undefined) firstLineByReference.set(raw.reference_ligne, record.line);
      else reasons.push(`référence de ligne en double (déjà présente ligne ${firstLine})`);
    }
    if (!result.success || reasons.length > 0) {
      errors.push(...reasons.map((reason) => ({ line: record.line, reason })));
      continue;
    }
    const row = result.data;
    entries.push({
      line: record.line,
      lineReference: row.reference_ligne,
      beneficiaryNir: row.nir_beneficiaire,
      careDate: row.date_soins,
      category: row.categorie,
      actLabel: row.libelle_acte,
      actCode: row.code_acte,
      professionalRpps: row.rpps_professionnel,
      professionalName: row.nom_professionnel,
      establishmentName: row.etablissement,
      amountPaidCents: row.montant_paye,
      reimbursementBaseCents: row.base_remboursement,
      ratePercent: row.taux,
      insurerPaidCents: row.verse_amo,
      complementaryPaidCents: row.verse_amc,
      deductionsCents: row.deductions,
      paymentDate: row.date_paiement,
      payee: row.paye_a,
      isMinorSecret: row.secret_mineur,
    });
  }
  errors.sort((left, right) => left.line - right.line);
  return { entries, errors };
}

/** "ligne 7 : taux invalide (100 au plus)". */
export function formatStatementError(error: StatementFileError): string {
  return `ligne ${error.line} : ${error.reason}`;
}

/** Writes lines in the feed's format (header included): the seed's demo file and the tests use it. */
export function formatStatementCsv(entries: readonly Omit<StatementEntry, "line">[]): string {
  const codeOf = <Value extends string>(choices: readonly { value: Value; fileCode: string }[], value: Value) =>
    choices.find((choice) => choice.value === value)?.fileCode ?? value;
  const records = entries.map((entry) => {
    const cells: Record<StatementColumn, string> = {
      reference_ligne: entry.lineReference,
      nir_beneficiaire: entry.beneficiaryNir,
      date_soins: entry.careDate,
      categorie: codeOf(CARE_CATEGORIES, entry.category),
      libelle_acte: entry.actLabel,
      code_acte: entry.actCode,
      rpps_professionnel: entry.professionalRpps ?? "",
      nom_professionnel: entry.professionalName ?? "",
      etablissement: entry.establishmentName ?? "",
      montant_paye: formatCentsPlain(entry.amountPaidCents, "."),
      base_remboursement: formatCentsPlain(entry.reimbursementBaseCents, "."),
      taux: String(entry.ratePercent),
      verse_amo: formatCentsPlain(entry.insurerPaidCents, "."),
      verse_amc: formatCentsPlain(entry.complementaryPaidCents, "."),
      deductions: formatCentsPlain(entry.deductionsCents, "."),
      date_paiement: entry.paymentDate,
      paye_a: codeOf(PAYEES, entry.payee),
      secret_mineur: entry.isMinorSecret ? "oui" : "non",
    };
    return STATEMENT_COLUMNS.map((column) => cells[column]);
  });
  return formatCsv([[...STATEMENT_COLUMNS], ...records]);
}
