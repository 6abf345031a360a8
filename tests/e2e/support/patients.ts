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
  if (options.isOnboarded) await markOnboarded(person.id);
  return { ...person, ...account, welcomeConversationId: conversation.id };
}

/**
 * The one way a test marks a person's first-login questionnaire as done (the space's frame asks
 * for it): a questionnaire a journey left unfinished is completed, a completed one left as it was.
 */
export async function markOnboarded(personId: string): Promise<void> {
  await sql`
    insert into onboarding_questionnaires (person_id, current_step, completed_at) values (${personId}, 5, now())
    on conflict (person_id) do update set completed_at = coalesce(onboarding_questionnaires.completed_at, now())`;
}
