import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accounts, conversations, enrolmentFlows, insuredPersons, messages, oppositions, spaces } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password-hash";
import {
  acceptTerms,
  confirmContactChange,
  confirmContacts,
  createAccount,
  findActivationState,
  requestContactChange,
} from "@/lib/enrolment/activation";
import { opposeSpaceCreation, renderReceiptForFlow } from "@/lib/enrolment/opposition";
import { identifyForCodeRequest, sendRequestedCode } from "@/lib/enrolment/request-code";
import { verifyProvisionalCode } from "@/lib/enrolment/verify-code";
import { codeIn, createInsuredPerson, latestMessageTo, messagesTo } from "@/tests/support/factories";
import { extractPdfText } from "@/tests/support/pdf-text";

const context = () => ({ clientAddress: "192.0.2.10", now: new Date() });
const strongPassword = "Tournesol#Vert42";

/** A person who proved their identity with a provisional code: the start of both decisions. */
async function verifiedFlow(overrides: Parameters<typeof createInsuredPerson>[0] = {}) {
  const person = await createInsuredPerson(overrides);
  const identified = await identifyForCodeRequest(person, context());
  if (identified.status !== "identified") throw new Error("not identified");
  const channel = person.email ? "email" : "sms";
  await sendRequestedCode(identified.flowToken, channel, context());
  const code = codeIn((await latestMessageTo((person.email ?? person.mobile)!))?.textBody);
  const verified = await verifyProvisionalCode({ flowToken: identified.flowToken, code }, context());
  if (verified.status !== "verified") throw new Error("not verified");
  return { person, token: verified.flowToken };
}

async function spaceOf(personId: string) {
  const [space] = await getDb().select().from(spaces).where(eq(spaces.personId, personId));
  return space!;
}

async function readyForCredentials(overrides: Parameters<typeof createInsuredPerson>[0] = {}) {
  const flow = await verifiedFlow(overrides);
  expect(await acceptTerms(flow.token, new Date())).toEqual({ status: "done" });
  expect(await confirmContacts(flow.token, new Date())).toEqual({ status: "done" });
  return flow;
}

describe("Je m'oppose à la création de Mon espace santé", () => {
  it("records the date, e-mails the receipt and offers it in this flow only", async () => {
    const { person, token } = await verifiedFlow({ birthName: "Dubreuil", firstNames: "Hélène" });
    const result = await opposeSpaceCreation(token, new Date());
    expect(result.status).toBe("opposed");
    expect((await spaceOf(person.id)).status).toBe("opposed");

    const mail = await latestMessageTo(person.email!);
    expect(mail?.template).toBe("opposition-receipt");
    expect(JSON.stringify(mail?.attachments)).toContain("justificatif");

    const receipt = await renderReceiptForFlow(token, new Date());
    expect(receipt).not.toBeNull();
    expect(extractPdfText(receipt!)).toContain("Dubreuil");
    expect(await renderReceiptForFlow("someone-else", new Date())).toBeNull();
  });

  it("records one opposition and sends one receipt when submitted twice", async () => {
    const { person, token } = await verifiedFlow();
    await Promise.all([opposeSpaceCreation(token, new Date()), opposeSpaceCreation(token, new Date())]);
    const rows = await getDb().select().from(oppositions).where(eq(oppositions.personId, person.id));
    expect(rows).toHaveLength(1);
    expect((await messagesTo(person.email!)).filter((message) => message.template === "opposition-receipt")).toHaveLength(1);
  });

  it("is refused without a verified code", async () => {
    const person = await createInsuredPerson();
    const identified = await identifyForCodeRequest(person, context());
    if (identified.status !== "identified") throw new Error("not identified");
    expect(await opposeSpaceCreation(identified.flowToken, new Date())).toEqual({ status: "no-flow" });
    expect((await spaceOf(person.id)).status).toBe("pending");
  });

  it("is reversed by activating later with a new code", async () => {
    const first = await verifiedFlow();
    await opposeSpaceCreation(first.token, new Date());
    const again = await identifyForCodeRequest(first.person, context());
    if (again.status !== "identified") throw new Error("not identified");
    await sendRequestedCode(again.flowToken, "sms", context());
    const code = codeIn((await latestMessageTo(first.person.mobile!))?.textBody);
    const verified = await verifyProvisionalCode({ flowToken: again.flowToken, code }, context());
    expect(verified).toMatchObject({ status: "verified", spaceStatus: "opposed" });
    if (verified.status !== "verified") return;
    await acceptTerms(verified.flowToken, new Date());
    await confirmContacts(verified.flowToken, new Date());
    expect(await createAccount(verified.flowToken, { identifier: "revenu.sur.sa.decision", password: strongPassword }, new Date())).toEqual({
      status: "activated",
    });
    expect((await spaceOf(first.person.id)).status).toBe("active");
    const open = await getDb()
      .select()
      .from(oppositions)
      .where(and(eq(oppositions.personId, first.person.id), isNull(oppositions.withdrawnAt)));
    expect(open).toHaveLength(0);
  });

  it("sends a new code at once to a person who opposed and changes their mind, on the same channel", async () => {
    const first = await verifiedFlow();
    await opposeSpaceCreation(first.token, new Date());
    const again = await identifyForCodeRequest(first.person, context());
    if (again.status !== "identified") throw new Error("not identified");
    expect(await sendRequestedCode(again.flowToken, "email", context())).toEqual({ status: "sent", channel: "email" });
    const codes = (await messagesTo(first.person.email!)).filter((message) => message.template === "provisional-code");
    expect(codes).toHaveLength(2);
    const code = codeIn((await latestMessageTo(first.person.email!))?.textBody);
    expect(await verifyProvisionalCode({ flowToken: again.flowToken, code }, context())).toMatchObject({
      status: "verified",
      spaceStatus: "opposed",
    });
  });
});

describe("J'active Mon espace santé", () => {
  it("shows the person's own contact details and a prénom.nom suggestion", async () => {
    const { token } = await verifiedFlow({ firstNames: "Éloïse Anne", birthName: "Le Goff", usageName: null });
    await acceptTerms(token, new Date());
    const state = await findActivationState(token, new Date());
    expect(state?.identifierSuggestions[0]).toBe("eloise.le-goff");
    expect(state?.email).toMatch(/@example\.org$/);
  });

  it("changes a contact only once the code sent to the new value is entered", async () => {
    const { person, token } = await verifiedFlow();
    await acceptTerms(token, new Date());
    const newEmail = `nouvelle.${person.id.slice(0, 8)}@example.net`;
    expect(await requestContactChange(token, { kind: "email", value: newEmail }, context())).toEqual({ status: "code-sent" });
    expect((await findActivationState(token, new Date()))?.email).toBe(person.email);

    const code = codeIn((await latestMessageTo(newEmail))?.textBody, /\b\d{6}\b/);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await confirmContactChange(token, { code: wrong }, new Date())).toEqual({ status: "wrong-code", remainingAttempts: 4 });
    expect((await findActivationState(token, new Date()))?.email).toBe(person.email);
    expect(await confirmContactChange(token, { code }, new Date())).toEqual({ status: "changed" });
    expect((await findActivationState(token, new Date()))?.email).toBe(newEmail);
  });

  it("needs an e-mail address or a mobile number before the credentials", async () => {
    const { person, token } = await verifiedFlow({ email: null });
    await acceptTerms(token, new Date());
    // The person removes the only contact the register had (e.g. a number no longer theirs).
    await getDb().update(enrolmentFlows).set({ mobile: null }).where(eq(enrolmentFlows.personId, person.id));
    expect(await confirmContacts(token, new Date())).toEqual({ status: "no-contact" });
  });

  it("refuses identifiers and passwords that break a rule, with a reason, and changes nothing", async () => {
    const { person, token } = await readyForCredentials({ firstNames: "Mathis", birthName: "Fontaine" });
    const cases: [string, string, "identifier" | "password", RegExp][] = [
      ["Mathis.Fontaine", strongPassword, "identifier", /minuscules/],
      ["mathis@fontaine.fr", strongPassword, "identifier", /adresse e-mail/],
      ["court", strongPassword, "identifier", /entre 8 et 100/],
      [person.nir, strongPassword, "identifier", /sécurité sociale/],
      ["mathis.f.2026", "mathis.f.2026A!", "password", /identifiant/],
      ["mathis.f.2026", "Fontaine#2026x", "password", /nom ou votre prénom/],
      ["mathis.f.2026", "Azerty123!", "password", /trop courant/],
      ["mathis.f.2026", "sansmajuscule1!", "password", /majuscule/],
    ];
    for (const [identifier, password, field, reason] of cases) {
      const result = await createAccount(token, { identifier, password }, new Date());
      expect(result.status, `${identifier} / ${password}`).toBe("invalid");
      if (result.status === "invalid") expect(result.fieldErrors[field]?.join(" ")).toMatch(reason);
    }
    expect(await getDb().select().from(accounts).where(eq(accounts.personId, person.id))).toHaveLength(0);
    expect((await spaceOf(person.id)).status).toBe("pending");
  });

  it("offers free suggestions when the identifier is taken", async () => {
    const first = await readyForCredentials({ firstNames: "Jeanne", birthName: "Martinez" });
    expect(await createAccount(first.token, { identifier: "jeanne.martinez", password: strongPassword }, new Date())).toEqual({
      status: "activated",
    });
    const second = await readyForCredentials({ firstNames: "Jeanne", birthName: "Martinez" });
    const result = await createAccount(second.token, { identifier: "jeanne.martinez", password: strongPassword }, new Date());
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.fieldErrors.identifier?.[0]).toMatch(/déjà utilisé/);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions).not.toContain("jeanne.martinez");
  });

  it("activates the space: hashed password, welcome message, confirmation e-mail", async () => {
    const { person, token } = await readyForCredentials();
    const identifier = `activation.${person.id.slice(0, 8)}`;
    expect(await createAccount(token, { identifier, password: strongPassword }, new Date())).toEqual({ status: "activated" });

    const [account] = await getDb().select().from(accounts).where(eq(accounts.personId, person.id));
    expect(account?.identifier).toBe(identifier);
    expect(account?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(account!.passwordHash!, strongPassword)).toBe(true);
    expect((await spaceOf(person.id)).status).toBe("active");

    const inbox = await getDb()
      .select({ counterpart: conversations.counterpartName, subject: conversations.subject, readAt: messages.readAt })
      .from(conversations)
      .innerJoin(messages, eq(messages.conversationId, conversations.id))
      .where(eq(conversations.personId, person.id));
    expect(inbox).toEqual([
      { counterpart: "Mon espace santé", subject: "Bienvenue dans votre messagerie Mon espace santé", readAt: null },
    ]);
    const mail = await latestMessageTo(person.email!);
    expect(mail?.template).toBe("activation-confirmation");
    expect(mail?.subject?.toLowerCase()).toContain("votre profil a bien été activé");
  });

  it("creates one account when the last step is submitted twice", async () => {
    const { person, token } = await readyForCredentials();
    const identifier = `double.${person.id.slice(0, 8)}`;
    const results = await Promise.all([
      createAccount(token, { identifier, password: strongPassword }, new Date()),
      createAccount(token, { identifier, password: strongPassword }, new Date()),
    ]);
    expect(results.map((result) => result.status)).toEqual(["activated", "activated"]);
    expect(await getDb().select().from(accounts).where(eq(accounts.personId, person.id))).toHaveLength(1);
    expect(await getDb().select().from(conversations).where(eq(conversations.personId, person.id))).toHaveLength(1);
    expect((await messagesTo(person.email!)).filter((message) => message.template === "activation-confirmation")).toHaveLength(1);
  });

  it("never touches another person's register entry", async () => {
    const bystander = await createInsuredPerson();
    const { token } = await readyForCredentials();
    await createAccount(token, { identifier: `tiers.${bystander.id.slice(0, 8)}`, password: strongPassword }, new Date());
    const [after] = await getDb().select().from(insuredPersons).where(eq(insuredPersons.id, bystander.id));
    expect(after).toEqual(bystander);
    expect((await spaceOf(bystander.id)).status).toBe("pending");
  });
});
