import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, professionals } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password-hash";
import { DEMO_PROFESSIONALS, DEMO_PROFESSIONAL_PASSWORD } from "./demo-directory";
import { formatDirectoryCsv } from "./directory-file";
import { type DirectoryImportResult, importDirectory } from "./import";

/**
 * The demo directory, through the same import as a real file, then a /pro login for each demo
 * professional (identifier, the demo password, login codes to the directory's e-mail and mobile).
 * Idempotent: an account already there is left as it is.
 */
export async function seedDemoProfessionals(): Promise<DirectoryImportResult> {
  const result = await importDirectory(formatDirectoryCsv(DEMO_PROFESSIONALS));
  if (result.status === "rejected") return result;
  const passwordHash = await hashPassword(DEMO_PROFESSIONAL_PASSWORD);
  await getDb().transaction(async (tx) => {
    const rows = await tx
      .select({ id: professionals.id, rpps: professionals.rpps, email: professionals.email, mobile: professionals.mobile })
      .from(professionals)
      .where(inArray(professionals.rpps, DEMO_PROFESSIONALS.map((demo) => demo.rpps)));
    for (const row of rows) {
      const demo = DEMO_PROFESSIONALS.find((candidate) => candidate.rpps === row.rpps);
      if (!demo) continue;
      const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.professionalId, row.id)).limit(1);
      if (existing) continue;
      await tx
        .insert(accounts)
        .values({ kind: "professional", professionalId: row.id, identifier: demo.identifier, passwordHash, email: row.email, mobile: row.mobile })
        .onConflictDoNothing();
    }
  });
  return result;
}
