import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { enrolmentFlows, provisionalCodes } from "@/db/schema";
import { identifyForCodeRequest, sendRequestedCode } from "@/lib/enrolment/request-code";
import { enrolmentRules } from "@/lib/enrolment/rules";
import { verifyProvisionalCode } from "@/lib/enrolment/verify-code";
import { codeIn, createInsuredPerson, latestMessageTo, messagesTo, randomNir } from "@/tests/support/factories";

const at = (iso: string) => new Date(iso);
let addressCounter = 0;
const context = (now = new Date()) => ({ clientAddress: `203.0.113.${(addressCounter += 1) % 250}`, now });

async function identify(person: { nir: string; birthDate: string; vitaleSerial: string }, now = new Date()) {
  const result = await identifyForCodeRequest(
    { nir: person.nir, birthDate: person.birthDate, vitaleSerial: person.vitaleSerial },
    context(now),
  );
  if (result.status !== "identified") throw new Error(`not identified: ${result.status}`);
  return result.flowToken;
}

describe("Générer un nouveau code provisoire", () => {
  it("identifies a person only when NIR, birth date and Vitale serial all match", async () => {
    const person = await createInsuredPerson();
    const wrongSerial = await identifyForCodeRequest({ ...person, vitaleSerial: "99999999999" }, context());
    const wrongBirthDate = await identifyForCodeRequest({ ...person, birthDate: "1901-01-01" }, context());
    const unknownNir = await identifyForCodeRequest({ ...person, nir: randomNir() }, context());
    expect(wrongSerial).toEqual({ status: "not-matched" });
    expect(wrongBirthDate).toEqual({ status: "not-matched" });
    expect(unknownNir).toEqual({ status: "not-matched" });
    const flows = await getDb().select().from(enrolmentFlows).where(eq(enrolmentFlows.personId, person.id));
    expect(flows).toHaveLength(0);

    expect((await identifyForCodeRequest(person, context())).status).toBe("identified");
  });

  it("sends a code by e-mail and by SMS to the contact on file", async () => {
    const person = await createInsuredPerson();
    const token = await identify(person);
    expect(await sendRequestedCode(token, "email", context())).toEqual({ status: "sent", channel: "email" });
    const email = await latestMessageTo(person.email!);
    expect(email?.template).toBe("provisional-code");
    expect(codeIn(email?.textBody)).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const other = await createInsuredPerson();
    const otherToken = await identify(other);
    expect(await sendRequestedCode(otherToken, "sms", context())).toEqual({ status: "sent", channel: "sms" });
    expect(codeIn((await latestMessageTo(other.mobile!))?.textBody)).toBeTruthy();
  });

  it("stores only a hash of the code", async () => {
    const person = await createInsuredPerson();
    await sendRequestedCode(await identify(person), "email", context());
    const code = codeIn((await latestMessageTo(person.email!))?.textBody);
    const rows = await getDb().select().from(provisionalCodes).where(eq(provisionalCodes.personId, person.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(code.replace("-", ""));
  });

  it("refuses a channel the person has no contact for", async () => {
    const person = await createInsuredPerson({ mobile: null });
    const token = await identify(person);
    expect(await sendRequestedCode(token, "sms", context())).toEqual({ status: "channel-unavailable" });
    expect(await sendRequestedCode(token, "letter", context())).toEqual({ status: "channel-unavailable" });
    expect(await messagesTo(person.email!)).toHaveLength(0);
  });

  it("sends one code when the request is submitted twice", async () => {
    const person = await createInsuredPerson();
    const token = await identify(person);
    const now = new Date();
    const [first, second] = await Promise.all([
      sendRequestedCode(token, "email", context(now)),
      sendRequestedCode(token, "email", context(now)),
    ]);
    expect(first.status).toBe("sent");
    expect(second.status).toBe("sent");
    expect(await messagesTo(person.email!)).toHaveLength(1);
  });

  it("refuses an unknown or expired flow", async () => {
    expect(await sendRequestedCode("not-a-token", "email", context())).toEqual({ status: "no-flow" });
    const person = await createInsuredPerson();
    const token = await identify(person, at("2026-01-01T10:00:00Z"));
    expect(await sendRequestedCode(token, "email", context(at("2026-01-01T11:00:00Z")))).toEqual({ status: "no-flow" });
  });

  it("limits code requests per person", async () => {
    const person = await createInsuredPerson();
    const start = at("2026-03-02T08:00:00Z").getTime();
    const token = await identify(person, new Date(start));
    const results = [];
    for (let minute = 0; minute < 7; minute += 2) {
      results.push((await sendRequestedCode(token, "email", context(new Date(start + minute * 60_000)))).status);
    }
    // Identification and four requests, a fresh flow for the rest (the first flow would expire).
    const token2 = await identify(person, new Date(start + 10 * 60_000));
    results.push((await sendRequestedCode(token2, "email", context(new Date(start + 10 * 60_000)))).status);
    results.push((await sendRequestedCode(token2, "email", context(new Date(start + 12 * 60_000)))).status);
    expect(results).toEqual(["sent", "sent", "sent", "sent", "sent", "too-many-codes"]);
    expect(await messagesTo(person.email!)).toHaveLength(5);
    // The refusal says the last code sent still works.
    expect(await sendRequestedCode(token2, "email", context(new Date(start + 14 * 60_000)))).toMatchObject({
      status: "too-many-codes",
      hasLiveCode: true,
    });
  });

  it("forgets the requests of a person once they use a code", async () => {
    const person = await createInsuredPerson();
    const start = at("2026-03-04T08:00:00Z").getTime();
    const statuses = [];
    // Twice the hourly limit of requests, each code used at once: a person who keeps changing
    // their mind (opposing, then activating) is never told they tried too often.
    for (let round = 0; round < 2 * enrolmentRules.limits.codeRequestsPerPersonHour.limit; round += 1) {
      const now = new Date(start + round * 2 * 60_000);
      const token = await identify(person, now);
      statuses.push((await sendRequestedCode(token, "email", context(now))).status);
      const code = codeIn((await latestMessageTo(person.email!))?.textBody);
      expect((await verifyProvisionalCode({ flowToken: token, code }, context(now))).status).toBe("verified");
    }
    expect(statuses.every((status) => status === "sent")).toBe(true);
  });

  it("counts a request repeated within a minute once", async () => {
    const person = await createInsuredPerson();
    const start = at("2026-03-05T08:00:00Z").getTime();
    const token = await identify(person, new Date(start));
    const { limit } = enrolmentRules.limits.codeRequestsPerPersonHour;
    const statuses = [];
    for (let request = 0; request < limit; request += 1) {
      const now = new Date(start + request * 2 * 60_000);
      statuses.push((await sendRequestedCode(token, "email", context(now))).status);
      // The same click again, a few seconds later: answered, neither sent nor counted.
      statuses.push((await sendRequestedCode(token, "email", context(new Date(now.getTime() + 5_000)))).status);
    }
    expect(statuses.every((status) => status === "sent")).toBe(true);
    expect(await messagesTo(person.email!)).toHaveLength(limit);
  });

  it("limits identification attempts per NIR, whether the NIR exists or not", async () => {
    const nir = randomNir();
    const now = at("2026-03-03T08:00:00Z");
    const statuses = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push((await identifyForCodeRequest({ nir, birthDate: "1980-01-01", vitaleSerial: "12345678901" }, context(now))).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === "not-matched")).toBe(true);
    expect(statuses[10]).toBe("rate-limited");
  });
});

describe("Code provisoire", () => {
  async function personWithCode(now = new Date()) {
    const person = await createInsuredPerson();
    const token = await identify(person, now);
    await sendRequestedCode(token, "email", context(now));
    const code = codeIn((await latestMessageTo(person.email!))?.textBody);
    return { person, token, code };
  }

  it("accepts the right code once, in any case and with or without the dash", async () => {
    const { token, code } = await personWithCode();
    const typed = code.toLowerCase().replace("-", " ");
    const verified = await verifyProvisionalCode({ flowToken: token, code: typed.toUpperCase().replace(/\s/g, "") }, context());
    expect(verified).toMatchObject({ status: "verified", spaceStatus: "pending" });
    const reused = await verifyProvisionalCode({ flowToken: token, code }, context());
    expect(reused).toEqual({ status: "no-live-code" });
  });

  it("counts wrong codes and kills the code at the fifth", async () => {
    const { token, code } = await personWithCode();
    const wrong = code.startsWith("A") ? "BBBBBBBB" : "AAAAAAAA";
    const outcomes = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      outcomes.push(await verifyProvisionalCode({ flowToken: token, code: wrong }, context()));
    }
    expect(outcomes.slice(0, 4)).toEqual([4, 3, 2, 1].map((remainingAttempts) => ({ status: "wrong-code", remainingAttempts })));
    expect(outcomes[4]).toEqual({ status: "no-live-code" });
    expect(await verifyProvisionalCode({ flowToken: token, code }, context())).toEqual({ status: "no-live-code" });
  });

  it("refuses an expired code", async () => {
    const start = at("2026-04-01T08:00:00Z");
    const { person, code } = await personWithCode(start);
    const late = new Date(start.getTime() + 31 * 60_000);
    const result = await verifyProvisionalCode({ nir: person.nir, birthDate: person.birthDate, code }, context(late));
    expect(result).toEqual({ status: "no-live-code" });
  });

  it("keeps only the newest code alive", async () => {
    const start = at("2026-04-02T08:00:00Z");
    const { person, token, code: first } = await personWithCode(start);
    const later = new Date(start.getTime() + 2 * 60_000);
    await sendRequestedCode(token, "sms", context(later));
    const second = codeIn((await latestMessageTo(person.mobile!))?.textBody);
    expect(await verifyProvisionalCode({ flowToken: token, code: first }, context(later))).toMatchObject({ status: "wrong-code" });
    expect(await verifyProvisionalCode({ flowToken: token, code: second }, context(later))).toMatchObject({ status: "verified" });
  });

  it("lets a person who received a code identify with NIR and birth date", async () => {
    const { person, code } = await personWithCode();
    const wrongBirthDate = await verifyProvisionalCode({ nir: person.nir, birthDate: "1900-01-01", code }, context());
    expect(wrongBirthDate).toEqual({ status: "no-live-code" });
    const result = await verifyProvisionalCode({ nir: person.nir, birthDate: person.birthDate, code }, context());
    expect(result.status).toBe("verified");
  });

  it("limits code checks per client address", async () => {
    const { token } = await personWithCode();
    const now = at("2026-05-01T08:00:00Z");
    const statuses = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      statuses.push((await verifyProvisionalCode({ flowToken: token, code: "ZZZZZZZZ" }, { clientAddress: "198.51.100.7", now })).status);
    }
    expect(statuses[30]).toBe("rate-limited");
  });
});
