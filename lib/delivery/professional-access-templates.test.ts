import { describe, expect, it } from "vitest";
import {
  emergencyAccessEmail,
  emergencyAccessSms,
  firstProfessionalAccessEmail,
  firstProfessionalAccessSms,
} from "@/lib/delivery/templates/professional-access";
import { isGsm7 } from "./transports";

const notice = { firstName: "Camille", professionalName: "Dr Anne Leroy", professionLabel: "Médecin", at: new Date("2026-07-01T09:00:00Z") };

describe("the notices of a professional's access", () => {
  it("say who, their profession and when, in Paris time, and where to look", () => {
    for (const email of [firstProfessionalAccessEmail(notice), emergencyAccessEmail(notice)]) {
      expect(email.text).toContain("Bonjour Camille,");
      expect(email.text).toContain("Dr Anne Leroy (Médecin)");
      expect(email.text).toContain("01/07/2026 à 11:00");
      expect(email.text).toContain("Historique d'activité");
      expect(email.html).toContain('<html lang="fr">');
    }
    expect(emergencyAccessEmail(notice).subject).toBe("Accès en urgence à votre dossier Mon espace santé");
    expect(firstProfessionalAccessEmail(notice).subject).toBe("Un professionnel de santé a accédé à votre dossier");
  });

  it("escape the names in HTML", () => {
    const email = emergencyAccessEmail({ ...notice, professionalName: `<script>alert(1)</script>` });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("fit in a GSM-7 SMS", () => {
    for (const { text } of [firstProfessionalAccessSms(notice), emergencyAccessSms(notice)]) {
      expect(isGsm7(text)).toBe(true);
      expect(text).toContain("Dr Anne Leroy");
    }
  });
});
