import { randomInt, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password-hash";
import { luhnCheckDigit } from "@/lib/professionals/rpps";
import { E2E_PASSWORD } from "./accounts";
import { sql } from "./register";

export type TestProfessional = {
  professionalId: string;
  accountId: string;
  identifier: string;
  password: string;
  email: string;
  lastName: string;
  /** First and last name, as the patient's lists show them. */
  fullName: string;
};

/**
 * A professional of the directory (a general practitioner unless told otherwise), made in SQL as
 * the directory import leaves one, with a /pro login of their own, unique to the calling test.
 */
export async function createTestProfessional({
  firstName = "Anne",
  lastName,
  professionCode = "10",
  specialty = "Médecine générale",
  password = E2E_PASSWORD,
}: { firstName?: string; lastName?: string; professionCode?: string; specialty?: string | null; password?: string } = {}): Promise<TestProfessional> {
  const body = Array.from({ length: 10 }, () => String(randomInt(10))).join("");
  const tag = randomUUID().slice(0, 8);
  const name = lastName ?? `Essai-${tag}`;
  const email = `dr.${tag}@pro.example.org`;
  const [professional] = await sql<{ id: string }[]>`
    insert into professionals (rpps, last_name, first_name, profession_code, specialty, city, email, mobile)
    values (${body + luhnCheckDigit(body)}, ${name}, ${firstName}, ${professionCode}, ${specialty}, 'Lyon', ${email}, ${`+336980${String(randomInt(100000)).padStart(5, "0")}`})
    returning id`;
  const identifier = `dr.${tag}`;
  const [account] = await sql<{ id: string }[]>`
    insert into accounts (kind, professional_id, identifier, password_hash, email)
    values ('professional', ${professional!.id}, ${identifier}, ${await hashPassword(password)}, ${email})
    returning id`;
  return { professionalId: professional!.id, accountId: account!.id, identifier, password, email, lastName: name, fullName: `${firstName} ${name}` };
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
