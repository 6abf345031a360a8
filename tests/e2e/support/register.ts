import { randomInt, randomUUID } from "node:crypto";
import postgres from "postgres";
import { computeNirKey } from "@/lib/register/nir";
import { e2eServer } from "./server";

/** The e2e server's database: tests add their own insured persons and check what the app wrote. */
export const sql = postgres(e2eServer.databaseUrl, { max: 2, onnotice: () => {} });

export type TestPerson = {
  id: string;
  nir: string;
  birthDate: string;
  /** As a French user types it. */
  birthDateFr: string;
  vitaleSerial: string;
  firstNames: string;
  birthName: string;
  email: string | null;
  mobile: string | null;
};

function digits(count: number): string {
  return Array.from({ length: count }, () => String(randomInt(10))).join("");
}

/** A fictitious insured person of the insurer's register, unique to the calling test. */
export async function createRegisteredPerson(
  overrides: Partial<Pick<TestPerson, "firstNames" | "birthName" | "email" | "mobile">> = {},
): Promise<TestPerson> {
  const year = String(randomInt(50, 99));
  const month = String(randomInt(1, 13)).padStart(2, "0");
  const body = `2${year}${month}75${digits(3)}${String(randomInt(1, 999)).padStart(3, "0")}`;
  const nir = `${body}${computeNirKey(body)}`;
  const tag = randomUUID().slice(0, 8);
  const person = {
    id: randomUUID(),
    nir,
    birthDate: `19${year}-${month}-14`,
    birthDateFr: `14/${month}/19${year}`,
    vitaleSerial: digits(11),
    firstNames: overrides.firstNames ?? "Lucie",
    birthName: overrides.birthName ?? `Essai-${tag}`,
    email: overrides.email === undefined ? `lucie.${tag}@example.org` : overrides.email,
    mobile: overrides.mobile === undefined ? `+336990${digits(5)}` : overrides.mobile,
  };
  await sql`
    insert into insured_persons (id, nir, birth_name, first_names, sex, birth_date, birth_place_code, email, mobile, postal_address, vitale_serial)
    values (${person.id}, ${person.nir}, ${person.birthName}, ${person.firstNames}, 'F', ${person.birthDate}, '75056',
            ${person.email}, ${person.mobile}, ${"3 rue de l'Essai\n75011 Paris"}, ${person.vitaleSerial})`;
  await sql`insert into spaces (person_id) values (${person.id})`;
  return person;
}

export async function spaceStatusOf(personId: string): Promise<string | undefined> {
  const [row] = await sql<{ status: string }[]>`select status from spaces where person_id = ${personId}`;
  return row?.status;
}
