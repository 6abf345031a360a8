import { z } from "zod";
import { parseFrenchDate } from "@/lib/validation";
import { toParisCalendarDate } from "@/lib/format";
import { formatCsv, parseCsv } from "./csv";
import { describeNirProblem, normalizeNir } from "./nir";

/** The insurer's export format: this header, in this order, on the first line. */
export const REGISTER_COLUMNS = [
  "nir",
  "nom_naissance",
  "nom_usage",
  "prenoms",
  "sexe",
  "date_naissance",
  "lieu_naissance",
  "email",
  "mobile",
  "adresse",
  "numero_serie_vitale",
  "nir_ouvrant_droit",
] as const;

export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** One person as the file describes them, in the shape of `insured_persons`. */
export type RegisterPerson = {
  nir: string;
  birthName: string;
  usageName: string | null;
  firstNames: string;
  sex: "F" | "M";
  /** YYYY-MM-DD. */
  birthDate: string;
  birthPlaceCode: string;
  email: string | null;
  mobile: string | null;
  postalAddress: string | null;
  /** Null for a child on a parent's card: allowed only with at least one guardian NIR. */
  vitaleSerial: string | null;
  /** The child's insured parents (ouvrants droit): none for an adult, one, or two. */
  guardianNirs: string[];
};

export type RegisterEntry = { line: number; person: RegisterPerson };

export type RegisterFileError = { line: number; reason: string };

export type RegisterFile = {
  /** The rows that passed every check that needs no database. */
  entries: RegisterEntry[];
  errors: RegisterFileError[];
  /** Parents (ouvrants droit) named on a line but absent from the file: the register must hold them. */
  parentsOutsideFile: { line: number; guardianNir: string }[];
};

const EARLIEST_BIRTH_DATE = "1900-01-01";

/** A real calendar day written YYYY-MM-DD. */
function isExistingDate(value: string): boolean {
  return parseFrenchDate(value) === value;
}

function nirField(label: string) {
  return z
    .string()
    .transform(normalizeNir)
    .superRefine((nir, context) => {
      if (nir === "") {
        context.addIssue({ code: "custom", message: `${label} manquant` });
        return;
      }
      const problem = describeNirProblem(nir);
      if (problem) context.addIssue({ code: "custom", message: `${label} invalide (${problem})` });
    });
}

/** A child may be attached to both parents: `nir_ouvrant_droit` then holds two NIRs separated by « ; ». */
const GUARDIAN_SEPARATOR = ";";
const MAX_GUARDIANS = 2;

function splitGuardianNirs(cell: string): string[] {
  return cell
    .split(GUARDIAN_SEPARATOR)
    .map((part) => normalizeNir(part))
    .filter((nir) => nir !== "");
}

const guardianNirsField = z
  .string()
  .transform(splitGuardianNirs)
  .superRefine((nirs, context) => {
    if (nirs.length > MAX_GUARDIANS) {
      context.addIssue({ code: "custom", message: `${MAX_GUARDIANS} NIR d'ouvrant droit au plus, séparés par « ${GUARDIAN_SEPARATOR} »` });
    }
    if (new Set(nirs).size < nirs.length) context.addIssue({ code: "custom", message: "NIR de l'ouvrant droit en double" });
    for (const nir of nirs) {
      const problem = describeNirProblem(nir);
      if (problem) context.addIssue({ code: "custom", message: `NIR de l'ouvrant droit invalide (${problem})` });
    }
  });

/** Empty cells of optional columns become null. */
function optional<Output>(schema: z.ZodType<Output, string>) {
  return z.preprocess((value) => (value === "" ? null : value), schema.nullable());
}

function buildRowSchema(today: string) {
  return z.object({
    nir: nirField("NIR"),
    nom_naissance: z.string().min(1, "nom de naissance manquant").max(100, "nom de naissance trop long (100 caractères au plus)"),
    nom_usage: optional(z.string().max(100, "nom d'usage trop long (100 caractères au plus)")),
    prenoms: z.string().min(1, "prénoms manquants").max(200, "prénoms trop longs (200 caractères au plus)"),
    sexe: z.enum(["F", "M"], { error: "sexe invalide (F ou M attendu)" }),
    date_naissance: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date de naissance invalide (format AAAA-MM-JJ attendu)", abort: true })
      .refine((value) => value >= EARLIEST_BIRTH_DATE, { message: "date de naissance antérieure à 1900", abort: true })
      .refine(isExistingDate, { message: "date de naissance inexistante", abort: true })
      .refine((value) => value <= today, "date de naissance dans le futur"),
    lieu_naissance: z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(
        z
          .string()
          .regex(
            /^(?:\d{5}|2[AB]\d{3})$/,
            "lieu de naissance invalide (code INSEE à 5 caractères attendu, par exemple 75056, 2A004 ou 99350 pour le Maroc)",
          ),
      ),
    email: optional(
      z
        .string()
        .toLowerCase()
        .pipe(z.email({ error: "e-mail invalide" }).max(254, "e-mail trop long (254 caractères au plus)")),
    ),
    mobile: optional(
      z.string().regex(/^\+[1-9]\d{7,14}$/, "mobile invalide (format international attendu, par exemple +33612345678)"),
    ),
    adresse: optional(
      z
        .string()
        .transform((value) => value.replace(/\r\n?/g, "\n"))
        .pipe(z.string().max(500, "adresse trop longue (500 caractères au plus)")),
    ),
    numero_serie_vitale: optional(
      z.string().regex(/^\d{8,13}$/, "numéro de série de la carte Vitale invalide (8 à 13 chiffres attendus)"),
    ),
    nir_ouvrant_droit: guardianNirsField,
  });
}

type RawRow = Record<RegisterColumn, string>;

/**
 * Checks between columns: the NIR carries the sex (1 man, 2 woman) and the year and month of
 * birth (a month of 20 or more means unknown). Each check runs only when its columns are valid
 * on their own, so a line gets every reason that applies and none that follows from another.
 */
function findConsistencyProblems(row: RawRow, today: string): string[] {
  const nir = normalizeNir(row.nir);
  if (describeNirProblem(nir) !== null) return [];
  const problems: string[] = [];
  const expectedSex = nir[0] === "1" ? "M" : "F";
  if ((row.sexe === "F" || row.sexe === "M") && row.sexe !== expectedSex) {
    problems.push(`sexe incohérent avec le NIR (${expectedSex} attendu pour un NIR commençant par ${nir[0]})`);
  }
  const birthDate = row.date_naissance;
  const isBirthDateValid =
    /^\d{4}-\d{2}-\d{2}$/.test(birthDate) &&
    birthDate >= EARLIEST_BIRTH_DATE &&
    isExistingDate(birthDate) &&
    birthDate <= today;
  if (isBirthDateValid) {
    const nirYear = nir.slice(1, 3);
    const nirMonth = nir.slice(3, 5);
    const isMonthKnown = Number(nirMonth) <= 12;
    if (birthDate.slice(2, 4) !== nirYear || (isMonthKnown && birthDate.slice(5, 7) !== nirMonth)) {
      problems.push(
        isMonthKnown
          ? `date de naissance incohérente avec le NIR (naissance en ${nirMonth}/${nirYear} selon le NIR)`
          : `date de naissance incohérente avec le NIR (naissance en ${nirYear} selon le NIR)`,
      );
    }
  }
  if (row.nir_ouvrant_droit !== "" && normalizeNir(row.nir_ouvrant_droit) === nir) {
    problems.push("NIR de l'ouvrant droit identique au NIR de la personne");
  }
  return problems;
}

/** A child may be on a parent's card and have none of their own; anyone else has one. */
function findMissingCard(row: RawRow): string[] {
  return row.numero_serie_vitale === "" && row.nir_ouvrant_droit === "" ? [MISSING_CARD] : [];
}

const MISSING_CARD = "numéro de série de la carte Vitale manquant (seul un enfant rattaché à un ouvrant droit peut ne pas en avoir)";

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0]?.trim() === "";
}

/**
 * Reads and checks a register file without touching the database: syntax, header, every
 * column, consistency, duplicates, and parents (ouvrants droit) found in the same file. A parent
 * that is not in the file is left for the caller to look up in the register.
 */
export function readRegisterFile(csvText: string, options: { now?: Date } = {}): RegisterFile {
  const parsed = parseCsv(csvText);
  if (parsed.status === "invalid") {
    return rejectWhole({ line: parsed.line, reason: `fichier CSV illisible (${parsed.reason})` });
  }
  const [header, ...records] = parsed.rows.filter((row) => !isBlank(row.fields));
  if (!header) return rejectWhole({ line: 1, reason: "fichier vide (en-tête attendu)" });
  if (header.fields.join(",") !== REGISTER_COLUMNS.join(",")) {
    return rejectWhole({ line: header.line, reason: `en-tête incorrect : « ${REGISTER_COLUMNS.join(",")} » attendu` });
  }

  const today = toParisCalendarDate(options.now ?? new Date());
  const rowSchema = buildRowSchema(today);
  const errors: RegisterFileError[] = [];
  const entries: RegisterEntry[] = [];
  const parentsOutsideFile: RegisterFile["parentsOutsideFile"] = [];
  const firstLineByNir = new Map<string, number>();

  const rows: { line: number; raw: RawRow }[] = [];
  for (const record of records) {
    if (record.fields.length === REGISTER_COLUMNS.length) {
      const raw = Object.fromEntries(
        REGISTER_COLUMNS.map((column, index) => [column, (record.fields[index] ?? "").trim()]),
      ) as RawRow;
      rows.push({ line: record.line, raw });
    } else {
      const count = record.fields.length;
      errors.push({ line: record.line, reason: `${REGISTER_COLUMNS.length} colonnes attendues, ${count} trouvée${count > 1 ? "s" : ""}` });
    }
  }
  const nirsInFile = new Set(rows.map(({ raw }) => normalizeNir(raw.nir)));

  for (const { line, raw } of rows) {
    const result = rowSchema.safeParse(raw);
    const reasons = [
      ...(result.success ? [] : result.error.issues.map((issue) => issue.message)),
      ...findMissingCard(raw),
      ...findConsistencyProblems(raw, today),
    ];

    const nir = normalizeNir(raw.nir);
    if (describeNirProblem(nir) === null) {
      const firstLine = firstLineByNir.get(nir);
      if (firstLine === undefined) firstLineByNir.set(nir, line);
      else reasons.push(`NIR en double (déjà présent ligne ${firstLine})`);
    }
    for (const guardianNir of splitGuardianNirs(raw.nir_ouvrant_droit)) {
      if (describeNirProblem(guardianNir) === null && !nirsInFile.has(guardianNir)) parentsOutsideFile.push({ line, guardianNir });
    }

    if (!result.success || reasons.length > 0) {
      errors.push(...reasons.map((reason) => ({ line, reason })));
      continue;
    }
    const row = result.data;
    entries.push({
      line,
      person: {
        nir: row.nir,
        birthName: row.nom_naissance,
        usageName: row.nom_usage,
        firstNames: row.prenoms.replace(/\s+/g, " "),
        sex: row.sexe,
        birthDate: row.date_naissance,
        birthPlaceCode: row.lieu_naissance,
        email: row.email,
        mobile: row.mobile,
        postalAddress: row.adresse,
        vitaleSerial: row.numero_serie_vitale,
        guardianNirs: row.nir_ouvrant_droit,
      },
    });
  }

  errors.sort((left, right) => left.line - right.line);
  return { entries, errors, parentsOutsideFile };
}

function rejectWhole(error: RegisterFileError): RegisterFile {
  return { entries: [], errors: [error], parentsOutsideFile: [] };
}

/** "ligne 7 : NIR invalide (clé de contrôle incorrecte)". */
export function formatRegisterError(error: RegisterFileError): string {
  return `ligne ${error.line} : ${error.reason}`;
}

/** Writes people in the insurer's format (header included); empty optional values stay empty. */
export function formatRegisterCsv(people: readonly RegisterPerson[]): string {
  const records = people.map((person) => {
    const cells: Record<RegisterColumn, string> = {
      nir: person.nir,
      nom_naissance: person.birthName,
      nom_usage: person.usageName ?? "",
      prenoms: person.firstNames,
      sexe: person.sex,
      date_naissance: person.birthDate,
      lieu_naissance: person.birthPlaceCode,
      email: person.email ?? "",
      mobile: person.mobile ?? "",
      adresse: person.postalAddress ?? "",
      numero_serie_vitale: person.vitaleSerial ?? "",
      nir_ouvrant_droit: person.guardianNirs.join(GUARDIAN_SEPARATOR),
    };
    return REGISTER_COLUMNS.map((column) => cells[column]);
  });
  return formatCsv([REGISTER_COLUMNS, ...records]);
}

/** "3 personnes créées, 1 mise à jour". */
export function formatImportSummary({ created, updated }: { created: number; updated: number }): string {
  const createdText = created > 1 ? `${created} personnes créées` : `${created} personne créée`;
  const updatedText = updated > 1 ? `${updated} mises à jour` : `${updated} mise à jour`;
  return `${createdText}, ${updatedText}`;
}
