import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { insuredPersons, outgoingMessages, postalLetters } from "@/db/schema";
import { deliverPendingMessages, queueEmail, queuePostalLetter, queueSms } from "@/lib/delivery";
import { findOutboxLetterPdf, listOutboxLetters, listOutboxMessages } from "@/lib/delivery/outbox";
import { provisionalCodeEmail, provisionalCodeSms } from "@/lib/delivery/templates/enrolment";
import { isOutboxEnabled } from "@/lib/env";
import { renderNotificationLetter } from "@/lib/pdf/notification-letter";
import { extractPdfText } from "@/tests/support/pdf-text";

async function createPerson(overrides: Partial<typeof insuredPersons.$inferInsert> = {}) {
  const [person] = await getDb()
    .insert(insuredPersons)
    .values({
      nir: `2840588${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
      birthName: "MARTIN",
      firstNames: "Camille Louise",
      sex: "F",
      birthDate: "1984-05-12",
      birthPlaceCode: "88321",
      vitaleSerial: "12345678901",
      email: "camille.martin@example.org",
      mobile: "+33699001122",
      postalAddress: "12 rue des Lilas\n44000 Nantes",
      ...overrides,
    })
    .returning();
  if (!person) throw new Error("person not created");
  return person;
}

beforeEach(async () => {
  await getDb().delete(outgoingMessages);
  await getDb().delete(postalLetters);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the local outbox", () => {
  it("keeps e-mails and SMS with their bodies when no provider is configured, and never sends them", async () => {
    expect(isOutboxEnabled()).toBe(true);
    const validUntil = new Date("2022-02-03T13:05:00Z");
    const person = await createPerson();
    await queueEmail(getDb(), {
      personId: person.id,
      to: "camille.martin@example.org",
      template: "provisional-code",
      ...provisionalCodeEmail({ firstName: "Camille", code: "482913", validUntil }),
    });
    await queueSms(getDb(), { personId: person.id, to: "+33699001122", template: "provisional-code", ...provisionalCodeSms({ code: "771204", validUntil }) });

    expect(await deliverPendingMessages()).toEqual({ sent: 0, failed: 0 });

    const rows = await getDb().select().from(outgoingMessages);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.status).toBe("outbox");
      expect(row.attempts).toBe(0);
    }
    const messages = await listOutboxMessages();
    expect(messages.map((message) => message.channel).sort()).toEqual(["email", "sms"]);
    const email = messages.find((message) => message.channel === "email");
    expect(email?.subject).toBe("Votre code provisoire Mon espace santé");
    expect(email?.textBody).toContain("482913");
    expect(messages.find((message) => message.channel === "sms")?.textBody).toContain("771204");
  });

  it("lists the newest message first and filters by recipient", async () => {
    await queueEmail(getDb(), { to: "jean.dupont@example.org", template: "notification", subject: "Premier", text: "1", html: "<p>1</p>" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await queueEmail(getDb(), { to: "camille.martin@example.org", template: "notification", subject: "Deuxième", text: "2", html: "<p>2</p>" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await queueSms(getDb(), { to: "+33699001122", template: "provisional-code", text: "3" });

    expect((await listOutboxMessages()).map((message) => message.textBody)).toEqual(["3", "2", "1"]);
    expect((await listOutboxMessages({ recipient: "CAMILLE.martin" })).map((message) => message.subject)).toEqual(["Deuxième"]);
    // A mobile number typed the French way finds the SMS stored in E.164.
    expect((await listOutboxMessages({ recipient: "06 99 00 11 22" })).map((message) => message.textBody)).toEqual(["3"]);
    expect((await listOutboxMessages({ recipient: "06 99" })).map((message) => message.textBody)).toEqual(["3"]);
    // LIKE wildcards typed in the filter match themselves only.
    expect(await listOutboxMessages({ recipient: "%" })).toEqual([]);
  });

  it("shows an attachment's name in the outbox", async () => {
    await queueEmail(getDb(), {
      to: "camille.martin@example.org",
      template: "opposition-receipt",
      subject: "Votre opposition",
      text: "t",
      html: "<p>t</p>",
      attachments: [{ filename: "justificatif-opposition.pdf", contentType: "application/pdf", content: new Uint8Array([1, 2, 3]) }],
    });
    const [message] = await listOutboxMessages();
    expect(message?.attachmentNames).toEqual(["justificatif-opposition.pdf"]);
    const [row] = await getDb().select().from(outgoingMessages);
    expect(row?.attachments).toEqual([{ filename: "justificatif-opposition.pdf", contentType: "application/pdf", base64: "AQID" }]);
  });

  it("is closed once both channels have a provider", async () => {
    vi.stubEnv("OUTBOX_ENABLED", "false");
    vi.stubEnv("RESEND_API_KEY", "re_test_key");
    vi.stubEnv("SMS_PROVIDER", "brevo");
    vi.stubEnv("BREVO_API_KEY", "xkeysib-test");
    await expect(listOutboxMessages()).rejects.toThrow("outbox");
    await expect(listOutboxLetters()).rejects.toThrow("outbox");
    await expect(findOutboxLetterPdf(randomUUID())).rejects.toThrow("outbox");
  });
});

describe("queueing in the caller's transaction", () => {
  it("leaves nothing to send when the caller's transaction rolls back", async () => {
    await expect(
      getDb().transaction(async (tx) => {
        await queueEmail(tx, { to: "camille.martin@example.org", template: "notification", subject: "S", text: "T", html: "<p>T</p>" });
        await queueSms(tx, { to: "+33699001122", template: "provisional-code", text: "Code 123456" });
        throw new Error("the step failed after queueing");
      }),
    ).rejects.toThrow("the step failed after queueing");

    expect(await getDb().select().from(outgoingMessages)).toEqual([]);
  });

  it("commits the messages with the caller's transaction", async () => {
    await getDb().transaction(async (tx) => {
      await queueEmail(tx, { to: "camille.martin@example.org", template: "notification", subject: "S", text: "T", html: "<p>T</p>" });
    });
    expect(await getDb().select().from(outgoingMessages)).toHaveLength(1);
  });

  it("queues messages as pending when their channel has a provider", async () => {
    vi.stubEnv("OUTBOX_ENABLED", "false");
    vi.stubEnv("SMS_PROVIDER", "brevo");
    vi.stubEnv("BREVO_API_KEY", "xkeysib-test");
    await queueSms(getDb(), { to: "+33699001122", template: "provisional-code", text: "Code 123456" });
    await queueEmail(getDb(), { to: "camille.martin@example.org", template: "notification", subject: "S", text: "T", html: "<p>T</p>" });
    const rows = await getDb().select().from(outgoingMessages);
    expect(Object.fromEntries(rows.map((row) => [row.channel, row.status]))).toEqual({ sms: "pending", email: "outbox" });
  });

  it("refuses a malformed recipient before anything is stored", async () => {
    await expect(
      queueEmail(getDb(), { to: "not-an-address", template: "notification", subject: "S", text: "T", html: "<p>T</p>" }),
    ).rejects.toThrow();
    await expect(queueSms(getDb(), { to: "06 99 00 11 22", template: "provisional-code", text: "T" })).rejects.toThrow();
    expect(await getDb().select().from(outgoingMessages)).toEqual([]);
  });
});

describe("postal letters", () => {
  it("stores a letter that the outbox lists by addressee and serves as a PDF", async () => {
    const person = await createPerson({ email: null, birthName: "DUPONT", firstNames: "Jean Pierre", usageName: null });
    const other = await createPerson({ email: null, birthName: "LEROY", firstNames: "Anne" });
    const pdf = await renderNotificationLetter({
      fullName: "Jean DUPONT",
      postalAddress: "3 place du Marché\n80000 Amiens",
      code: "K7P-4QX-9ZD",
      codeValidUntil: new Date("2022-03-17T10:00:00Z"),
      openingDate: new Date("2022-03-17T10:00:00Z"),
    });
    const { id } = await queuePostalLetter(getDb(), {
      personId: person.id,
      kind: "notification",
      postalAddress: "3 place du Marché\n80000 Amiens",
      pdf,
    });
    await queuePostalLetter(getDb(), { personId: other.id, kind: "provisional-code", postalAddress: "1 rue Haute\n75001 Paris", pdf });

    const all = await listOutboxLetters();
    expect(all).toHaveLength(2);
    const letters = await listOutboxLetters({ recipient: "dupont" });
    expect(letters).toEqual([
      expect.objectContaining({ id, kind: "notification", personName: "Jean DUPONT", postalAddress: "3 place du Marché\n80000 Amiens" }),
    ]);
    expect((await listOutboxLetters({ recipient: "Amiens" })).map((letter) => letter.id)).toEqual([id]);

    const stored = await findOutboxLetterPdf(id);
    expect(stored).not.toBeNull();
    expect(extractPdfText(stored as Uint8Array)).toContain("K7P-4QX-9ZD");
    expect(await findOutboxLetterPdf(randomUUID())).toBeNull();
    expect(await findOutboxLetterPdf("not-a-uuid")).toBeNull();
  });
});
