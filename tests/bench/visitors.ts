import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth.config";
import { createSession } from "@/lib/auth/sessions";
import { startFlow } from "@/lib/enrolment/flows";
import { findQuestionnaireState, skipQuestion } from "@/lib/onboarding/questionnaire";
import { DEMO_LOGIN, DEMO_PARENT_NIR } from "@/lib/register/demo-register";
import { findInsuredPersonByNir } from "@/lib/register/queries";
import { FLOW_COOKIE } from "@/lib/enrolment/flow-cookie";

/**
 * How a target's visitor gets the state a page needs, directly in the benchmark's database and
 * through the same lib functions the pages use: what each request then carries (cookies; a
 * method and body for targets that post).
 */

export type BenchRequest = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
};

export type SetupContext = {
  /** The AUTH_SECRET the server under test was started with: session cookies are sealed with it. */
  authSecret: string;
  now: Date;
};

export type TargetSetup = (context: SetupContext) => Promise<BenchRequest>;

/**
 * Auth.js' session cookie over plain HTTP (the bench server runs on http://127.0.0.1; over HTTPS
 * the name takes the "__Secure-" prefix). Its JWE is sealed with a key derived from AUTH_SECRET
 * and this name.
 */
const SESSION_COOKIE = "authjs.session-token";
/** The enrolment flow's cookie (lib/enrolment/flow-cookie.ts, which keeps the name private). */

/** Answers "Passer" to each remaining question, as a person in a hurry does on first login. */
async function finishQuestionnaire(personId: string, now: Date): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const state = await findQuestionnaireState(personId);
    if (state.isCompleted) return;
    await skipQuestion(personId, state.currentStep, now);
  }
  throw new Error("the first-login questionnaire did not finish after ten skips");
}

/**
 * The demo patient (npm run db:seed's active account), signed in: the server-side session a
 * verified one-time code opens (lib/auth/sessions.ts createSession), in the cookie Auth.js would
 * have set. The password and code steps are left out on purpose: they are targets of their own.
 */
export async function signInDemoPatient({ authSecret, now }: SetupContext): Promise<BenchRequest> {
  const db = getDb();
  const [account] = await db
    .select({ personId: accounts.personId })
    .from(accounts)
    .where(eq(accounts.identifier, DEMO_LOGIN.identifier))
    .limit(1);
  if (!account) throw new Error(`no account "${DEMO_LOGIN.identifier}": was the database seeded (npm run db:seed)?`);
  await finishQuestionnaire(account.personId, now);
  const sessionId = await createSession(db, { personId: account.personId, userAgent: "npm run bench", now });
  const token = await encode({ token: { sessionId }, secret: authSecret, salt: SESSION_COOKIE, maxAge: SESSION_MAX_AGE_SECONDS });
  return { headers: { cookie: `${SESSION_COOKIE}=${token}` } };
}

/**
 * A demo person in the middle of enrolment, as after "Recevoir mon code provisoire": a live
 * enrolment flow (lib/enrolment/flows.ts startFlow) in its cookie.
 */
export async function startDemoEnrolmentFlow({ now }: SetupContext): Promise<BenchRequest> {
  const person = await findInsuredPersonByNir(DEMO_PARENT_NIR);
  if (!person) throw new Error(`no demo person with NIR ${DEMO_PARENT_NIR}: was the database seeded (npm run db:seed)?`);
  const { token } = await startFlow(getDb(), person.id, now);
  return { headers: { cookie: `${FLOW_COOKIE}=${token}` } };
}
