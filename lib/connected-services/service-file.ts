import { z } from "zod";
import { formatCsv, parseCsv } from "@/lib/register/csv";
import { parseFrenchDate } from "@/lib/validation";
import { type Purpose, isPurpose, isServiceCategory, isServiceThematic, sortPurposes } from "./purposes";

/** The catalogue's import format (`npm run services:import`): this header, in this order (README). Lists are separated by "|". */
export const SERVICE_COLUMNS = [
  "code",
  "nom",
  "editeur",
  "description",
  "categorie",
  "regions",
  "thematiques",
  "tarif",
  "statut",
  "finalites",
  "uris_de_retour",
  "date_limite_reapprobation",
] as const;

type ServiceColumn = (typeof SERVICE_COLUMNS)[number];

export type ServiceEntry = {
  code: string;
  name: string;
  publisher: string;
  description: string;
  category: string;
  regions: string[];
  thematics: string[];
  pricing: "free" | "paid";
  status: "online" | "suspended" | "delisted";
  requestedPurposes: Purpose[];
  redirectUris: string[];
  /** "AAAA-MM-JJ": until when connections may keep the previous purposes, if these change; null: 30 days. */
  reapprovalDate: string | null;
};

export type ServiceFileError = { line: number; reason: string };

const STATUS_OF = { "en ligne": "online", suspendu: "suspended", "déréférencé": "delisted" } as const;

const list = (value: string) =>
  value
    .split("|")
    .map((item) => item.trim())
    .filter(Boolean);

const rowSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]{1,64}$/, "code invalide (lettres minuscules, chiffres et tirets, 64 au plus)"),
  nom: z.string().min(1, "nom manquant").max(100, "nom trop long (100 caractères au plus)"),
  editeur: z.string().min(1, "éditeur manquant").max(100, "éditeur trop long (100 caractères au plus)"),
  description: z.string().min(1, "description manquante").max(1000, "description trop longue (1 000 caractères au plus)"),
  categorie: z.string().refine(isServiceCategory, "catégorie inconnue"),
  regions: z
    .string()
    .transform(list)
    .refine((codes) => codes.every((code) => /^\d{2}$/.test(code)), "région invalide (code INSEE à 2 chiffres, par exemple 84)"),
  thematiques: z.string().transform(list).refine((codes) => codes.every(isServiceThematic), "thématique inconnue"),
  tarif: z.enum(["gratuit", "payant"], { error: "tarif invalide (« gratuit » ou « payant » attendu)" }).transform((value) => (value === "gratuit" ? "free" : "paid") as "free" | "paid"),
  statut: z
    .enum(["en ligne", "suspendu", "déréférencé"], { error: "statut invalide (« en ligne », « suspendu » ou « déréférencé » attendu)" })
    .transform((value) => STATUS_OF[value]),
  finalites: z
    .string()
    .transform(list)
    .refine((codes) => codes.length > 0, "au moins une finalité attendue")
    .refine((codes) => codes.every(isPurpose), "finalité inconnue (par exemple measurements:read, documents:write)"),
  uris_de_retour: z
    .string()
    .transform(list)
    .refine((uris) => uris.length > 0, "au moins une adresse de retour attendue")
    .refine((uris) => uris.every((uri) => z.url({ protocol: /^https?$/ }).safeParse(uri).success), "adresse de retour invalide (URL http ou https attendue)"),
  date_limite_reapprobation: z
    .string()
    .refine((value) => value === "" || parseFrenchDate(value) !== null, "date limite invalide (JJ/MM/AAAA attendu)")
    .transform((value) => (value === "" ? null : parseFrenchDate(value))),
});

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0]?.trim() === "";
}

/** Reads and checks a catalogue file without touching the database; every bad line gets every reason that applies. */
export function readServiceFile(csvText: string): { entries: ServiceEntry[]; errors: ServiceFileError[] } {
  const parsed = parseCsv(csvText);
  if (parsed.status === "invalid") return { entries: [], errors: [{ line: parsed.line, reason: `fichier CSV illisible (${parsed.reason})` }] };
  const [header, ...records] = parsed.rows.filter((row) => !isBlank(row.fields));
  if (!header) return { entries: [], errors: [{ line: 1, reason: "fichier vide (en-tête attendu)" }] };
  if (header.fields.join(",") !== SERVICE_COLUMNS.join(",")) {
    return { entries: [], errors: [{ line: header.line, reason: `en-tête incorrect : « ${SERVICE_COLUMNS.join(",")} » attendu` }] };
  }
  const errors: ServiceFileError[] = [];
  const entries: ServiceEntry[] = [];
  const firstLineByCode = new Map<string, number>();
  for (const record of records) {
    const count = record.fields.length;
    if (count !== SERVICE_COLUMNS.length) {
      errors.push({ line: record.line, reason: `${SERVICE_COLUMNS.length} colonnes attendues, ${count} trouvée${count > 1 ? "s" : ""}` });
      continue;
    }
    const raw = Object.fromEntries(SERVICE_COLUMNS.map((column, index) => [column, (record.fields[index] ?? "").trim()])) as Record<ServiceColumn, string>;
    const result = rowSchema.safeParse(raw);
    const reasons = result.success ? [] : result.error.issues.map((issue) => issue.message);
    const firstLine = firstLineByCode.get(raw.code);
    if (firstLine === undefined) firstLineByCode.set(raw.code, record.line);
    else reasons.push(`code en double (déjà présent ligne ${firstLine})`);
    if (!result.success || reasons.length > 0) {
      errors.push(...reasons.map((reason) => ({ line: record.line, reason })));
      continue;
    }
    const row = result.data;
    entries.push({
      code: row.code,
      name: row.nom,
      publisher: row.editeur,
      description: row.description,
      category: row.categorie,
      regions: row.regions,
      thematics: row.thematiques,
      pricing: row.tarif,
      status: row.statut,
      requestedPurposes: sortPurposes(row.finalites),
      redirectUris: row.uris_de_retour,
      reapprovalDate: row.date_limite_reapprobation,
    });
  }
  errors.sort((left, right) => left.line - right.line);
  return { entries, errors };
}

const STATUS_LABEL = { online: "en ligne", suspended: "suspendu", delisted: "déréférencé" } as const;

/** Writes services in the import format, as the seed feeds its demo catalogue to the import. */
export function formatServiceCsv(entries: readonly ServiceEntry[]): string {
  return formatCsv([
    SERVICE_COLUMNS,
    ...entries.map((entry) => [
      entry.code,
      entry.name,
      entry.publisher,
      entry.description,
      entry.category,
      entry.regions.join("|"),
      entry.thematics.join("|"),
      entry.pricing === "free" ? "gratuit" : "payant",
      STATUS_LABEL[entry.status],
      entry.requestedPurposes.join("|"),
      entry.redirectUris.join("|"),
      entry.reapprovalDate ? entry.reapprovalDate.split("-").reverse().join("/") : "",
    ]),
  ]);
}
