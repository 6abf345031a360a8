import { z } from "zod";
import { formatCsv, parseCsv } from "@/lib/register/csv";
import { isProfessionCode } from "./professions";
import { describeRppsProblem, normalizeRpps } from "./rpps";

/** The directory's import format: this header, in this order, on the first line (README). */
export const DIRECTORY_COLUMNS = [
  "rpps",
  "nom",
  "prenom",
  "code_profession",
  "specialite",
  "structure",
  "ville",
  "email",
  "mobile",
  "samu",
] as const;

type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

/** One professional as the file describes them, in the shape of `professionals`. */
export type DirectoryProfessional = {
  rpps: string;
  lastName: string;
  firstName: string;
  professionCode: string;
  specialty: string | null;
  structureName: string | null;
  city: string | null;
  email: string | null;
  mobile: string | null;
  isEmergencyMedicalService: boolean;
};

export type DirectoryFileError = { line: number; reason: string };

export type DirectoryFile = { entries: { line: number; professional: DirectoryProfessional }[]; errors: DirectoryFileError[] };

function optional<Output>(schema: z.ZodType<Output, string>) {
  return z.preprocess((value) => (value === "" ? null : value), schema.nullable());
}

const rowSchema = z.object({
  rpps: z
    .string()
    .transform(normalizeRpps)
    .superRefine((rpps, context) => {
      if (rpps === "") return void context.addIssue({ code: "custom", message: "numéro RPPS manquant" });
      const problem = describeRppsProblem(rpps);
      if (problem) context.addIssue({ code: "custom", message: `numéro RPPS invalide (${problem})` });
    }),
  nom: z.string().min(1, "nom manquant").max(100, "nom trop long (100 caractères au plus)"),
  prenom: z.string().min(1, "prénom manquant").max(100, "prénom trop long (100 caractères au plus)"),
  code_profession: z.string().refine(isProfessionCode, "code profession inconnu (nomenclature des professions de santé, par exemple 10 médecin, 21 pharmacien)"),
  specialite: optional(z.string().max(200, "spécialité trop longue (200 caractères au plus)")),
  structure: optional(z.string().max(200, "structure trop longue (200 caractères au plus)")),
  ville: optional(z.string().max(100, "ville trop longue (100 caractères au plus)")),
  email: optional(
    z
      .string()
      .toLowerCase()
      .pipe(z.email({ error: "e-mail invalide" }).max(254, "e-mail trop long (254 caractères au plus)")),
  ),
  mobile: optional(z.string().regex(/^\+[1-9]\d{7,14}$/, "mobile invalide (format international attendu, par exemple +33612345678)")),
  samu: z.enum(["", "oui", "non"], { error: "samu invalide (« oui », « non » ou vide attendu)" }).transform((value) => value === "oui"),
});

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0]?.trim() === "";
}

/**
 * Reads and checks a directory file without touching the database: syntax, header, every column,
 * duplicate RPPS numbers. Every bad line gets every reason that applies.
 */
export function readDirectoryFile(csvText: string): DirectoryFile {
  const parsed = parseCsv(csvText);
  if (parsed.status === "invalid") return { entries: [], errors: [{ line: parsed.line, reason: `fichier CSV illisible (${parsed.reason})` }] };
  const [header, ...records] = parsed.rows.filter((row) => !isBlank(row.fields));
  if (!header) return { entries: [], errors: [{ line: 1, reason: "fichier vide (en-tête attendu)" }] };
  if (header.fields.join(",") !== DIRECTORY_COLUMNS.join(",")) {
    return { entries: [], errors: [{ line: header.line, reason: `en-tête incorrect : « ${DIRECTORY_COLUMNS.join(",")} » attendu` }] };
  }
  const errors: DirectoryFileError[] = [];
  const entries: DirectoryFile["entries"] = [];
  const firstLineByRpps = new Map<string, number>();
  for (const record of records) {
    const count = record.fields.length;
    if (count !== DIRECTORY_COLUMNS.length) {
      errors.push({ line: record.line, reason: `${DIRECTORY_COLUMNS.length} colonnes attendues, ${count} trouvée${count > 1 ? "s" : ""}` });
      continue;
    }
    const raw = Object.fromEntries(DIRECTORY_COLUMNS.map((column, index) => [column, (record.fields[index] ?? "").trim()])) as Record<
      DirectoryColumn,
      string
    >;
    const result = rowSchema.safeParse(raw);
    const reasons = result.success ? [] : result.error.issues.map((issue) => issue.message);
    const rpps = normalizeRpps(raw.rpps);
    if (describeRppsProblem(rpps) === null) {
      const firstLine = firstLineByRpps.get(rpps);
      if (firstLine === undefined) firstLineByRpps.set(rpps, record.line);
      else reasons.push(`numéro RPPS en double (déjà présent ligne ${firstLine})`);
    }
    if (!result.success || reasons.length > 0) {
      errors.push(...reasons.map((reason) => ({ line: record.line, reason })));
      continue;
    }
    const row = result.data;
    entries.push({
      line: record.line,
      professional: {
        rpps: row.rpps,
        lastName: row.nom,
        firstName: row.prenom,
        professionCode: row.code_profession,
        specialty: row.specialite,
        structureName: row.structure,
        city: row.ville,
        email: row.email,
        mobile: row.mobile,
        isEmergencyMedicalService: row.samu,
      },
    });
  }
  errors.sort((left, right) => left.line - right.line);
  return { entries, errors };
}

/** Writes professionals in the import format (header included), as the seed feeds its demo directory to the import. */
export function formatDirectoryCsv(rows: readonly DirectoryProfessional[]): string {
  return formatCsv([
    DIRECTORY_COLUMNS,
    ...rows.map((row) => [
      row.rpps,
      row.lastName,
      row.firstName,
      row.professionCode,
      row.specialty ?? "",
      row.structureName ?? "",
      row.city ?? "",
      row.email ?? "",
      row.mobile ?? "",
      row.isEmergencyMedicalService ? "oui" : "non",
    ]),
  ]);
}
