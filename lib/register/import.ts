import "server-only";
import { eq, inArray } from "drizzle-orm";
import { type Transaction, getDb } from "@/db/client";
import { type InsuredPerson, guardianships, insuredPersons, spaces } from "@/db/schema";
import { type RegisterFileError, type RegisterPerson, readRegisterFile } from "./register-file";

export type ImportResult =
  | { status: "imported"; created: number; updated: number }
  | { status: "rejected"; errors: RegisterFileError[] };

/** Keeps every statement well under PostgreSQL's 65,535 bind parameters. */
const CHUNK_SIZE = 500;

function chunk<Item>(items: readonly Item[]): Item[][] {
  const chunks: Item[][] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) chunks.push(items.slice(start, start + CHUNK_SIZE));
  return chunks;
}

/** The persons already registered under these NIRs, locked until the import commits. */
async function lockPersonsByNir(tx: Transaction, nirs: readonly string[]): Promise<Map<string, InsuredPerson>> {
  const found = new Map<string, InsuredPerson>();
  for (const part of chunk([...new Set(nirs)])) {
    const rows = await tx.select().from(insuredPersons).where(inArray(insuredPersons.nir, part)).for("update");
    for (const row of rows) found.set(row.nir, row);
  }
  return found;
}

/**
 * The insurer is the source of contact details and of the Vitale card: a new file replaces them,
 * empty meaning none (a child on a parent's card who gets one of their own shows it here).
 */
const UPDATED_FIELDS = ["email", "mobile", "postalAddress", "usageName", "vitaleSerial"] as const;

function hasNewDetails(registered: InsuredPerson, fromFile: RegisterPerson): boolean {
  return UPDATED_FIELDS.some((field) => registered[field] !== fromFile[field]);
}

/**
 * The file's "ouvrants droit" of each child (one or two) become guardianships, once: importing the same
 * file again adds nothing. The guardian's person is linked when the register holds that NIR.
 */
async function recordGuardianships(tx: Transaction, people: readonly RegisterPerson[], idsByNir: ReadonlyMap<string, string>) {
  const rows = people.flatMap((person) => {
    const childPersonId = idsByNir.get(person.nir);
    if (!childPersonId) return [];
    return person.guardianNirs.map((guardianNir) => ({
      childPersonId,
      guardianNir,
      guardianPersonId: idsByNir.get(guardianNir) ?? null,
      source: "register" as const,
    }));
  });
  for (const part of chunk(rows)) await tx.insert(guardianships).values(part).onConflictDoNothing();
}

/**
 * Loads an export of the insurer's register. A file with a single bad line is refused whole, with
 * every bad line's number and reason, and nothing is written. Otherwise, in one transaction, new
 * persons are added (with their space, pending until notified) and persons already present (same
 * NIR) get the file's contact details and usage name; nobody is duplicated.
 */
export async function importRegister(csvText: string, options: { now?: Date } = {}): Promise<ImportResult> {
  const file = readRegisterFile(csvText, options);
  return getDb().transaction(async (tx) => {
    const errors = [...file.errors];
    const knownParents = await lockPersonsByNir(tx, file.parentsOutsideFile.map(({ guardianNir }) => guardianNir));
    for (const { line, guardianNir } of file.parentsOutsideFile) {
      if (!knownParents.has(guardianNir)) {
        errors.push({ line, reason: `ouvrant droit inconnu (NIR ${guardianNir} absent du fichier et du registre)` });
      }
    }
    if (errors.length > 0) {
      return { status: "rejected", errors: errors.sort((left, right) => left.line - right.line) };
    }

    const people = file.entries.map((entry) => entry.person);
    const existing = await lockPersonsByNir(tx, people.map((person) => person.nir));
    const newPeople = people.filter((person) => !existing.has(person.nir));
    // Every NIR the guardianships may name: people of the file, new or not, and parents outside it.
    const idsByNir = new Map([...knownParents, ...existing].map(([nir, person]) => [nir, person.id]));
    for (const part of chunk(newPeople)) {
      const created = await tx
        .insert(insuredPersons)
        .values(part.map(({ guardianNirs: _guardianNirs, ...person }) => person))
        .returning({ id: insuredPersons.id, nir: insuredPersons.nir });
      await tx.insert(spaces).values(created.map(({ id }) => ({ personId: id, status: "pending" as const })));
      for (const { id, nir } of created) idsByNir.set(nir, id);
    }
    await recordGuardianships(tx, people, idsByNir);

    let updated = 0;
    for (const fromFile of people) {
      const registered = existing.get(fromFile.nir);
      if (!registered || !hasNewDetails(registered, fromFile)) continue;
      await tx
        .update(insuredPersons)
        .set({
          email: fromFile.email,
          mobile: fromFile.mobile,
          postalAddress: fromFile.postalAddress,
          usageName: fromFile.usageName,
          vitaleSerial: fromFile.vitaleSerial,
        })
        .where(eq(insuredPersons.id, registered.id));
      updated += 1;
    }
    return { status: "imported", created: newPeople.length, updated };
  });
}
