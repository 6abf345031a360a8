import { accounts, authChallenges, outgoingMessages, representations, sessions } from "@/db/schema";
import { activationConfirmationEmail } from "@/lib/delivery/templates/enrolment";
import { loginCodeEmail } from "@/lib/delivery/templates/auth";
import { DAY_MS, MINUTE_MS, type TableFamily, codeChannelOf, later, sentMessage } from "./family";
import { identifierFor } from "./population";
import { activationRecords } from "@/lib/enrolment/activate-space";

const SESSION_LIFETIME_MS = 12 * 60 * MINUTE_MS;
const IDLE_TIMEOUT_MS = 15 * MINUTE_MS;
const CHALLENGE_LIFETIME_MS = 30 * MINUTE_MS;
const LOGIN_CODE_VALIDITY_MS = 10 * MINUTE_MS;
/** How many times people logged in since activation: many once or twice, a few often. */
const LOGIN_COUNTS = [0, 1, 1, 1, 2, 2, 3, 4, 6, 9] as const;
const USER_AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
] as const;

/**
 * The accounts of activated spaces (all sharing one precomputed password hash), the activation
 * confirmation, and the logins since: each one a completed login attempt with its one-time code
 * message and a server-side session, ended by logout, idle timeout or its 12 hours; a few
 * sessions are live right now.
 */
export const accountFamily: TableFamily = {
  name: "accounts",
  addRows(people, rows, { now, passwordHash }) {
    const activationSubject = activationConfirmationEmail({ firstName: "" }).subject;
    const loginCodeSubject = loginCodeEmail({ code: "", validUntil: now }).subject;
    for (const planned of people) {
      const { person, space } = planned;
      const contact = codeChannelOf(person);
      if (space.status !== "active" || !space.activatedAt || !contact) continue;
      const personId = person.id;
      const activatedAt = space.activatedAt;
      const random = planned.randomFor("accounts");

      const loginTimes: Date[] = [];
      const span = now.getTime() - DAY_MS - activatedAt.getTime();
      if (span > 0) {
        const count = random.pick(LOGIN_COUNTS);
        for (let index = 0; index < count; index += 1) loginTimes.push(later(activatedAt, 10 * MINUTE_MS + random.int(0, span)));
      }
      const hasLiveSession = random.isChance(0.015);
      if (hasLiveSession) loginTimes.push(later(now, -random.int(1, 60) * MINUTE_MS));
      loginTimes.sort((left, right) => left.getTime() - right.getTime());
      const lastLoginAt = loginTimes.at(-1);

      // The rows activateSpace writes (lib/enrolment/activate-space.ts), in bulk, with the generator's ids.
      const accountId = random.uuid();
      const activation = activationRecords({
        personId,
        identifier: identifierFor(planned),
        passwordHash,
        email: person.email ?? null,
        mobile: person.mobile ?? null,
        now: activatedAt,
      });
      rows.add(accounts, { ...activation.account, id: accountId, updatedAt: lastLoginAt ?? activatedAt });
      rows.add(representations, { ...activation.selfRepresentation(accountId), id: random.uuid(), revokedAt: null });
      rows.add(
        outgoingMessages,
        sentMessage(random, {
          personId,
          ...contact,
          template: "activation-confirmation",
          subject: contact.channel === "email" ? activationSubject : null,
          createdAt: activatedAt,
        }),
      );

      loginTimes.forEach((loggedInAt, index) => {
        const isLive = hasLiveSession && index === loginTimes.length - 1;
        const passwordAt = later(loggedInAt, -MINUTE_MS);
        const codeSentAt = later(passwordAt, 5_000);
        rows.add(authChallenges, {
          id: random.uuid(),
          tokenHash: random.hex(64),
          accountId,
          purpose: "login",
          firstFactorAt: passwordAt,
          channel: contact.channel,
          codeHash: null,
          codeSentAt,
          codeExpiresAt: later(codeSentAt, LOGIN_CODE_VALIDITY_MS),
          failedCodeAttempts: random.isChance(0.08) ? 1 : 0,
          codeVerifiedAt: loggedInAt,
          completedAt: loggedInAt,
          expiresAt: later(passwordAt, CHALLENGE_LIFETIME_MS),
          createdAt: passwordAt,
        });
        rows.add(
          outgoingMessages,
          sentMessage(random, {
            personId,
            ...contact,
            template: "login-code",
            subject: contact.channel === "email" ? loginCodeSubject : null,
            createdAt: codeSentAt,
          }),
        );
        const lastActiveAt = isLive
          ? new Date(Math.max(loggedInAt.getTime(), now.getTime() - random.int(0, 10) * MINUTE_MS))
          : later(loggedInAt, random.int(1, 40) * MINUTE_MS);
        const ending = random.next();
        const revoked = isLive
          ? null
          : ending < 0.45
            ? { revokedAt: lastActiveAt, revokedReason: "logout" }
            : ending < 0.75
              ? { revokedAt: later(lastActiveAt, IDLE_TIMEOUT_MS + random.int(0, 120) * MINUTE_MS), revokedReason: "idle" }
              : null;
        rows.add(sessions, {
          id: random.uuid(),
          accountId,
          currentSubjectPersonId: null,
          createdAt: loggedInAt,
          lastActiveAt,
          expiresAt: later(loggedInAt, SESSION_LIFETIME_MS),
          revokedAt: revoked?.revokedAt ?? null,
          revokedReason: revoked?.revokedReason ?? null,
          userAgent: random.pick(USER_AGENTS),
        });
      });
    }
  },
};
