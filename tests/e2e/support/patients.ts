import { welcomeMessageBody } from "@/lib/delivery/templates/messaging";
import { SERVICE_SENDER_NAME } from "@/lib/messaging/welcome";
import { giveActiveAccount, type TestAccount } from "./accounts";
import { createRegisteredPerson, sql, type TestPerson } from "./register";

export type ActivePatient = TestPerson & TestAccount & { welcomeConversationId: string };

/** The welcome conversation's subject, as the app writes it. */
export const WELCOME_SUBJECT = welcomeMessageBody().subject;

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
    select id from conversations where person_id = ${person.id} and counterpart_name = ${SERVICE_SENDER_NAME}`;
  if (!conversation) throw new Error("activation posted no welcome conversation");
  if (options.isOnboarded) {
    await sql`
      insert into onboarding_questionnaires (person_id, current_step, completed_at)
      values (${person.id}, 5, now())`;
  }
  return { ...person, ...account, welcomeConversationId: conversation.id };
}
