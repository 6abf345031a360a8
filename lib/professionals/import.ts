import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { professionals } from "@/db/schema";
import { type DirectoryFileError, readDirectoryFile } from "./directory-file";

export type DirectoryImportResult =
  | { status: "imported"; created: number; updated: number }
  | { status: "rejected"; errors: DirectoryFileError[] };

/**
 * Loads the directory of professionals (`npm run professionals:import`), with the register
 * import's rules: a file with a single bad line is refused whole, with every bad line's number and
 * reason, and nothing is written; otherwise, in one transaction, new RPPS numbers are added and
 * known ones get the file's names, profession and details. Like the register import it records no
 * activity event: the directory is reference data, and no patient's history is concerned.
 */
export async function importDirectory(csvText: string): Promise<DirectoryImportResult> {
  const file = readDirectoryFile(csvText);
  if (file.errors.length > 0) return { status: "rejected", errors: file.errors };
  const rows = file.entries.map((entry) => entry.professional);
  if (rows.length === 0) return { status: "imported", created: 0, updated: 0 };
  return getDb().transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    // 500 rows of 10 values: well under PostgreSQL's 65,535 bind parameters.
    for (let start = 0; start < rows.length; start += 500) {
      const part = rows.slice(start, start + 500);
      const known = await tx
        .select({ rpps: professionals.rpps })
        .from(professionals)
        .where(inArray(professionals.rpps, part.map((row) => row.rpps)))
        .for("update");
      const knownRpps = new Set(known.map((row) => row.rpps));
      const changed = await tx
        .insert(professionals)
        .values(part)
        .onConflictDoUpdate({
          target: professionals.rpps,
          set: {
            lastName: sql`excluded.last_name`,
            firstName: sql`excluded.first_name`,
            professionCode: sql`excluded.profession_code`,
            specialty: sql`excluded.specialty`,
            structureName: sql`excluded.structure_name`,
            city: sql`excluded.city`,
            email: sql`excluded.email`,
            mobile: sql`excluded.mobile`,
            isEmergencyMedicalService: sql`excluded.is_emergency_medical_service`,
            updatedAt: sql`now()`,
          },
          // A line identical to what is stored changes nothing and is not counted.
          setWhere: sql`(${professionals.lastName}, ${professionals.firstName}, ${professionals.professionCode}, ${professionals.specialty},
            ${professionals.structureName}, ${professionals.city}, ${professionals.email}, ${professionals.mobile},
            ${professionals.isEmergencyMedicalService}) is distinct from (excluded.last_name, excluded.first_name,
            excluded.profession_code, excluded.specialty, excluded.structure_name, excluded.city, excluded.email,
            excluded.mobile, excluded.is_emergency_medical_service)`,
        })
        .returning({ rpps: professionals.rpps });
      for (const row of changed) {
        if (knownRpps.has(row.rpps)) updated += 1;
        else created += 1;
      }
    }
    return { status: "imported", created, updated };
  });
}

/** "3 professionnels ajoutés, 1 mis à jour". */
export function formatDirectoryImportSummary({ created, updated }: { created: number; updated: number }): string {
  return `${created} professionnel${created > 1 ? "s" : ""} ajouté${created > 1 ? "s" : ""}, ${updated} mis à jour`;
}
