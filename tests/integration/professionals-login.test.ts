import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountEvents, accounts, activityEvents, spaces } from "@/db/schema";
import { actorOf, professionalActorOf } from "@/lib/access/actor";
import { sendChallengeCode } from "@/lib/auth/challenges";
import { checkLoginPassword, verifyLoginCode } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password-hash";
import { createSession, extendSession, findLiveProfessionalSession, findLiveSession, logOut } from "@/lib/auth/sessions";
import { findPatientForProfessional, patientSearchLimits } from "@/lib/professionals/patient-search";
import { patientSearchSchema } from "@/lib/professionals/patient-search-schema";
import { TEST_PASSWORD, codeIn, createActiveAccount, createInsuredPerson, createProfessional, latestMessageTo, randomNir } from "@/tests/support/factories";

const CODE = /\b\d{6}\b/;
let addressCounter = 0;
const context = (now: Date) => ({ clientAddress: `203.0.113.${(addressCounter += 1) % 250}`, now });
const PRO = { kind: "professional" } as const;

/** A directory professional with a /pro login: identifier, TEST_PASSWORD, codes to their e-mail. */
async function createProfessionalLogin() {
  const { professional, account } = await createProfessional();
  const email = `${account.id}@pro.example.org`;
  const identifier = `dr.${account.id.slice(0, 8)}`;
  await getDb()
    .update(accounts)
    .set({ identifier, passwordHash: await hashPassword(TEST_PASSWORD), email })
    .where(eq(accounts.id, account.id));
  return { professional, accountId: account.id, identifier, password: TEST_PASSWORD, email };
}

async function codeFor(challengeToken: string, email: string, now: Date): Promise<string> {
  const sent = await sendChallengeCode(challengeToken, "login", "email", context(now));
  if (sent.status !== "sent") throw new Error(`code not sent: ${sent.status}`);
  return codeIn((await latestMessageTo(email))?.textBody, CODE);
}

describe("the /pro login: the patients' two steps, for professional accounts only", () => {
  it("opens a professional session with identifier, password and the one-time code; the session gives a ProfessionalActor", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-06-01T08:00:00Z");
    const opened = await checkLoginPassword(pro, context(now), PRO);
    if (opened.status !== "password-verified") throw new Error(opened.status);
    const code = await codeFor(opened.challengeToken, pro.email, now);
    const verified = await verifyLoginCode({ challengeToken: opened.challengeToken, code }, context(now), PRO);
    if (verified.status !== "verified") throw new Error(verified.status);

    const live = await findLiveProfessionalSession(getDb(), verified.sessionId, { now, touch: false });
    expect(live).not.toBeNull();
    const actor = professionalActorOf(live!);
    expect(actor).toMatchObject({
      account: { id: pro.accountId, kind: "professional" },
      session: { id: verified.sessionId },
      professional: { id: pro.professional.id, rpps: pro.professional.rpps, professionCode: "10", fullName: "Dr Anne Leroy", professionDescription: "Médecin, Médecine générale" },
    });
    // The same session never opens a patient's space.
    expect(await findLiveSession(getDb(), verified.sessionId, { now, touch: false })).toBeNull();
  });

  it("answers a patient's identifier on /pro, and a professional's on /connexion, as an unknown one", async () => {
    const patient = await createActiveAccount();
    const pro = await createProfessionalLogin();
    const now = new Date("2026-06-01T08:00:00Z");
    const unknown = await checkLoginPassword({ identifier: "personne.inconnue.pro", password: TEST_PASSWORD }, context(now), PRO);
    expect(unknown.status).toBe("invalid-credentials");
    expect(await checkLoginPassword(patient, context(now), PRO)).toEqual(unknown);
    expect(await checkLoginPassword(pro, context(now))).toEqual(unknown);
    // Neither account counted a failure: the wrong page never reached it.
    for (const accountId of [patient.accountId, pro.accountId]) {
      const [row] = await getDb().select().from(accounts).where(eq(accounts.id, accountId));
      expect(row?.consecutiveFailures).toBe(0);
    }
  });

  it("never lets a code of one page's attempt open a session from the other page", async () => {
    const pro = await createProfessionalLogin();
    const patient = await createActiveAccount();
    const now = new Date("2026-06-01T08:00:00Z");
    const proAttempt = await checkLoginPassword(pro, context(now), PRO);
    const patientAttempt = await checkLoginPassword(patient, context(now));
    if (proAttempt.status !== "password-verified" || patientAttempt.status !== "password-verified") throw new Error("password refused");
    const proCode = await codeFor(proAttempt.challengeToken, pro.email, now);
    const patientCode = await codeFor(patientAttempt.challengeToken, patient.email!, now);
    expect(await verifyLoginCode({ challengeToken: proAttempt.challengeToken, code: proCode }, context(now))).toEqual({ status: "attempt-expired" });
    expect(await verifyLoginCode({ challengeToken: patientAttempt.challengeToken, code: patientCode }, context(now), PRO)).toEqual({
      status: "attempt-expired",
    });
  });

  it("locks a professional account after ten failures, with the patients' schedule", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-06-01T08:00:00Z");
    const answers = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      answers.push(await checkLoginPassword({ identifier: pro.identifier, password: "Mauvais-Mot-2-Passe" }, context(now), PRO));
    }
    expect(answers[8]).toEqual({ status: "invalid-credentials", failuresLeftBeforeLock: 1 });
    expect(answers[9]).toMatchObject({ status: "locked" });
    // Even the right password is refused while the lock lasts.
    expect(await checkLoginPassword(pro, context(now), PRO)).toMatchObject({ status: "locked" });
    // The owner is told on their contact on file.
    expect((await latestMessageTo(pro.email))?.template).toBe("account-locked");
  });

  it("refuses a professional without a password (Pro Santé Connect only) as a wrong password", async () => {
    const { account } = await createProfessional();
    const now = new Date("2026-06-01T08:00:00Z");
    expect(await checkLoginPassword({ identifier: account.identifier, password: TEST_PASSWORD }, context(now), PRO)).toMatchObject({
      status: "invalid-credentials",
    });
  });

  it("keeps a patient's session out of /pro: findLiveProfessionalSession finds none", async () => {
    const patient = await createActiveAccount();
    const now = new Date();
    const sessionId = await createSession(getDb(), { accountId: patient.accountId, now });
    expect(await findLiveSession(getDb(), sessionId, { now, touch: false })).not.toBeNull();
    expect(await findLiveProfessionalSession(getDb(), sessionId, { now, touch: false })).toBeNull();
  });

  it("ends a professional session at logout, and after 15 idle minutes", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-06-01T08:00:00Z");
    const first = await createSession(getDb(), { accountId: pro.accountId, now });
    await logOut(first, now);
    expect(await findLiveProfessionalSession(getDb(), first, { now, touch: false })).toBeNull();
    const second = await createSession(getDb(), { accountId: pro.accountId, now });
    expect(await findLiveProfessionalSession(getDb(), second, { now: new Date(now.getTime() + 14 * 60_000), touch: false })).not.toBeNull();
    expect(await findLiveProfessionalSession(getDb(), second, { now: new Date(now.getTime() + 15 * 60_000), touch: true })).toBeNull();
  });

  it("« Rester connecté » on /pro extends a professional session, and only with the professional kind", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-06-02T08:00:00Z");
    const sessionId = await createSession(getDb(), { accountId: pro.accountId, now });
    const later = new Date(now.getTime() + 14 * 60_000);
    // The patient space's kind finds no patient session here, so extends nothing.
    expect(await extendSession(getDb(), sessionId, later)).toBeNull();
    expect(await extendSession(getDb(), sessionId, later, { kind: "professional" })).toMatchObject({ lastActiveAt: later });
    expect(await findLiveProfessionalSession(getDb(), sessionId, { now: new Date(now.getTime() + 28 * 60_000), touch: false })).not.toBeNull();
  });
});

describe("a professional account's own history", () => {
  async function eventsOf(accountId: string) {
    return getDb().select().from(accountEvents).where(eq(accountEvents.accountId, accountId)).orderBy(asc(accountEvents.at), asc(accountEvents.action));
  }

  it("records refused passwords and codes, the login, the code sent and the logout, in no patient's history", async () => {
    const pro = await createProfessionalLogin();
    const start = new Date("2026-06-01T08:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    await checkLoginPassword({ identifier: pro.identifier, password: "Mauvais-Mot-2-Passe" }, context(at(0)), PRO);
    const opened = await checkLoginPassword(pro, context(at(1)), PRO);
    if (opened.status !== "password-verified") throw new Error(opened.status);
    const code = await codeFor(opened.challengeToken, pro.email, at(2));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    await verifyLoginCode({ challengeToken: opened.challengeToken, code: wrong }, context(at(3)), PRO);
    const verified = await verifyLoginCode({ challengeToken: opened.challengeToken, code }, context(at(4)), PRO);
    if (verified.status !== "verified") throw new Error(verified.status);
    await logOut(verified.sessionId, at(5));

    expect((await eventsOf(pro.accountId)).map(({ action, targetType }) => [action, targetType])).toEqual([
      ["auth.password-refused", null],
      ["auth.login-code-sent", "auth_challenge"],
      ["auth.code-refused", "auth_challenge"],
      ["auth.login-succeeded", "session"],
      ["auth.logged-out", "session"],
    ]);
    const patientHistory = await getDb().select().from(activityEvents).where(eq(activityEvents.actorAccountId, pro.accountId));
    expect(patientHistory).toEqual([]);
  });

  it("records the end of an idle session", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-06-01T08:00:00Z");
    const sessionId = await createSession(getDb(), { accountId: pro.accountId, now });
    expect(await findLiveProfessionalSession(getDb(), sessionId, { now: new Date(now.getTime() + 16 * 60_000), touch: true })).toBeNull();
    expect((await eventsOf(pro.accountId)).map((event) => event.action)).toEqual(["auth.session-expired"]);
  });

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const pro = await createProfessionalLogin();
    await logOut(await createSession(getDb(), { accountId: pro.accountId, now: new Date() }), new Date());
    const refusal = (statement: Promise<unknown>) =>
      statement.then(
        () => "accepted",
        (error: unknown) => String((error as { cause?: unknown }).cause ?? error),
      );
    expect(await refusal(getDb().execute(sql`update account_events set action = 'x' where account_id = ${pro.accountId}`))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(getDb().execute(sql`delete from account_events where account_id = ${pro.accountId}`))).toMatch(/append-only: DELETE refused/);
    expect(await refusal(getDb().execute(sql`truncate account_events`))).toMatch(/append-only: TRUNCATE refused/);
    expect(await eventsOf(pro.accountId)).toHaveLength(1);
  });
});

describe("finding a patient from /pro", () => {
  const searchFor = (person: { nir: string; birthDate: string }) => patientSearchSchema.parse({ nir: person.nir, birthDate: person.birthDate });

  it("finds an active space by NIR and birth date, typed with spaces and as JJ/MM/AAAA", async () => {
    const { actor } = await createProfessional();
    const patient = await createActiveAccount();
    const [year, month, day] = patient.person.birthDate.split("-");
    const typed = patientSearchSchema.parse({ nir: ` ${patient.person.nir.slice(0, 1)} ${patient.person.nir.slice(1)} `, birthDate: `${day}/${month}/${year}` });
    expect(await findPatientForProfessional({ actor, search: typed }, context(new Date()))).toEqual({ status: "found", personId: patient.person.id });
  });

  it("answers a wrong birth date, a pending or an opposed space and an unknown NIR alike", async () => {
    const { actor } = await createProfessional();
    const patient = await createActiveAccount();
    const pending = await createInsuredPerson();
    const opposed = await createInsuredPerson();
    await getDb().update(spaces).set({ status: "opposed" }).where(eq(spaces.personId, opposed.id));
    const unknownNir = randomNir();
    const searches = [
      { nir: patient.person.nir, birthDate: "1901-01-01" },
      pending,
      opposed,
      { nir: unknownNir, birthDate: `19${unknownNir.slice(1, 3)}-${unknownNir.slice(3, 5)}-15` },
    ];
    for (const search of searches) {
      expect(await findPatientForProfessional({ actor, search: searchFor(search) }, context(new Date()))).toEqual({ status: "not-found" });
    }
  });

  it("is rate-limited per professional", async () => {
    const { actor } = await createProfessional();
    const patient = await createActiveAccount();
    const now = new Date();
    const search = searchFor({ nir: patient.person.nir, birthDate: "1901-01-01" });
    for (let attempt = 0; attempt < patientSearchLimits.perProfessional.limit; attempt++) {
      expect((await findPatientForProfessional({ actor, search }, context(now))).status).toBe("not-found");
    }
    const refused = await findPatientForProfessional({ actor, search: searchFor(patient.person) }, context(now));
    expect(refused.status).toBe("rate-limited");
  });

  it("refuses a NIR whose key is wrong and a date that does not exist, with French messages", () => {
    const result = patientSearchSchema.safeParse({ nir: "284057511502367", birthDate: "31/02/1984" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message);
    expect(messages).toEqual([
      "Ce numéro de sécurité sociale n'est pas valide : 15 caractères, 13 chiffres et la clé de 2 chiffres.",
      "La date de naissance doit être une date réelle au format JJ/MM/AAAA.",
    ]);
  });

  it("a patient's actor is never a professional's: actorOf needs a patient session", async () => {
    const patient = await createActiveAccount();
    const now = new Date();
    const sessionId = await createSession(getDb(), { accountId: patient.accountId, now });
    const live = await findLiveSession(getDb(), sessionId, { now, touch: false });
    expect(actorOf(live!).account.kind).toBe("patient");
  });
});
