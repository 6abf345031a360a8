import { afterEach, describe, expect, it, vi } from "vitest";
import { activationConfirmationEmail, contactVerificationEmail, contactVerificationSms, notificationEmail, oppositionReceiptEmail, provisionalCodeEmail, provisionalCodeSms } from "@/lib/delivery/templates/enrolment";
import { loginCodeEmail, loginCodeSms } from "@/lib/delivery/templates/auth";
import { welcomeMessageBody } from "@/lib/delivery/templates/messaging";
import { isGsm7 } from "./transports";

afterEach(() => {
  vi.unstubAllEnvs();
});

const validUntil = new Date("2022-02-03T13:05:00Z");
const notification = {
  firstName: "Camille",
  code: "K7P-4QX-9ZD",
  codeValidUntil: new Date("2022-03-17T10:00:00Z"),
  openingDate: new Date("2022-03-17T10:00:00Z"),
};

describe("e-mail templates", () => {
  it("give a French HTML part with every value escaped, and a plain text part", () => {
    const email = provisionalCodeEmail({ firstName: `<img src=x onerror="alert(1)">`, code: "482913", validUntil });
    expect(email.html).toContain('<html lang="fr">');
    expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(email.html).not.toContain("<img");
    expect(email.text).toContain(`Bonjour <img src=x onerror="alert(1)">,`);
    expect(email.text).toContain("482913");
    expect(email.html).toContain("482913");
    expect(email.text).toContain("valable jusqu'au 03/02/2022 à 14:05");
  });

  it("build links from APP_ORIGIN only", () => {
    vi.stubEnv("APP_ORIGIN", "https://mon-espace-sante.example");
    const email = notificationEmail(notification);
    expect(email.html).toContain('href="https://mon-espace-sante.example/activation"');
    expect(email.text).toContain("https://mon-espace-sante.example/activation");
    expect(email.html).not.toContain("localhost");
  });

  it("tell the notified person when the space opens unless they oppose, with the code to act", () => {
    const email = notificationEmail(notification);
    expect(email.subject).toBe("Mon espace santé sera créé pour vous le 17 mars 2022");
    expect(email.text).toContain("Bonjour Camille,");
    expect(email.text).toContain("Sans opposition de votre part, Mon espace santé sera créé automatiquement le 17 mars 2022.");
    expect(email.text).toContain("K7P-4QX-9ZD");
    expect(email.text).toContain("valable jusqu'au 17/03/2022");
    expect(email.text).toContain("Activer ou s'opposer à Mon espace santé : http://localhost:3000/activation");
  });

  it("confirm an opposition with its date", () => {
    const email = oppositionReceiptEmail({ firstName: "Camille", opposedAt: new Date("2022-02-02T23:30:00Z") });
    expect(email.text).toContain("a bien été prise en compte le 03/02/2022");
    expect(email.text).toContain("justificatif d'opposition est joint");
  });

  it("confirm an activation as the walkthrough shows it", () => {
    const email = activationConfirmationEmail({ firstName: "Camille" });
    expect(email.subject).toBe("Votre profil a bien été activé");
    expect(email.html).toContain("Votre profil a bien été activé !");
    expect(email.text).toContain("Bienvenue sur Mon espace santé.");
    expect(email.text).toContain("Vous avez la main sur votre santé et vous pouvez désormais :");
    expect(email.text).toContain("suivre la santé de vos enfants");
    expect(email.html).toMatch(/<a href="http:\/\/localhost:3000\/connexion"[^>]*>Me connecter à Mon espace santé<\/a>/);
    expect(email.text).toContain("Avec toute mon attention,\nVotre correspondant Mon espace santé");
  });

  it("carry the code of a contact verification and of a login", () => {
    expect(contactVerificationEmail({ code: "305118" }).text).toContain("305118");
    const login = loginCodeEmail({ code: "918273", validUntil });
    expect(login.text).toContain("918273");
    expect(login.text).toContain("valable jusqu'à 14:05");
  });
});

describe("SMS templates", () => {
  it("fit in one SMS without Unicode", () => {
    for (const { text } of [
      provisionalCodeSms({ code: "482913", validUntil }),
      contactVerificationSms({ code: "305118" }),
      loginCodeSms({ code: "918273", validUntil }),
    ]) {
      expect(text.length).toBeLessThanOrEqual(160);
      expect(isGsm7(text)).toBe(true);
    }
  });

  it("carry the code and its expiry", () => {
    const { text } = provisionalCodeSms({ code: "482913", validUntil });
    expect(text).toContain("482913");
    expect(text).toContain("03/02/2022 à 14:05");
  });
});

describe("welcome message", () => {
  it("greets the patient in the secure messaging", () => {
    const { subject, body } = welcomeMessageBody();
    expect(subject).toBe("Bienvenue dans votre messagerie Mon espace santé");
    expect(body).toContain("Seul un professionnel de santé peut débuter un premier échange avec vous.");
    expect(body).toContain("Votre correspondant Mon espace santé.");
  });
});

describe("isGsm7", () => {
  it("knows which French letters need a Unicode SMS", () => {
    expect(isGsm7("é è à ù É")).toBe(true);
    expect(isGsm7("ê")).toBe(false);
    expect(isGsm7("ç")).toBe(false);
  });
});
