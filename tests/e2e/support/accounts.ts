import { openPostgres } from "@/db/client";
import { hashPassword } from "@/lib/auth/password-hash";
import { activateSpace } from "@/lib/enrolment/activate-space";
import { sql, type TestPerson } from "./register";
import { e2eServer } from "./server";

/** A password meeting every rule, for accounts made by end-to-end tests. */
export const E2E_PASSWORD = "Tilleul-Rouge-42";

export type TestAccount = { identifier: string; password: string };

const handle = openPostgres(e2eServer.databaseUrl, { max: 2 });

/**
 * Activates the person's space and gives them an account through the app's own activateSpace
 * (account, own representation, welcome message), as the activation would: login codes go to
 * the person's register e-mail and mobile.
 */
export async function giveActiveAccount(person: TestPerson, overrides: Partial<TestAccount> = {}): Promise<TestAccount> {
  const identifier = overrides.identifier ?? `lucie.${person.id.slice(0, 8)}`;
  const password = overrides.password ?? E2E_PASSWORD;
  const passwordHash = await hashPassword(password);
  await handle.db.transaction((tx) =>
    activateSpace(tx, { personId: person.id, identifier, passwordHash, email: person.email, mobile: person.mobile, now: new Date() }),
  );
  return { identifier, password };
}

export async function sessionsOf(personId: string): Promise<{ revokedAt: Date | null; revokedReason: string | null }[]> {
  return sql<{ revokedAt: Date | null; revokedReason: string | null }[]>`
    select sessions.revoked_at as "revokedAt", sessions.revoked_reason as "revokedReason"
    from sessions join accounts on accounts.id = sessions.account_id
    where accounts.person_id = ${personId} order by sessions.created_at`;
}
