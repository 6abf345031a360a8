import { randomInt } from "node:crypto";
import { sql } from "./register";

/** An RPPS number: 10 random digits and the Luhn check digit. */
function randomRpps(): string {
  const body = Array.from({ length: 10 }, () => randomInt(10)).join("");
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    const digit = Number(body[body.length - 1 - index]);
    const doubled = index % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export type TestProfessional = { id: string; fullName: string };

/** A professional of the directory, made in SQL as the directory import leaves one. */
export async function createTestProfessional(
  input: { firstName?: string; lastName?: string; professionCode?: string; specialty?: string | null } = {},
): Promise<TestProfessional> {
  const firstName = input.firstName ?? "Anne";
  const lastName = input.lastName ?? "Leroy";
  const [row] = await sql<{ id: string }[]>`
    insert into professionals (rpps, last_name, first_name, profession_code, specialty, city)
    values (${randomRpps()}, ${lastName}, ${firstName}, ${input.professionCode ?? "10"}, ${input.specialty === undefined ? "Médecine générale" : input.specialty}, 'Lyon')
    returning id`;
  if (!row) throw new Error("professional not created");
  return { id: row.id, fullName: `${firstName} ${lastName}` };
}

/** A row of the patient's "Autorisations d'accès", as the professional's recording of consent leaves it. */
export async function giveProfessionalAccess(
  personId: string,
  professionalId: string,
  status: "authorised" | "blocked" | "withdrawn" = "authorised",
): Promise<{ id: string }> {
  const [row] = await sql<{ id: string }[]>`
    insert into professional_accesses (person_id, professional_id, status, status_since, consent_recorded_at)
    values (${personId}, ${professionalId}, ${status}, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z')
    returning id`;
  if (!row) throw new Error("professional access not created");
  return row;
}

export async function professionalAccessOf(accessId: string) {
  const [row] = await sql<{ status: string; isAdministrator: boolean }[]>`
    select status, is_administrator as "isAdministrator" from professional_accesses where id = ${accessId}`;
  return row;
}

export async function emergencySettingsOf(personId: string) {
  const [row] = await sql<{ samu: boolean; others: boolean; masked: boolean }[]>`
    select allows_emergency_medical_service as samu, allows_other_professionals as others, includes_masked_documents as masked
    from emergency_access_settings where person_id = ${personId}`;
  return row;
}
