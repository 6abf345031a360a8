import { giveActiveAccount, type TestAccount } from "./accounts";
import { createRegisteredPerson, sql, type TestPerson } from "./register";

export type ActivePatient = TestPerson & TestAccount & { welcomeConversationId: string };

export const WELCOME_SUBJECT = "Bienvenue dans votre messagerie Mon espace santé";

/**
 * A person of the register with an active space, a login and the welcome conversation that
 * activation posts, unread. `isOnboarded` marks the first-login questionnaire as done, for tests
 * about the space itself.
 */
export async function createActivePatient(
  options: { firstNames?: string; birthName?: string; isOnboarded?: boolean } = {},
): Promise<ActivePatient> {
  const person = await createRegisteredPerson({ firstNames: options.firstNames, birthName: options.birthName });
  const account = await giveActiveAccount(person);
  const [conversation] = await sql<{ id: string }[]>`
    insert into conversations (person_id, subject, counterpart_name, last_message_at)
    values (${person.id}, ${WELCOME_SUBJECT}, 'Mon espace santé', now())
    returning id`;
  await sql`
    insert into messages (conversation_id, person_id, sender_kind, sender_name, body, sent_at)
    values (${conversation!.id}, ${person.id}, 'service', 'Mon espace santé',
            ${"Bienvenue dans votre messagerie Mon espace santé,\n\nRetrouvez dans cette messagerie l'ensemble des messages envoyés par vos professionnels de santé."},
            now())`;
  if (options.isOnboarded) {
    await sql`
      insert into onboarding_questionnaires (person_id, current_step, completed_at)
      values (${person.id}, 5, now())`;
  }
  return { ...person, ...account, welcomeConversationId: conversation!.id };
}
