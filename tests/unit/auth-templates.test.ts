import { describe, expect, it } from "vitest";
import { accountLockedEmail, accountLockedSms, identifierReminderEmail, identifierReminderSms, passwordChangedEmail, passwordChangedSms, passwordResetCodeEmail, passwordResetCodeSms } from "@/lib/delivery/templates/auth";
import { isGsm7 } from "@/lib/delivery/transports";

const when = new Date("2026-02-03T13:05:00Z");

describe("login and recovery messages", () => {
  it("fit in one SMS without Unicode", () => {
    for (const { text } of [
      passwordResetCodeSms({ code: "482913", validUntil: when }),
      identifierReminderSms({ identifier: "camille.martin-1984_bis" }),
      passwordChangedSms({ changedAt: when }),
      accountLockedSms({ lockedUntil: when }),
    ]) {
      expect(text.length).toBeLessThanOrEqual(160);
      expect(isGsm7(text)).toBe(true);
    }
  });

  it("say until when the login is locked, in Paris time, and that a reset does not unlock it", () => {
    const email = accountLockedEmail({ firstName: "Camille", lockedUntil: when });
    expect(email.text).toContain("bloquée jusqu'au 03/02/2026 à 14:05");
    expect(email.text).toContain("« Mot de passe oublié ? » ne lève pas ce blocage");
    expect(accountLockedSms({ lockedUntil: when }).text).toContain("03/02/2026 à 14:05");
  });

  it("carry the identifier or the code, escaped in HTML, with links from the configured origin", () => {
    const reminder = identifierReminderEmail({ firstName: "<b>Camille</b>", identifier: "camille.martin" });
    expect(reminder.text).toContain("camille.martin");
    expect(reminder.html).not.toContain("<b>Camille</b>");
    expect(reminder.html).toContain("http://localhost:3000/connexion");
    const code = passwordResetCodeEmail({ code: "482913", validUntil: when });
    expect(code.text).toContain("482913");
    expect(code.text).toContain("14:05");
    expect(passwordChangedEmail({ firstName: "Camille", changedAt: when }).text).toContain("03/02/2026 à 14:05");
  });
});
