import { randomInt, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password-hash";
import { luhnCheckDigit } from "@/lib/professionals/rpps";
import { E2E_PASSWORD } from "./accounts";
import { sql } from "./register";

export type TestProfessional = { professionalId: string; accountId: string; identifier: string; password: string; email: string; lastName: string };

/** A general practitioner of the directory with a /pro login of their own, unique to the calling test. */
export async function createTestProfessional({ password = E2E_PASSWORD }: { password?: string } = {}): Promise<TestProfessional> {
  const body = Array.from({ length: 10 }, () => String(randomInt(10))).join("");
  const tag = randomUUID().slice(0, 8);
  const lastName = `Essai-${tag}`;
  const email = `dr.${tag}@pro.example.org`;
  const [professional] = await sql<{ id: string }[]>`
    insert into professionals (rpps, last_name, first_name, profession_code, specialty, city, email, mobile)
    values (${body + luhnCheckDigit(body)}, ${lastName}, 'Anne', '10', 'Médecine générale', 'Lyon', ${email}, ${`+336980${String(randomInt(100000)).padStart(5, "0")}`})
    returning id`;
  const identifier = `dr.${tag}`;
  const [account] = await sql<{ id: string }[]>`
    insert into accounts (kind, professional_id, identifier, password_hash, email)
    values ('professional', ${professional!.id}, ${identifier}, ${await hashPassword(password)}, ${email})
    returning id`;
  return { professionalId: professional!.id, accountId: account!.id, identifier, password, email, lastName };
}
