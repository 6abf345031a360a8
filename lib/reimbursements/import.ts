import "server-only";
import { inArray } from "drizzle-orm";
import { type Transaction, getDb } from "@/db/client";
import { careEvents, insuredPersons, statementLines } from "@/db/schema";
import { SYSTEM_ACTOR, recordActivity } from "@/lib/activity/record";
import { type StatementEntry, type StatementFileError, readStatementFile } from "./statement-file";

export type StatementImportResult =
  | { status: "imported"; added: number; alreadyPresent: number }
  | { status: "rejected"; errors: StatementFileError[] };

/** Keeps every statement well under PostgreSQL's 65,535 bind parameters. */
const CHUNK_SIZE = 500;

function chunk<Item>(items: readonly Item[]): Item[][] {
  const chunks: Item[][] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) chunks.push(items.slice(start, start + CHUNK_SIZE));
  return chunks;
}

/** The day a person born on `birthDate` turns 18, "YYYY-MM-DD" (a 29 February birthday counts from 1 March). */
export function eighteenthBirthday(birthDate: string): string {
  const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year + 18, month - 1, day));
  return date.toISOString().slice(0, 10);
}

async function findBeneficiaries(tx: Transaction, nirs: readonly string[]) {
  const found = new Map<string, { id: string; birthDate: string }>();
  for (const part of chunk([...new Set(nirs)])) {
    const rows = await tx.select({ id: insuredPersons.id, nir: insuredPersons.nir, birthDate: insuredPersons.birthDate }).from(insuredPersons).where(inArray(insuredPersons.nir, part));
    for (const row of rows) found.set(row.nir, { id: row.id, birthDate: row.birthDate });
  }
  return found;
}

async function findImportedReferences(tx: Transaction, references: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunk(references)) {
    const rows = await tx.select({ lineReference: careEvents.lineReference }).from(careEvents).where(inArray(careEvents.lineReference, part));
    for (const row of rows) found.add(row.lineReference);
  }
  return found;
}

/** What the register tells about a line's beneficiary: unknown, born after the care, or an adult under a minor's secret. */
function beneficiaryProblems(entry: StatementEntry, beneficiary: { birthDate: string } | undefined): string[] {
  if (!beneficiary) return [`bénéficiaire inconnu (NIR ${entry.beneficiaryNir} absent du registre)`];
  const problems: string[] = [];
  if (entry.careDate < beneficiary.birthDate) problems.push("date des soins antérieure à la naissance du bénéficiaire");
  if (entry.isMinorSecret && entry.careDate >= eighteenthBirthday(beneficiary.birthDate)) {
    problems.push("secret du mineur pour un bénéficiaire majeur à la date des soins");
  }
  return problems;
}

/**
 * Loads the insurer's feed of care events and statement lines (`npm run reimbursements:import`).
 * The register's rules: a file with one bad line is refused whole, with every bad line's number and
 * reason, and nothing is written; a line whose reference was already imported is left as it is, so
 * importing the same file again adds nothing. Each beneficiary's history records the delivery, a
 * minor's secret care under an event of its own that their representatives never read.
 */
export async function importStatements(csvText: string, options: { now?: Date } = {}): Promise<StatementImportResult> {
  const now = options.now ?? new Date();
  const file = readStatementFile(csvText, { now });
  return getDb().transaction(async (tx) => {
    const beneficiaries = await findBeneficiaries(tx, file.entries.map((entry) => entry.beneficiaryNir));
    const errors = [...file.errors];
    for (const entry of file.entries) {
      for (const reason of beneficiaryProblems(entry, beneficiaries.get(entry.beneficiaryNir))) errors.push({ line: entry.line, reason });
    }
    if (errors.length > 0) return { status: "rejected", errors: errors.sort((left, right) => left.line - right.line) };

    const imported = await findImportedReferences(tx, file.entries.map((entry) => entry.lineReference));
    const newEntries = file.entries.filter((entry) => !imported.has(entry.lineReference));
    for (const part of chunk(newEntries)) {
      const created = await tx
        .insert(careEvents)
        .values(
          part.map((entry) => ({
            personId: (beneficiaries.get(entry.beneficiaryNir) as { id: string }).id,
            lineReference: entry.lineReference,
            careDate: entry.careDate,
            category: entry.category,
            actLabel: entry.actLabel,
            actCode: entry.actCode,
            professionalRpps: entry.professionalRpps,
            professionalName: entry.professionalName,
            establishmentName: entry.establishmentName,
            isMinorSecret: entry.isMinorSecret,
            createdAt: now,
          })),
        )
        .returning({ id: careEvents.id, lineReference: careEvents.lineReference });
      const idByReference = new Map(created.map((row) => [row.lineReference, row.id]));
      await tx.insert(statementLines).values(
        part.map((entry) => ({
          careEventId: idByReference.get(entry.lineReference) as string,
          amountPaidCents: entry.amountPaidCents,
          reimbursementBaseCents: entry.reimbursementBaseCents,
          ratePercent: entry.ratePercent,
          insurerPaidCents: entry.insurerPaidCents,
          complementaryPaidCents: entry.complementaryPaidCents,
          deductionsCents: entry.deductionsCents,
          paymentDate: entry.paymentDate,
          payee: entry.payee,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }

    // One event per beneficiary and kind of delivery, not per line: a feed of thousands of lines is one delivery.
    const deliveries = new Map<string, { personId: string; isMinorSecret: boolean }>();
    for (const entry of newEntries) {
      const personId = (beneficiaries.get(entry.beneficiaryNir) as { id: string }).id;
      deliveries.set(`${personId}:${entry.isMinorSecret}`, { personId, isMinorSecret: entry.isMinorSecret });
    }
    for (const { personId, isMinorSecret } of deliveries.values()) {
      await recordActivity(tx, {
        subjectPersonId: personId,
        actor: SYSTEM_ACTOR,
        action: isMinorSecret ? "reimbursements.secret-care-received" : "reimbursements.received",
        at: now,
      });
    }
    return { status: "imported", added: newEntries.length, alreadyPresent: file.entries.length - newEntries.length };
  });
}
