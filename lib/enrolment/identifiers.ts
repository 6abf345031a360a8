import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts, type InsuredPerson } from "@/db/schema";
import { IDENTIFIER_MAX_LENGTH, IDENTIFIER_MIN_LENGTH } from "@/lib/auth/credential-rules";
import { usualFirstName } from "@/lib/register/person-name";

/** "Éloïse Le Goff" → "eloise.le-goff": only the characters an identifier accepts. */
export function slugForIdentifier(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function fitLength(candidate: string, filler: string): string {
  const padded = candidate.length < IDENTIFIER_MIN_LENGTH ? `${candidate}${filler}` : candidate;
  return padded.slice(0, IDENTIFIER_MAX_LENGTH);
}

/** `prénom.nom` first, then variants with the birth year, initials and numbers. */
export function identifierCandidates(person: Pick<InsuredPerson, "firstNames" | "birthName" | "usageName" | "birthDate">): string[] {
  const first = slugForIdentifier(usualFirstName(person));
  const last = slugForIdentifier(person.usageName ?? person.birthName);
  const year = person.birthDate.slice(0, 4);
  const base = `${first}.${last}`;
  const candidates = [
    fitLength(base, year),
    fitLength(`${base}.${year}`, ""),
    fitLength(`${base}${year.slice(2)}`, year),
    fitLength(`${first[0] ?? "x"}.${last}.${year}`, ""),
    fitLength(`${last}.${first}`, year),
    ...Array.from({ length: 20 }, (_, index) => fitLength(`${base}${index + 2}`, year)),
  ];
  return [...new Set(candidates)];
}

export async function findTakenIdentifiers(executor: Executor, candidates: string[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const rows = await executor
    .select({ identifier: accounts.identifier })
    .from(accounts)
    .where(inArray(accounts.identifier, candidates));
  return new Set(rows.map((row) => row.identifier));
}

/** Up to `count` free identifiers for the person, `prénom.nom` first when it is free. */
export async function suggestFreeIdentifiers(
  executor: Executor,
  person: Pick<InsuredPerson, "firstNames" | "birthName" | "usageName" | "birthDate">,
  count = 3,
): Promise<string[]> {
  const candidates = identifierCandidates(person);
  const taken = await findTakenIdentifiers(executor, candidates);
  return candidates.filter((candidate) => !taken.has(candidate)).slice(0, count);
}
