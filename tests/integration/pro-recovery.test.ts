import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountEvents, accounts, sessions } from "@/db/schema";
import { findChallengeContacts, sendChallengeCode } from "@/lib/auth/challenges";
import { checkLoginPassword } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password-hash";
import {
  PATIENT_RECOVERY,
  PROFESSIONAL_RECOVERY,
  completePasswordReset,
  isPasswordResetVerified,
  sendIdentifierReminder,
  startPasswordReset,
  verifyPasswordResetCode,
} from "@/lib/auth/recovery";
import { professionalIdentifierReminderSchema, professionalPasswordResetSchema } from "@/lib/auth/schemas";
import { hashPassword } from "@/lib/auth/password-hash";
import { createSession, findLiveProfessionalSession } from "@/lib/auth/sessions";
import { TEST_PASSWORD, codeIn, createActiveAccount, createProfessional, latestMessageTo, messagesTo, randomRpps } from "@/tests/support/factories";

/**
 * /pro « Identifiant oublié ? » and « Mot de passe oublié ? »: the patients' recovery
 * (auth-recovery.test.ts), for professional accounts only, proved by identifier and RPPS.
 */

const CODE = /\b\d{6}\b/;
const NEW_PASSWORD = "Glycine-Bleue-2031";
const PRO = { kind: "professional" } as const;
let addressCounter = 0;
const context = (now: Date) => ({ clientAddress: `192.0.2.${(addressCounter += 1) % 250}`, now });

/** A directory professional with a /pro login: identifier, TEST_PASSWORD, codes to their e-mail and mobile. */
async function createProfessionalLogin({ email = true }: { email?: boolean } = {}) {
  const { professional, account } = await createProfessional();
  const identifier = `dr.${account.id.slice(0, 8)}`;
  const contacts = { email: email ? `${account.id}@pro.example.org` : null, mobile: `+3361${account.id.replace(/\D/g, "").padEnd(7, "0").slice(0, 7)}` };
  await getDb()
    .update(accounts)
    .set({ identifier, passwordHash: await hashPassword(TEST_PASSWORD), ...contacts })
    .where(eq(accounts.id, account.id));
  return { professional, accountId: account.id, identifier, password: TEST_PASSWORD, rpps: professional.rpps, ...contacts };
}

type ProLogin = Awaited<ReturnType<typeof createProfessionalLogin>>;

async function resetUntilVerified(pro: ProLogin, now: Date): Promise<string> {
  const started = await startPasswordReset({ identifier: pro.identifier, rpps: pro.rpps }, context(now), PROFESSIONAL_RECOVERY);
  if (started.status !== "identified") throw new Error(`not identified: ${started.status}`);
  const token = started.challengeToken;
  expect((await sendChallengeCode(token, "password-reset", "email", context(now), "professional")).status).toBe("sent");
  const message = await latestMessageTo(pro.email!);
  expect(message?.template).toBe("password-reset-code");
  const code = codeIn(message?.textBody, CODE);
  expect(await verifyPasswordResetCode({ challengeToken: token, code }, context(now), PROFESSIONAL_RECOVERY)).toEqual({ status: "verified" });
  return token;
}

describe("/pro « Identifiant oublié ? »", () => {
  it("sends the identifier to the professional's e-mail on file, and answers the same for any other RPPS", async () => {
    const pro = await createProfessionalLogin();
    const patient = await createActiveAccount();
    const withoutAccount = randomRpps();
    const now = new Date("2026-07-01T08:00:00Z");

    const known = await sendIdentifierReminder({ rpps: pro.rpps }, context(now), PROFESSIONAL_RECOVERY);
    expect(known).toEqual({ status: "done" });
    expect(await sendIdentifierReminder({ rpps: withoutAccount }, context(now), PROFESSIONAL_RECOVERY)).toEqual(known);

    const messages = await messagesTo(pro.email!);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.template).toBe("identifier-reminder");
    expect(messages[0]?.textBody).toContain(pro.identifier);
    // The patients' form with a patient's details never reaches a professional, nor the reverse.
    expect(await messagesTo(patient.email!)).toHaveLength(0);
  });

  it("sends it by SMS when the account has no e-mail", async () => {
    const pro = await createProfessionalLogin({ email: false });
    await sendIdentifierReminder({ rpps: pro.rpps }, context(new Date()), PROFESSIONAL_RECOVERY);
    expect((await latestMessageTo(pro.mobile))?.textBody).toContain(pro.identifier);
  });

  it("limits requests per RPPS, whether it has an account or not, with the same answer", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-07-01T09:00:00Z");
    const statuses = async (rpps: string) => {
      const answers = [];
      for (let attempt = 0; attempt < 6; attempt += 1) answers.push((await sendIdentifierReminder({ rpps }, context(now), PROFESSIONAL_RECOVERY)).status);
      return answers;
    };
    const known = await statuses(pro.rpps);
    expect(known).toEqual(["done", "done", "done", "done", "done", "rate-limited"]);
    expect(await statuses(randomRpps())).toEqual(known);
  });

  it("checks the RPPS as the directory does", () => {
    expect(professionalIdentifierReminderSchema.safeParse({ rpps: "" }).success).toBe(false);
    expect(professionalIdentifierReminderSchema.safeParse({ rpps: "1234" }).success).toBe(false);
    const rpps = randomRpps();
    const wrongCheckDigit = `${rpps.slice(0, 10)}${(Number(rpps[10]) + 1) % 10}`;
    expect(professionalIdentifierReminderSchema.safeParse({ rpps: wrongCheckDigit }).success).toBe(false);
    expect(professionalIdentifierReminderSchema.safeParse({ rpps: `${rpps.slice(0, 5)} ${rpps.slice(5)}` }).data).toEqual({ rpps });
    expect(professionalPasswordResetSchema.safeParse({ identifier: "", rpps }).success).toBe(false);
  });
});

describe("/pro « Mot de passe oublié ? »", () => {
  it("changes the password after identifier, RPPS and a code; revokes every session; sends a notice; records the events", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-07-02T08:00:00Z");
    const sessionIds = await Promise.all([1, 2].map(() => createSession(getDb(), { accountId: pro.accountId, now })));
    const token = await resetUntilVerified(pro, now);
    expect(await isPasswordResetVerified(token, now, PROFESSIONAL_RECOVERY)).toBe(true);

    expect(await completePasswordReset({ challengeToken: token, password: NEW_PASSWORD }, { now }, PROFESSIONAL_RECOVERY)).toEqual({
      status: "changed",
    });
    const [row] = await getDb().select().from(accounts).where(eq(accounts.id, pro.accountId));
    expect(await verifyPassword(row!.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(row?.passwordChangedAt).toEqual(now);

    for (const sessionId of sessionIds) expect(await findLiveProfessionalSession(getDb(), sessionId, { now, touch: true })).toBeNull();
    const revoked = await getDb().select().from(sessions).where(eq(sessions.accountId, pro.accountId));
    expect(revoked.map((session) => session.revokedReason)).toEqual(["password-change", "password-change"]);

    const notice = await latestMessageTo(pro.email!);
    expect(notice?.template).toBe("password-changed");
    expect(notice?.textBody).toContain("déconnecté de tous vos appareils");

    // The events go to the professional's account history, as their login's do.
    const events = await getDb().select().from(accountEvents).where(eq(accountEvents.accountId, pro.accountId)).orderBy(asc(accountEvents.at));
    expect(events.map((event) => event.action)).toEqual(["auth.reset-code-sent", "auth.password-reset"]);

    expect((await checkLoginPassword({ identifier: pro.identifier, password: NEW_PASSWORD }, context(now), PRO)).status).toBe("password-verified");
    expect(
      await completePasswordReset({ challengeToken: token, password: "Autre-Chose-77" }, { now }, PROFESSIONAL_RECOVERY),
    ).toEqual({ status: "attempt-expired" });
  });

  it("refuses details that match no professional account, with one answer whatever differed", async () => {
    const pro = await createProfessionalLogin();
    const other = await createProfessionalLogin();
    const patient = await createActiveAccount();
    const now = new Date("2026-07-02T09:00:00Z");
    const misses = [
      { identifier: pro.identifier, rpps: randomRpps() },
      { identifier: "personne.inconnue", rpps: pro.rpps },
      { identifier: other.identifier, rpps: pro.rpps },
      // A patient's identifier is unknown on /pro, whatever RPPS goes with it.
      { identifier: patient.identifier, rpps: pro.rpps },
    ];
    for (const proof of misses) {
      expect(await startPasswordReset(proof, context(now), PROFESSIONAL_RECOVERY)).toEqual({ status: "not-matched" });
    }
    // Identifiers are typed in any case, as on the login page.
    expect((await startPasswordReset({ identifier: ` ${pro.identifier.toUpperCase()} `, rpps: pro.rpps }, context(now), PROFESSIONAL_RECOVERY)).status).toBe(
      "identified",
    );
  });

  it("gives no password to an account only Pro Santé Connect opens", async () => {
    const { professional, account } = await createProfessional();
    await getDb().update(accounts).set({ email: `${account.id}@pro.example.org` }).where(eq(accounts.id, account.id));
    const now = new Date("2026-07-02T09:30:00Z");
    expect(await startPasswordReset({ identifier: account.identifier, rpps: professional.rpps }, context(now), PROFESSIONAL_RECOVERY)).toEqual({
      status: "not-matched",
    });
    await sendIdentifierReminder({ rpps: professional.rpps }, context(now), PROFESSIONAL_RECOVERY);
    expect(await messagesTo(`${account.id}@pro.example.org`)).toHaveLength(0);
  });

  it("never lets a reset begun on one portal go on from the other", async () => {
    const pro = await createProfessionalLogin();
    const patient = await createActiveAccount();
    const now = new Date("2026-07-02T10:00:00Z");
    const patientReset = await startPasswordReset(
      { nir: patient.person.nir, birthDate: patient.person.birthDate, vitaleSerial: patient.person.vitaleSerial },
      context(now),
    );
    const proReset = await startPasswordReset({ identifier: pro.identifier, rpps: pro.rpps }, context(now), PROFESSIONAL_RECOVERY);
    if (patientReset.status !== "identified" || proReset.status !== "identified") throw new Error("not identified");

    // The patient's attempt on /pro's pages and actions: no attempt at all.
    expect(await findChallengeContacts(patientReset.challengeToken, "password-reset", now, "professional")).toBeNull();
    expect(await sendChallengeCode(patientReset.challengeToken, "password-reset", "email", context(now), "professional")).toEqual({
      status: "attempt-expired",
    });
    expect(await messagesTo(patient.email!)).toHaveLength(0);
    // And the reverse.
    expect(await findChallengeContacts(proReset.challengeToken, "password-reset", now, "patient")).toBeNull();
    expect(await sendChallengeCode(proReset.challengeToken, "password-reset", "email", context(now), "patient")).toEqual({
      status: "attempt-expired",
    });

    // Even verified on its own portal, neither changes a password from the other.
    await sendChallengeCode(patientReset.challengeToken, "password-reset", "email", context(now), "patient");
    const patientCode = codeIn((await latestMessageTo(patient.email!))?.textBody, CODE);
    expect(await verifyPasswordResetCode({ challengeToken: patientReset.challengeToken, code: patientCode }, context(now), PROFESSIONAL_RECOVERY)).toEqual({
      status: "attempt-expired",
    });
    expect(await verifyPasswordResetCode({ challengeToken: patientReset.challengeToken, code: patientCode }, context(now), PATIENT_RECOVERY)).toEqual({
      status: "verified",
    });
    expect(await isPasswordResetVerified(patientReset.challengeToken, now, PROFESSIONAL_RECOVERY)).toBe(false);
    expect(await completePasswordReset({ challengeToken: patientReset.challengeToken, password: NEW_PASSWORD }, { now }, PROFESSIONAL_RECOVERY)).toEqual({
      status: "attempt-expired",
    });

    const proToken = await (async () => {
      await sendChallengeCode(proReset.challengeToken, "password-reset", "email", context(now), "professional");
      const code = codeIn((await latestMessageTo(pro.email!))?.textBody, CODE);
      expect(await verifyPasswordResetCode({ challengeToken: proReset.challengeToken, code }, context(now), PATIENT_RECOVERY)).toEqual({
        status: "attempt-expired",
      });
      expect(await verifyPasswordResetCode({ challengeToken: proReset.challengeToken, code }, context(now), PROFESSIONAL_RECOVERY)).toEqual({
        status: "verified",
      });
      return proReset.challengeToken;
    })();
    expect(await completePasswordReset({ challengeToken: proToken, password: NEW_PASSWORD }, { now })).toEqual({ status: "attempt-expired" });

    for (const { accountId, password } of [patient, pro]) {
      const [row] = await getDb().select().from(accounts).where(eq(accounts.id, accountId));
      expect(await verifyPassword(row!.passwordHash!, password)).toBe(true);
    }
  });

  it("applies the activation rules, with the professional's own names, to the new password", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-07-02T11:00:00Z");
    const token = await resetUntilVerified(pro, now);
    const withName = await completePasswordReset({ challengeToken: token, password: "Docteur-Leroy-2031" }, { now }, PROFESSIONAL_RECOVERY);
    expect(withName.status === "invalid" && withName.fieldErrors.password).toContain("Le mot de passe ne doit pas contenir votre nom ou votre prénom.");
    const withIdentifier = await completePasswordReset({ challengeToken: token, password: `${pro.identifier}-X1!` }, { now }, PROFESSIONAL_RECOVERY);
    expect(withIdentifier.status === "invalid" && withIdentifier.fieldErrors.password).toContain("Le mot de passe ne doit pas contenir votre identifiant.");
    expect((await completePasswordReset({ challengeToken: token, password: NEW_PASSWORD }, { now }, PROFESSIONAL_RECOVERY)).status).toBe("changed");
  });

  it("asks for the code before the new password, and five wrong codes end the reset", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-07-02T12:00:00Z");
    const started = await startPasswordReset({ identifier: pro.identifier, rpps: pro.rpps }, context(now), PROFESSIONAL_RECOVERY);
    if (started.status !== "identified") throw new Error("not identified");
    const token = started.challengeToken;
    expect(await completePasswordReset({ challengeToken: token, password: NEW_PASSWORD }, { now }, PROFESSIONAL_RECOVERY)).toEqual({
      status: "attempt-expired",
    });
    expect(await verifyPasswordResetCode({ challengeToken: token, code: "123456" }, context(now), PROFESSIONAL_RECOVERY)).toEqual({ status: "code-expired" });

    await sendChallengeCode(token, "password-reset", "sms", context(now), "professional");
    const code = codeIn((await latestMessageTo(pro.mobile))?.textBody, CODE);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      statuses.push((await verifyPasswordResetCode({ challengeToken: token, code: wrong }, context(now), PROFESSIONAL_RECOVERY)).status);
    }
    expect(statuses).toEqual(["wrong-code", "wrong-code", "wrong-code", "wrong-code", "attempt-expired"]);
    expect(await verifyPasswordResetCode({ challengeToken: token, code }, context(now), PROFESSIONAL_RECOVERY)).toEqual({ status: "attempt-expired" });
  });

  it("does not lift a lock", async () => {
    const pro = await createProfessionalLogin();
    const now = new Date("2026-07-02T13:00:00Z");
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await checkLoginPassword({ identifier: pro.identifier, password: "Mauvais-Mot-2-Passe" }, context(now), PRO);
    }
    const token = await resetUntilVerified(pro, now);
    await completePasswordReset({ challengeToken: token, password: NEW_PASSWORD }, { now }, PROFESSIONAL_RECOVERY);
    expect((await checkLoginPassword({ identifier: pro.identifier, password: NEW_PASSWORD }, context(now), PRO)).status).toBe("locked");
  });
});
