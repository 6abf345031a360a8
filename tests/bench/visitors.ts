import { eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { accounts, professionals } from "@/db/schema";
import { type Actor, actorOf } from "@/lib/access/actor";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth.config";
import { checkLoginPassword } from "@/lib/auth/login";
import { createSession, findLiveSession } from "@/lib/auth/sessions";
import { startFlow } from "@/lib/enrolment/flows";
import { findQuestionnaireState, skipQuestion } from "@/lib/onboarding/questionnaire";
import { DEMO_PROFESSIONALS } from "@/lib/professionals/demo-directory";
import { professionalDisplayName } from "@/lib/professionals/names";
import { DEMO_LOGIN, DEMO_PARENT_NIR } from "@/lib/register/demo-register";
import { findInsuredPersonByNir } from "@/lib/register/queries";
import { FLOW_COOKIE } from "@/lib/enrolment/flow-cookie";
import { actionIdOf } from "../security/support/manifest";
import type { AccountPool } from "./account-pool";
import { nextClientAddress } from "./load";

/**
 * How a target's visitor gets the state a page needs, directly in the benchmark's database and
 * through the same lib functions the pages use: what each request then carries (cookies; a
 * method and body for targets that post).
 */

export type BenchRequest = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /**
   * Each request comes from a client address of its own (X-Forwarded-For): for steps the app
   * limits per address, which a load from one address would turn into a load of refusals.
   */
  needsClientAddressPerRequest?: boolean;
  /**
   * Requests take these headers and body in turn, round-robin (one account per request): with
   * more variants than connections, no two requests in flight share one.
   */
  variants?: { headers: Record<string, string>; body: string }[];
};

export type SetupContext = {
  /** The server under test, e.g. http://127.0.0.1:3300: what its pages post from. */
  origin: string;
  /** The AUTH_SECRET the server under test was started with: session cookies are sealed with it. */
  authSecret: string;
  now: Date;
  /** Accounts of the scale data set, each with its own row, for steps measured over many people. */
  accountPool?: AccountPool;
};

export type TargetSetup = (context: SetupContext) => Promise<BenchRequest>;

/**
 * Auth.js' session cookie over plain HTTP (the bench server runs on http://127.0.0.1; over HTTPS
 * the name takes the "__Secure-" prefix). Its JWE is sealed with a key derived from AUTH_SECRET
 * and this name.
 */
const SESSION_COOKIE = "authjs.session-token";
/** A login attempt's cookie (lib/auth/challenge-cookie.ts, which keeps the name private). */
const LOGIN_ATTEMPT_COOKIE = "mes_connexion";

/** Answers "Passer" to each remaining question, as a person in a hurry does on first login. */
async function finishQuestionnaire(actor: Actor, now: Date): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const state = await findQuestionnaireState({ actor });
    if (state.isCompleted) return;
    await skipQuestion({ actor, step: state.currentStep, now });
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
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.identifier, DEMO_LOGIN.identifier)).limit(1);
  if (!account) throw new Error(`no account "${DEMO_LOGIN.identifier}": was the database seeded (npm run db:seed)?`);
  const sessionId = await createSession(db, { accountId: account.id, userAgent: "npm run bench", now });
  const live = await findLiveSession(db, sessionId, { now, touch: false });
  if (!live) throw new Error("the demo patient's new session is not live");
  await finishQuestionnaire(actorOf(live), now);
  const token = await encode({ token: { sessionId }, secret: authSecret, salt: SESSION_COOKIE, maxAge: SESSION_MAX_AGE_SECONDS });
  return { headers: { cookie: `${SESSION_COOKIE}=${token}` } };
}

/**
 * A demo person in the middle of enrolment, as after "Recevoir mon code provisoire": a live
 * enrolment flow (lib/enrolment/flows.ts startFlow) in its cookie.
 */
export async function startDemoEnrolmentFlow({ now }: SetupContext): Promise<BenchRequest> {
  const person = await findInsuredPersonByNir(getDb(), DEMO_PARENT_NIR);
  if (!person) throw new Error(`no demo person with NIR ${DEMO_PARENT_NIR}: was the database seeded (npm run db:seed)?`);
  const { token } = await startFlow(getDb(), person.id, now);
  return { headers: { cookie: `${FLOW_COOKIE}=${token}` } };
}

/**
 * The inputs of the served form that holds `fieldName`, in page order, as `new FormData(form)`
 * reads them: React writes hidden inputs of its own into a useActionState form ("$ACTION_REF_1",
 * "$ACTION_1:0" with the action and its bound state, "$ACTION_KEY"), and a browser posts them
 * with the person's fields.
 */
function servedFormInputs(html: string, fieldName: string): [string, string][] {
  const form = html.match(/<form\b[\s\S]*?<\/form>/g)?.find((candidate) => candidate.includes(` name="${fieldName}"`));
  if (!form) throw new Error(`no form with a field "${fieldName}" in the page`);
  const decode = (text: string) =>
    text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return [...form.matchAll(/<input\b([^>]*)>/g)].flatMap(([, attributes = ""]) => {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];
    const name = attribute("name");
    return name === undefined ? [] : [[decode(name), decode(attribute("value") ?? "")] as [string, string]];
  });
}

/**
 * The router's state of /connexion as a browser sends it with an action (Next-Router-State-Tree,
 * client-only data stripped): the root layout, the (auth) group's, the page.
 */
const LOGIN_PAGE_ROUTER_TREE = ["", { children: ["(auth)", { children: ["connexion", { children: ["__PAGE__", {}] }] }] }];

/** What "Se connecter" posts for one identifier: its multipart body and the boundary it was written with. */
type PasswordPost = { body: string; contentType: string };

/** The inputs of the login form as /connexion serves it. */
async function readLoginForm(origin: string): Promise<[string, string][]> {
  const page = await fetch(`${origin}/connexion`);
  if (!page.ok) throw new Error(`GET /connexion answered ${page.status}`);
  const inputs = servedFormInputs(await page.text(), "password");
  for (const name of ["identifier", "password"]) {
    if (!inputs.some(([input]) => input === name)) throw new Error(`the login form has no field "${name}"`);
  }
  return inputs;
}

/**
 * "Se connecter" with an identifier and a password, as a browser posts it once the page has
 * loaded: React's multipart encoding of the action's arguments, (previous state, the form's
 * FormData), the form's fields under the prefix "_1_" that its reference "$K1" points to, React's
 * own hidden inputs included.
 */
async function encodePasswordPost(origin: string, inputs: [string, string][], typed: { identifier: string; password: string }): Promise<PasswordPost> {
  const values = new Map(Object.entries(typed));
  const form = new FormData();
  for (const [name, value] of inputs) form.append(`_1_${name}`, values.get(name) ?? value);
  // The argument list comes last, as the browser writes it: useActionState's idle state, then the form.
  form.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const encoded = new Request(origin, { method: "POST", body: form });
  return { body: await encoded.text(), contentType: encoded.headers.get("content-type") ?? "" };
}

/** The post of the password step, with the headers a browser sends with a server action (its id from the build's manifest). */
function passwordStepRequest(origin: string, post: PasswordPost): BenchRequest {
  return {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "content-type": post.contentType,
      "next-action": actionIdOf("app/(auth)/connexion/actions.ts#loginPasswordAction"),
      "next-router-state-tree": encodeURIComponent(JSON.stringify(LOGIN_PAGE_ROUTER_TREE)),
      "next-url": "/connexion",
      // The proxy refuses a post from another origin (lib/http/request-filter.ts).
      origin,
      referer: `${origin}/connexion`,
      "sec-fetch-dest": "empty",
      "sec-fetch-mode": "cors",
      "sec-fetch-site": "same-origin",
      "user-agent": "npm run bench",
    },
    body: post.body,
    // The app allows 30 password checks per client address in 15 minutes.
    needsClientAddressPerRequest: true,
  };
}

/** "Se connecter" with the demo account's identifier and right password, every request from a new client address. */
export async function postDemoPassword({ origin }: SetupContext): Promise<BenchRequest> {
  const post = await encodePasswordPost(origin, await readLoginForm(origin), DEMO_LOGIN);
  return passwordStepRequest(origin, post);
}

/**
 * "Se connecter" with the right password of a different account in turn (the run's account
 * pool, tests/bench/account-pool.ts): no two requests in flight wait for the same account's row,
 * as when many people log in at once.
 */
export async function postPoolPasswords({ origin, accountPool }: SetupContext): Promise<BenchRequest> {
  if (!accountPool || accountPool.identifiers.length === 0) throw new Error("this run has no account pool");
  const inputs = await readLoginForm(origin);
  const posts = await Promise.all(
    accountPool.identifiers.map((identifier) => encodePasswordPost(origin, inputs, { identifier, password: accountPool.password })),
  );
  return {
    ...passwordStepRequest(origin, posts[0]!),
    variants: posts.map((post) => ({ headers: { "content-type": post.contentType }, body: post.body })),
  };
}

/**
 * The demo patient between the two steps, as after a right password: the login attempt that
 * checkLoginPassword opens (the password step's own function, from an address of its own), in
 * the cookie loginPasswordAction sets.
 */
export async function openDemoLoginAttempt({ now }: SetupContext): Promise<BenchRequest> {
  const result = await checkLoginPassword(DEMO_LOGIN, { clientAddress: nextClientAddress(), now });
  if (result.status !== "password-verified") {
    throw new Error(`the demo password was refused (${result.status}): was the database seeded (npm run db:seed)?`);
  }
  return { headers: { cookie: `${LOGIN_ATTEMPT_COOKIE}=${result.challengeToken}` } };
}

/** The size of the record "Documents" is measured with (issue: a thousand documents for one person). */
export const BENCH_DOCUMENT_COUNT = 1000;

/**
 * The demo patient signed in, with a record of BENCH_DOCUMENT_COUNT documents from several
 * authors and categories, some pinned, some in folders: the list page reads their metadata only,
 * so the rows carry no stored bytes. Made once per database; later measurements find them there.
 */
export async function signInDemoPatientWithDocuments(context: SetupContext): Promise<BenchRequest> {
  const request = await signInDemoPatient(context);
  const db = getDb();
  const [account] = await db
    .select({ personId: accounts.personId })
    .from(accounts)
    .where(eq(accounts.identifier, DEMO_LOGIN.identifier))
    .limit(1);
  if (!account) throw new Error(`no account "${DEMO_LOGIN.identifier}"`);
  const [{ total }] = (await db.execute(
    sql`select count(*)::int as total from documents where person_id = ${account.personId}`,
  )) as unknown as [{ total: number }];
  const missing = BENCH_DOCUMENT_COUNT - total;
  if (missing > 0) {
    await db.execute(sql`
      insert into documents (person_id, title, document_date, category, type_code, author_kind, author_name, media_type, byte_size,
                             pinned_at, storage, storage_key, master_key_id, wrapped_data_key, uploaded_at)
      select ${account.personId},
             'Document ' || n || (case n % 3 when 0 then ' — résultats' when 1 then ' — ordonnance' else ' — compte rendu' end),
             (date '2015-01-01' + (n % 3650)),
             (array['ORD_SOIN','BIOLOGIE','CPT_REND','RADIO_SC','AUTR_DOC'])[1 + n % 5]::document_category,
             (array['57833-6','11502-2','11488-4','18748-4','EXPPAT_2'])[1 + n % 5],
             (array['patient','professional','establishment'])[1 + n % 3]::document_author_kind,
             (array['Camille Martin','Dr Anne Leroy','CHU de Nantes'])[1 + n % 3],
             'application/pdf', 120000 + n,
             case when n % 97 = 0 then now() end,
             'database', 'bench-' || gen_random_uuid(), 'bench', '\\x'::bytea,
             now() - (n || ' hours')::interval
      from generate_series(1, ${missing}) as n`);
  }
  return request;
}

/** The demo patient's statement lines for the Remboursements targets: a person of the scale data set has a hundred on average. */
export const BENCH_STATEMENT_LINE_COUNT = 100;

/**
 * The demo patient signed in, with BENCH_STATEMENT_LINE_COUNT paid care events over three years
 * (the seed's own lines count): the Remboursements page, its filter and its CSV then read as many
 * lines for them at 1,000 lines in the database as at 10,000,000. Made once per database.
 */
export async function signInDemoPatientWithStatement(context: SetupContext): Promise<BenchRequest> {
  const request = await signInDemoPatient(context);
  const db = getDb();
  const [account] = await db
    .select({ personId: accounts.personId })
    .from(accounts)
    .where(eq(accounts.identifier, DEMO_LOGIN.identifier))
    .limit(1);
  if (!account) throw new Error(`no account "${DEMO_LOGIN.identifier}"`);
  const [{ total }] = (await db.execute(
    sql`select count(*)::int as total from care_events where person_id = ${account.personId}`,
  )) as unknown as [{ total: number }];
  const missing = BENCH_STATEMENT_LINE_COUNT - total;
  if (missing > 0) {
    await db.execute(sql`
      with added as (
        insert into care_events (person_id, line_reference, care_date, category, act_label, act_code, professional_name)
        select ${account.personId}, 'BENCH-' || gen_random_uuid(), current_date - (n * 10 % 1095),
               (array['medical-dental-care','medicine-vaccine','biology','imaging'])[1 + n % 4]::care_category,
               'Soin ' || n, 'G', 'Dr Anne Leroy (fictif)'
        from generate_series(1, ${missing}) as n
        returning id, care_date)
      insert into statement_lines (care_event_id, amount_paid_cents, reimbursement_base_cents, rate_percent, insurer_paid_cents,
                                   complementary_paid_cents, deductions_cents, payment_date, payee)
      select id, 3000, 3000, 70, 1900, 900, 200, care_date, 'insured' from added`);
  }
  return request;
}

/** The demo patient's agenda for the Agenda targets: a few years of appointments, some still to come, and reminders ahead. */
export const BENCH_APPOINTMENT_COUNT = 200;
const BENCH_UPCOMING_APPOINTMENT_COUNT = 40;
const BENCH_REMINDER_COUNT = 20;

/**
 * The demo patient signed in, with BENCH_APPOINTMENT_COUNT appointments of their own (one every
 * ten days or so, the last BENCH_UPCOMING_APPOINTMENT_COUNT ahead) and BENCH_REMINDER_COUNT
 * reminders over the coming weeks, besides what the seed gives them. Made once per database.
 */
export async function signInDemoPatientWithAgenda(context: SetupContext): Promise<BenchRequest> {
  const request = await signInDemoPatient(context);
  const db = getDb();
  const [account] = await db
    .select({ personId: accounts.personId })
    .from(accounts)
    .where(eq(accounts.identifier, DEMO_LOGIN.identifier))
    .limit(1);
  if (!account) throw new Error(`no account "${DEMO_LOGIN.identifier}"`);
  const [{ total }] = (await db.execute(
    sql`select count(*)::int as total from appointments where person_id = ${account.personId} and with_name like 'Bench %'`,
  )) as unknown as [{ total: number }];
  const missing = BENCH_APPOINTMENT_COUNT - total;
  if (missing > 0) {
    await db.execute(sql`
      insert into appointments (person_id, title, with_kind, with_name, starts_at, address, author_kind)
      select ${account.personId},
             (array['Contrôle annuel','Suivi tension','Bilan sanguin','Détartrage'])[1 + n % 4],
             (array['practitioner','establishment'])[1 + n % 2]::appointment_with_kind,
             'Bench ' || (array['Dr Sophie Bernard','CHU de Nantes','Dr Marc Lefebvre','Clinique du Val'])[1 + n % 4],
             date_trunc('day', now()) + ((n - ${BENCH_APPOINTMENT_COUNT - BENCH_UPCOMING_APPOINTMENT_COUNT}) * 10 || ' days')::interval + interval '9 hours',
             case when n % 3 = 0 then '12 rue de la Paix, Lyon' end,
             'patient'
      from generate_series(1, ${missing}) as n`);
    await db.execute(sql`
      insert into agenda_reminders (person_id, title, remind_on, slot)
      select ${account.personId}, 'Rappel ' || n, current_date + (n * 3), 1 + n % 2
      from generate_series(1, ${BENCH_REMINDER_COUNT}) as n
      on conflict do nothing`);
  }
  return request;
}

/** The size of the mailbox « Messagerie » is measured with (issue 11: 500 conversations for one person). */
export const BENCH_CONVERSATION_COUNT = 500;
/** The length of the conversation measured on its own (issue 11: 200 messages). */
export const BENCH_LONG_CONVERSATION_MESSAGES = 200;
/** A fixed id, so that the target's path is known before its setup makes the conversation. */
export const BENCH_LONG_CONVERSATION_ID = "00000000-0000-4000-8000-00000000b200";
export const BENCH_LONG_CONVERSATION_SUBJECT = "Suivi au long cours (mesure)";

/** The demo patient's person and the first demo professional (npm run db:seed imports them), who writes the bench's messages. */
async function demoPatientAndProfessional(): Promise<{ personId: string; professionalId: string; professionalName: string }> {
  const db = getDb();
  const [account] = await db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.identifier, DEMO_LOGIN.identifier)).limit(1);
  if (!account?.personId) throw new Error(`no account "${DEMO_LOGIN.identifier}"`);
  const demo = DEMO_PROFESSIONALS[0]!;
  const [professional] = await db.select().from(professionals).where(eq(professionals.rpps, demo.rpps)).limit(1);
  if (!professional) throw new Error(`no demo professional ${demo.rpps}: was the database seeded (npm run db:seed)?`);
  return { personId: account.personId, professionalId: professional.id, professionalName: professionalDisplayName(professional) };
}

/**
 * The demo patient signed in, with a mailbox of BENCH_CONVERSATION_COUNT conversations (the
 * welcome one and any other included), each opened by the demo doctor with one message, one in
 * ten still unread: the list page counts every conversation's unread messages. Made once per
 * database; later measurements find them there.
 */
export async function signInDemoPatientWithConversations(context: SetupContext): Promise<BenchRequest> {
  const request = await signInDemoPatient(context);
  const { personId, professionalId, professionalName } = await demoPatientAndProfessional();
  const db = getDb();
  const [{ total }] = (await db.execute(
    sql`select count(*)::int as total from conversations where person_id = ${personId}`,
  )) as unknown as [{ total: number }];
  const missing = BENCH_CONVERSATION_COUNT - total;
  if (missing > 0) {
    await db.execute(sql`
      with added as (
        insert into conversations (person_id, professional_id, subject, counterpart_name, last_message_at, created_at)
        select ${personId}, ${professionalId}, 'Échange ' || n || ' — suivi', ${professionalName},
               now() - (n || ' hours')::interval, now() - (n || ' hours')::interval
        from generate_series(1, ${missing}) as n
        returning id, created_at)
      insert into messages (conversation_id, person_id, sender_kind, sender_professional_id, sender_name, body, sent_at, read_at, read_by_professional_at)
      select id, ${personId}, 'professional', ${professionalId}, ${professionalName},
             'Bonjour, voici les informations évoquées lors de la consultation.', created_at,
             case when row_number() over (order by id) % 10 = 0 then null else created_at end, created_at
      from added`);
  }
  return request;
}

/**
 * The demo patient signed in, with one conversation of BENCH_LONG_CONVERSATION_MESSAGES messages,
 * the demo doctor and the patient in turn, all read: its page shows every message. Made once per
 * database under BENCH_LONG_CONVERSATION_ID.
 */
export async function signInDemoPatientWithLongConversation(context: SetupContext): Promise<BenchRequest> {
  const request = await signInDemoPatient(context);
  const { personId, professionalId, professionalName } = await demoPatientAndProfessional();
  const db = getDb();
  await db.execute(sql`
    insert into conversations (id, person_id, professional_id, subject, counterpart_name, last_message_at, created_at)
    values (${BENCH_LONG_CONVERSATION_ID}, ${personId}, ${professionalId}, ${BENCH_LONG_CONVERSATION_SUBJECT}, ${professionalName},
            now(), now() - interval '200 days')
    on conflict (id) do nothing`);
  const [{ total }] = (await db.execute(
    sql`select count(*)::int as total from messages where conversation_id = ${BENCH_LONG_CONVERSATION_ID}`,
  )) as unknown as [{ total: number }];
  const missing = BENCH_LONG_CONVERSATION_MESSAGES - total;
  if (missing > 0) {
    await db.execute(sql`
      insert into messages (conversation_id, person_id, sender_kind, sender_professional_id, sender_name, body, sent_at, read_at, read_by_professional_at)
      select ${BENCH_LONG_CONVERSATION_ID}, ${personId},
             (case when n % 2 = 1 then 'professional' else 'patient' end)::sender_kind,
             case when n % 2 = 1 then ${professionalId}::uuid end,
             case when n % 2 = 1 then ${professionalName} else 'Lucie' end,
             'Message ' || n || ' : ' || repeat('Bonjour, voici où en est le suivi. ', 4),
             now() - ((${BENCH_LONG_CONVERSATION_MESSAGES}::int - n) || ' hours')::interval,
             now() - ((${BENCH_LONG_CONVERSATION_MESSAGES}::int - n) || ' hours')::interval,
             now() - ((${BENCH_LONG_CONVERSATION_MESSAGES}::int - n) || ' hours')::interval
      from generate_series(${total + 1}::int, ${BENCH_LONG_CONVERSATION_MESSAGES}::int) as n`);
  }
  return request;
}
