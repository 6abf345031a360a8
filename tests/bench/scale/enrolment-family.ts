import { contactVerifications, enrolmentFlows, oppositions, outgoingMessages, postalLetters, provisionalCodes, spaces } from "@/db/schema";
import { contactVerificationEmail, notificationContent, oppositionReceiptEmail, provisionalCodeContent } from "@/lib/delivery/templates/enrolment";
import { DAY_MS, MINUTE_MS, type TableFamily, codeChannelOf, later, memoize, sentMessage } from "./family";

/** CSP R.1111-28: a code sent with the notification or by letter lives six weeks. */
const LETTER_CODE_VALIDITY_MS = 42 * DAY_MS;
const REQUESTED_CODE_VALIDITY_MS = 30 * MINUTE_MS;
const FLOW_LIFETIME_MS = 30 * MINUTE_MS;
const CONTACT_CODE_VALIDITY_MS = 15 * MINUTE_MS;

/**
 * Spaces and how people reached their state: the notification (e-mail, or a postal letter for
 * people without e-mail) with its provisional code, codes asked for again, the decision taken in
 * an enrolment flow (activation, or opposition with its receipt; a few activations withdraw an
 * earlier opposition), and e-mail changes verified while activating. Codes and tokens are stored
 * as hashes of values nobody knows, as they are once used or expired.
 */
export const enrolmentFamily: TableFamily = {
  name: "enrolment",
  addRows(people, rows, { now, letterPdf }) {
    // The notification's subject names the opening day: one per distinct instant, and there are few.
    const notificationSubject = memoize(
      (openingTime: number) =>
        notificationContent({ greetingLine: "", code: "", codeValidUntil: now, openingDate: new Date(openingTime) }).subject,
    );
    const codeSubject = provisionalCodeContent({ greetingLine: "", code: "", validUntil: now }).subject;
    const oppositionSubject = oppositionReceiptEmail({ firstName: "", opposedAt: now }).subject;
    const contactSubject = contactVerificationEmail({ code: "" }).subject;
    for (const planned of people) {
      const { person, space } = planned;
      const personId = person.id;
      const random = planned.randomFor("enrolment");
      const registeredAt = person.createdAt ?? now;
      const addEmail = (email: string, template: string, subject: string, createdAt: Date) =>
        rows.add(outgoingMessages, sentMessage(random, { personId, channel: "email", recipient: email, template, subject, createdAt }));
      rows.add(spaces, {
        personId,
        status: space.status,
        notifiedAt: space.notifiedAt,
        notificationChannel: space.notificationChannel,
        waitingPeriodEndsAt: space.waitingPeriodEndsAt,
        openedAt: space.openedAt,
        activatedAt: space.activatedAt,
        createdAt: registeredAt,
        updatedAt: space.activatedAt ?? space.opposedAt ?? space.openedAt ?? space.notifiedAt ?? registeredAt,
      });
      const { notifiedAt, notificationChannel, waitingPeriodEndsAt } = space;
      if (!notifiedAt || !notificationChannel || !waitingPeriodEndsAt) continue;

      const notificationCode: typeof provisionalCodes.$inferInsert = {
        id: random.uuid(),
        personId,
        codeHash: random.hex(64),
        channel: notificationChannel,
        expiresAt: later(notifiedAt, LETTER_CODE_VALIDITY_MS),
        createdAt: notifiedAt,
      };
      if (notificationChannel === "email" && person.email) {
        addEmail(person.email, "notification", notificationSubject(waitingPeriodEndsAt.getTime()), notifiedAt);
      } else if (person.postalAddress) {
        rows.add(postalLetters, {
          id: random.uuid(),
          personId,
          kind: "notification",
          postalAddress: person.postalAddress,
          pdf: letterPdf,
          createdAt: notifiedAt,
          printedAt: later(notifiedAt, DAY_MS),
        });
      }

      const decidedAt = space.activatedAt ?? space.opposedAt;
      if (!decidedAt) {
        rows.add(provisionalCodes, notificationCode);
        continue;
      }

      // The code typed to decide: the notification's, or a new one (always once the notification's expired).
      const codeTypedAt = later(decidedAt, -10 * MINUTE_MS);
      const hasNotificationCodeExpired = codeTypedAt.getTime() >= notificationCode.expiresAt.getTime();
      if (hasNotificationCodeExpired || random.isChance(0.35)) {
        const requestedAt = later(codeTypedAt, -2 * MINUTE_MS);
        if (!hasNotificationCodeExpired) notificationCode.revokedAt = requestedAt;
        const contact = codeChannelOf(person);
        rows.add(provisionalCodes, {
          id: random.uuid(),
          personId,
          codeHash: random.hex(64),
          channel: contact?.channel ?? "letter",
          expiresAt: later(requestedAt, contact ? REQUESTED_CODE_VALIDITY_MS : LETTER_CODE_VALIDITY_MS),
          usedAt: codeTypedAt,
          createdAt: requestedAt,
        });
        if (contact) {
          const subject = contact.channel === "email" ? codeSubject : null;
          rows.add(outgoingMessages, sentMessage(random, { personId, ...contact, template: "provisional-code", subject, createdAt: requestedAt }));
        } else if (person.postalAddress) {
          rows.add(postalLetters, {
            id: random.uuid(),
            personId,
            kind: "provisional-code",
            postalAddress: person.postalAddress,
            pdf: letterPdf,
            createdAt: requestedAt,
            printedAt: later(requestedAt, DAY_MS),
          });
        }
      } else {
        notificationCode.usedAt = codeTypedAt;
      }
      rows.add(provisionalCodes, notificationCode);

      const isActivation = space.status === "active";
      let oppositionId: string | null = null;
      if (!isActivation) {
        oppositionId = random.uuid();
        rows.add(oppositions, { id: oppositionId, personId, opposedAt: decidedAt });
        if (person.email) addEmail(person.email, "opposition-receipt", oppositionSubject, decidedAt);
      } else if (random.isChance(0.04)) {
        const opposedAt = later(notifiedAt, random.int(1, 30) * DAY_MS);
        if (opposedAt.getTime() < codeTypedAt.getTime()) {
          rows.add(oppositions, { id: random.uuid(), personId, opposedAt, withdrawnAt: decidedAt });
        }
      }

      const flowId = random.uuid();
      rows.add(enrolmentFlows, {
        id: flowId,
        tokenHash: random.hex(64),
        personId,
        codeVerifiedAt: codeTypedAt,
        termsAcceptedAt: isActivation ? later(codeTypedAt, 2 * MINUTE_MS) : null,
        email: person.email,
        mobile: person.mobile,
        contactsConfirmedAt: isActivation ? later(codeTypedAt, 6 * MINUTE_MS) : null,
        oppositionId,
        completedAt: decidedAt,
        expiresAt: later(decidedAt, FLOW_LIFETIME_MS),
        createdAt: codeTypedAt,
      });
      if (isActivation && person.email && random.isChance(0.1)) {
        const sentAt = later(codeTypedAt, 3 * MINUTE_MS);
        rows.add(contactVerifications, {
          id: random.uuid(),
          flowId,
          personId,
          kind: "email",
          newValue: person.email,
          codeHash: random.hex(64),
          expiresAt: later(sentAt, CONTACT_CODE_VALIDITY_MS),
          verifiedAt: later(sentAt, MINUTE_MS),
          createdAt: sentAt,
        });
        addEmail(person.email, "contact-verification", contactSubject, sentAt);
      }
    }
  },
};
