import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type InsuredPerson, guardianships, insuredPersons } from "@/db/schema";
import { isUuid } from "@/lib/validation";
import type { IdentityProof } from "./identity";
import { normalizeNir } from "./nir";

/**
 * The person whose NIR, birth date (YYYY-MM-DD) and Vitale card serial all match the register;
 * null otherwise, without telling which one differed.
 */
export async function findInsuredPersonByIdentity(
  executor: Executor,
  { nir, birthDate, vitaleSerial }: IdentityProof,
): Promise<InsuredPerson | null> {
  const [person] = await executor
    .select()
    .from(insuredPersons)
    .where(
      and(
        eq(insuredPersons.nir, normalizeNir(nir)),
        eq(insuredPersons.birthDate, birthDate),
        eq(insuredPersons.vitaleSerial, vitaleSerial.replace(/\s/g, "")),
      ),
    )
    .limit(1);
  return person ?? null;
}

export type PersonIdentity = Pick<InsuredPerson, "firstNames" | "birthName" | "usageName" | "birthDate" | "sex" | "nir">;

/**
 * Who a person is, as a record or a document names them: names, birth date, sex and NIR. The
 * caller has already decided that its actor may reach this person.
 */
export async function findPersonIdentity(executor: Executor, personId: string): Promise<PersonIdentity | null> {
  const [person] = await executor
    .select({
      firstNames: insuredPersons.firstNames,
      birthName: insuredPersons.birthName,
      usageName: insuredPersons.usageName,
      birthDate: insuredPersons.birthDate,
      sex: insuredPersons.sex,
      nir: insuredPersons.nir,
    })
    .from(insuredPersons)
    .where(eq(insuredPersons.id, personId));
  return person ?? null;
}

/** Null for an unknown id, or for a string that is not an id at all (e.g. from a URL). */
export async function findInsuredPersonById(executor: Executor, id: string): Promise<InsuredPerson | null> {
  if (!isUuid(id)) return null;
  const [person] = await executor.select().from(insuredPersons).where(eq(insuredPersons.id, id)).limit(1);
  return person ?? null;
}

export async function findInsuredPersonByNir(executor: Executor, nir: string): Promise<InsuredPerson | null> {
  const [person] = await executor
    .select()
    .from(insuredPersons)
    .where(eq(insuredPersons.nir, normalizeNir(nir)))
    .limit(1);
  return person ?? null;
}

/** The children (ayants droit) whose legal representative the register names by this NIR, eldest first. */
export async function findChildrenOf(executor: Executor, parentNir: string): Promise<InsuredPerson[]> {
  const rows = await executor
    .select({ child: insuredPersons })
    .from(guardianships)
    .innerJoin(insuredPersons, eq(insuredPersons.id, guardianships.childPersonId))
    .where(eq(guardianships.guardianNir, normalizeNir(parentNir)))
    .orderBy(asc(insuredPersons.birthDate), asc(insuredPersons.id));
  return rows.map(({ child }) => child);
}
