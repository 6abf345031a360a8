import { hash } from "@node-rs/argon2";
import { sql, type TestPerson } from "./register";

/** A password meeting every rule, for accounts made by end-to-end tests. */
export const E2E_PASSWORD = "Tilleul-Rouge-42";

/** argon2id; the app's own module is server-only and cannot be loaded here. The PHC string carries the parameters. */
const ARGON2ID = 2;

export type TestAccount = { identifier: string; password: string };

/**
 * Activates the person's space and gives them an account, as the activation would: login codes
 * go to the person's register e-mail and mobile.
 */
export async function giveActiveAccount(person: TestPerson, overrides: Partial<TestAccount> = {}): Promise<TestAccount> {
  const identifier = overrides.identifier ?? `lucie.${person.id.slice(0, 8)}`;
  const password = overrides.password ?? E2E_PASSWORD;
  const passwordHash = await hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await sql`update spaces set status = 'active', opened_at = now(), activated_at = now() where person_id = ${person.id}`;
  await sql`
    insert into accounts (person_id, identifier, password_hash, email, mobile)
    values (${person.id}, ${identifier}, ${passwordHash}, ${person.email}, ${person.mobile})`;
  return { identifier, password };
}

export async function sessionsOf(personId: string): Promise<{ revokedAt: Date | null; revokedReason: string | null }[]> {
  return sql<{ revokedAt: Date | null; revokedReason: string | null }[]>`
    select revoked_at as "revokedAt", revoked_reason as "revokedReason" from sessions where person_id = ${personId} order by created_at`;
}
