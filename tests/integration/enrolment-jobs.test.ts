import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insuredPersons, outgoingMessages, postalLetters, spaces } from "@/db/schema";
import { runEnrolmentJobs } from "@/lib/enrolment/jobs";
import { verifyProvisionalCode } from "@/lib/enrolment/verify-code";
import { codeIn, createInsuredPerson, latestMessageTo } from "@/tests/support/factories";
import { extractPdfText } from "@/tests/support/pdf-text";

const DAY = 86_400_000;

async function spaceOf(personId: string) {
  const [space] = await getDb().select().from(spaces).where(eq(spaces.personId, personId));
  return space!;
}

describe("notification job", () => {
  it("notifies by e-mail or by letter once, then opens the spaces after six weeks without opposition", async () => {
    const monday = new Date("2026-06-01T06:00:00Z");
    const byEmail = await createInsuredPerson();
    const byLetter = await createInsuredPerson({ email: null, mobile: null, birthName: "Courrier", firstNames: "Paul" });
    const unreachable = await createInsuredPerson({ email: null, mobile: null, postalAddress: null });

    const first = await runEnrolmentJobs({ now: monday });
    expect(first.notifiedByEmail).toBeGreaterThanOrEqual(1);
    expect(first.notifiedByLetter).toBeGreaterThanOrEqual(1);

    const notification = await latestMessageTo(byEmail.email!);
    expect(notification?.template).toBe("notification");
    const [letter] = await getDb().select().from(postalLetters).where(eq(postalLetters.personId, byLetter.id));
    expect(letter?.kind).toBe("notification");
    const letterText = extractPdfText(letter!.pdf);
    expect(letterText).toContain("Courrier");
    expect((await spaceOf(unreachable.id)).notifiedAt).toBeNull();

    // A second run, the same day or later, sends nothing twice.
    const countBefore = (await getDb().select().from(outgoingMessages)).length;
    const second = await runEnrolmentJobs({ now: new Date(monday.getTime() + DAY) });
    expect(second).toMatchObject({ notifiedByEmail: 0, notifiedByLetter: 0, spacesOpened: 0 });
    expect((await getDb().select().from(outgoingMessages)).length).toBe(countBefore);
    expect(await getDb().select().from(postalLetters).where(eq(postalLetters.personId, byLetter.id))).toHaveLength(1);

    // The code of the notification works with the NIR and birth date, weeks later.
    const code = codeIn(notification?.textBody);
    const verified = await verifyProvisionalCode(
      { nir: byEmail.nir, birthDate: byEmail.birthDate, code },
      { clientAddress: "192.0.2.1", now: new Date(monday.getTime() + 20 * DAY) },
    );
    expect(verified.status).toBe("verified");

    const dayBefore = await runEnrolmentJobs({ now: new Date(monday.getTime() + 42 * DAY - 60_000) });
    expect(dayBefore.spacesOpened).toBe(0);
    const sixWeeksLater = await runEnrolmentJobs({ now: new Date(monday.getTime() + 42 * DAY) });
    expect(sixWeeksLater.spacesOpened).toBeGreaterThanOrEqual(2);
    expect((await spaceOf(byEmail.id)).status).toBe("created");
    expect((await spaceOf(byLetter.id)).status).toBe("created");
    expect((await spaceOf(unreachable.id)).status).toBe("pending");
  });

  it("never creates the space of someone who opposed", async () => {
    const now = new Date("2026-07-01T06:00:00Z");
    const person = await createInsuredPerson();
    await runEnrolmentJobs({ now });
    await getDb().update(spaces).set({ status: "opposed" }).where(eq(spaces.personId, person.id));
    await runEnrolmentJobs({ now: new Date(now.getTime() + 60 * DAY) });
    expect((await spaceOf(person.id)).status).toBe("opposed");
  });

  it("notifies a person once the insurer adds an address", async () => {
    const now = new Date("2026-08-01T06:00:00Z");
    const person = await createInsuredPerson({ email: null, mobile: null, postalAddress: null });
    await runEnrolmentJobs({ now });
    expect((await spaceOf(person.id)).notifiedAt).toBeNull();
    await getDb()
      .update(insuredPersons)
      .set({ email: `ajout.${person.id.slice(0, 6)}@example.org` })
      .where(eq(insuredPersons.id, person.id));
    await runEnrolmentJobs({ now: new Date(now.getTime() + DAY) });
    expect((await spaceOf(person.id)).notificationChannel).toBe("email");
  });
});
