import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accounts, sessions } from "@/db/schema";
import { findChallengeContacts, sendChallengeCode } from "@/lib/auth/challenges";
import { checkLoginPassword } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password-hash";
import {
  completePasswordReset,
  isPasswordResetVerified,
  sendIdentifierReminder,
  startPasswordReset,
  verifyPasswordResetCode,
} from "@/lib/auth/recovery";
import { createSession, findLiveSession } from "@/lib/auth/sessions";
import { codeIn, createActiveAccount, createInsuredPerson, latestMessageTo, messagesTo, randomNir } from "@/tests/support/factories";

const CODE = /\b\d{6}\b/;
const NEW_PASSWORD = "Glycine-Bleue-2031";
let addressCounter = 0;
const context = (now: Date, clientAddress = `198.51.100.${(addressCounter += 1) % 250}`) => ({ clientAddress, now });
const identityOf = (person: { nir: string; birthDate: string; vitaleSerial: string }) => ({
  nir: person.nir,
  birthDate: person.birthDate,
  vitaleSerial: person.vitaleSerial,
});

describe("Identifiant oublié ?", () => {
  it("sends the identifier to the e-mail on file, and answers the same whether the person has an account or not", async () => {
    const account = await createActiveAccount();
    const withoutAccount = await createInsuredPerson();
    const now = new Date("2026-07-01T08:00:00Z");

    const known = await sendIdentifierReminder(identityOf(account.person), context(now));
    const wrongSerial = await sendIdentifierReminder({ ...identityOf(account.person), vitaleSerial: "00000000000" }, context(now));
    const noAccount = await sendIdentifierReminder(identityOf(withoutAccount), context(now));
    const unknownNir = await sendIdentifierReminder({ ...identityOf(account.person), nir: randomNir() }, context(now));
    expect(known).toEqual({ status: "done" });
    expect(wrongSerial).toEqual(known);
    expect(noAccount).toEqual(known);
    expect(unknownNir).toEqual(known);

    const messages = await messagesTo(account.email!);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.template).toBe("identifier-reminder");
    expect(messages[0]?.textBody).toContain(account.identifier);
    expect(await messagesTo(withoutAccount.email!)).toHaveLength(0);
  });

  it("sends it by SMS when the account has no e-mail", async () => {
    const account = await createActiveAccount({ email: null });
    await sendIdentifierReminder(identityOf(account.person), context(new Date()));
    expect((await latestMessageTo(account.mobile!))?.textBody).toContain(account.identifier);
  });

  it("limits requests per NIR, whether it exists or not, with the same answer", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-07-01T09:00:00Z");
    const statuses = async (identity: { nir: string; birthDate: string; vitaleSerial: string }) => {
      const answers = [];
      for (let attempt = 0; attempt < 6; attempt += 1) answers.push((await sendIdentifierReminder(identity, context(now))).status);
      return answers;
    };
    const known = await statuses(identityOf(account.person));
    const unknown = await statuses({ nir: randomNir(), birthDate: "1980-01-01", vitaleSerial: "12345678901" });
    expect(known).toEqual(["done", "done", "done", "done", "done", "rate-limited"]);
    expect(unknown).toEqual(known);
  });
});

describe("Mot de passe oublié ?", () => {
  async function resetUntilVerified(account: Awaited<ReturnType<typeof createActiveAccount>>, now: Date) {
    const started = await startPasswordReset(identityOf(account.person), context(now));
    if (started.status !== "identified") throw new Error(`not identified: ${started.status}`);
    const token = started.challengeToken;
    expect((await sendChallengeCode(token, "password-reset", "email", context(now))).status).toBe("sent");
    const message = await latestMessageTo(account.email!);
    expect(message?.template).toBe("password-reset-code");
    const code = codeIn(message?.textBody, CODE);
    expect(await verifyPasswordResetCode({ challengeToken: token, code }, context(now))).toEqual({ status: "verified" });
    return token;
  }

  it("changes the password after NIR, birth date, Vitale serial and a code; revokes every session; sends a notice", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-07-02T08:00:00Z");
    const sessionIds = await Promise.all([1, 2].map(() => createSession(getDb(), { accountId: account.accountId, now })));
    const token = await resetUntilVerified(account, now);
    expect(await isPasswordResetVerified(token, now)).toBe(true);

    expect(await completePasswordReset({ challengeToken: token, password: NEW_PASSWORD }, { now })).toEqual({ status: "changed" });
    const [row] = await getDb().select().from(accounts).where(eq(accounts.personId, account.person.id));
    expect(await verifyPassword(row!.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row!.passwordHash!, account.password)).toBe(false);
    expect(row?.passwordChangedAt).toEqual(now);

    for (const sessionId of sessionIds) expect(await findLiveSession(getDb(), sessionId, { now, touch: true })).toBeNull();
    const revoked = await getDb().select().from(sessions).where(eq(sessions.accountId, account.accountId));
    expect(revoked.map((session) => session.revokedReason)).toEqual(["password-change", "password-change"]);

    const notice = await latestMessageTo(account.email!);
    expect(notice?.template).toBe("password-changed");
    expect(notice?.textBody).toContain("déconnecté de tous vos appareils");

    expect((await checkLoginPassword({ identifier: account.identifier, password: NEW_PASSWORD }, context(now))).status).toBe("password-verified");
    // The reset is used up.
    expect(await completePasswordReset({ challengeToken: token, password: "Autre-Chose-77" }, { now })).toEqual({ status: "attempt-expired" });
  });

  it("ends the login attempts begun with the old password", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-07-02T09:00:00Z");
    const login = await checkLoginPassword(account, context(now));
    if (login.status !== "password-verified") throw new Error("login refused");
    const token = await resetUntilVerified(account, now);
    await completePasswordReset({ challengeToken: token, password: NEW_PASSWORD }, { now });
    expect(await findChallengeContacts(login.challengeToken, "login", now)).toBeNull();
  });

  it("applies the activation rules to the new password", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-07-02T10:00:00Z");
    const token = await resetUntilVerified(account, now);
    const weak = await completePasswordReset({ challengeToken: token, password: "court" }, { now });
    expect(weak.status).toBe("invalid");
    const withIdentifier = await completePasswordReset({ challengeToken: token, password: `${account.identifier}-X1!` }, { now });
    expect(withIdentifier.status === "invalid" && withIdentifier.fieldErrors.password).toContain(
      "Le mot de passe ne doit pas contenir votre identifiant.",
    );
    const common = await completePasswordReset({ challengeToken: token, password: "Azerty123!" }, { now });
    expect(common.status).toBe("invalid");
    // Still usable after refusals.
    expect((await completePasswordReset({ challengeToken: token, password: NEW_PASSWORD }, { now })).status).toBe("changed");
  });

  it("asks for the code before the new password, and five wrong codes end the reset", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-07-02T11:00:00Z");
    const started = await startPasswordReset(identityOf(account.person), context(now));
    if (started.status !== "identified") throw new Error("not identified");
    const token = started.challengeToken;
    expect(await completePasswordReset({ challengeToken: token, password: NEW_PASSWORD }, { now })).toEqual({ status: "attempt-expired" });
    expect(await verifyPasswordResetCode({ challengeToken: token, code: "123456" }, context(now))).toEqual({ status: "code-expired" });

    await sendChallengeCode(token, "password-reset", "sms", context(now));
    const code = codeIn((await latestMessageTo(account.mobile!))?.textBody, CODE);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      statuses.push((await verifyPasswordResetCode({ challengeToken: token, code: wrong }, context(now))).status);
    }
    expect(statuses).toEqual(["wrong-code", "wrong-code", "wrong-code", "wrong-code", "attempt-expired"]);
    expect(await verifyPasswordResetCode({ challengeToken: token, code }, context(now))).toEqual({ status: "attempt-expired" });
  });

  it("does not lift a lock", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-07-02T12:00:00Z");
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await checkLoginPassword({ identifier: account.identifier, password: "Mauvais-Mot-2-Passe" }, context(now));
    }
    const token = await resetUntilVerified(account, now);
    await completePasswordReset({ challengeToken: token, password: NEW_PASSWORD }, { now });
    const lockedUntil = new Date(now.getTime() + 15 * 60_000);
    expect(await checkLoginPassword({ identifier: account.identifier, password: NEW_PASSWORD }, context(now))).toEqual({
      status: "locked",
      lockedUntil,
    });
    expect((await checkLoginPassword({ identifier: account.identifier, password: NEW_PASSWORD }, context(lockedUntil))).status).toBe(
      "password-verified",
    );
  });

  it("refuses details that match no active account, without saying which detail", async () => {
    const account = await createActiveAccount();
    const withoutAccount = await createInsuredPerson();
    const now = new Date("2026-07-02T13:00:00Z");
    expect(await startPasswordReset({ ...identityOf(account.person), birthDate: "1901-01-01" }, context(now))).toEqual({ status: "not-matched" });
    expect(await startPasswordReset(identityOf(withoutAccount), context(now))).toEqual({ status: "not-matched" });
  });
});
