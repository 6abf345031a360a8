import { expect, type Page } from "@playwright/test";
import { codeChannelSchema, oneTimeCodeSchema, professionalIdentifierReminderSchema, professionalPasswordResetSchema } from "@/lib/auth/schemas";
import {
  codeEntrySchema,
  contactChangeSchema,
  contactCodeSchema,
  decisionSchema,
  receptionChannelSchema,
  termsSchema,
} from "@/lib/enrolment/schemas";
import {
  allDocumentsVisibilitySchema,
  defaultVisibilitySchema,
  documentDetailsSchema,
  documentIdSchema,
  documentMoveSchema,
  documentPinSchema,
  documentReportSchema,
  documentVisibilitySchema,
  folderCreateSchema,
  folderIdSchema,
  folderRenameSchema,
} from "@/lib/documents/schemas";
import { PRO_APPOINTMENT_STATUS_CHANGED_STATUS } from "@/lib/agenda/paths";
import { findPreventiveItem } from "@/lib/agenda/preventive-calendar";
import {
  appointmentStatusFormSchema,
  parseAppointmentForm,
  parsePreventiveStatusForm,
  parseProfessionalAppointmentForm,
  parseReminderForm,
} from "@/lib/agenda/schemas";
import { identitySchema } from "@/lib/register/identity";
import { consentFormSchema, patientFieldSchema } from "@/lib/professional-access/record-forms";
import { emailPreferencesSchema, notificationIdSchema } from "@/lib/notifications/schemas";
import { administratorSchema, emergencyReasonSchema, emergencySettingsSchema, professionalAccessIdSchema } from "@/lib/professional-access/schemas";
import { patientSearchSchema } from "@/lib/professionals/patient-search-schema";
import { authorizationRequestSchema, purposesFormSchema, serviceIdSchema, tickedPurposes } from "@/lib/connected-services/schemas";
import { attachmentIdsSchema, conversationIdSchema, saveAttachmentSchema } from "@/lib/messaging/schemas";
import { parseAnswer } from "@/lib/onboarding/answers";
import { QUESTIONS } from "@/lib/onboarding/questions";
import { BLOOD_GROUPS, parseEntry } from "@/lib/medical-profile/entries";
import { parseLifestyleAnswers } from "@/lib/medical-profile/lifestyle";
import { parseSynthesisSections } from "@/lib/medical-profile/synthesis-form";
import { DIRECTIVE_CHOICES, DIRECTIVE_TREATMENTS, DIRECTIVE_VARIANTS } from "@/lib/advance-directives/choices";
import { advanceDirectivesFormSchema } from "@/lib/advance-directives/form";
import { isEntrySection, isProfileItemSection, profileSectionInfo } from "@/lib/medical-profile/sections";
import { isUuid } from "@/lib/validation";
import { addToProfileSchema, healthHistoryVisibilitySchema } from "@/lib/reimbursements/schemas";
import { findMeasureKindBySlug, WEIGHT } from "@/lib/medical-profile/measures";
import { parseMeasurementInput, parseTargetInput } from "@/lib/medical-profile/measures-input";
import { giveActiveAccount, type TestAccount } from "../../e2e/support/accounts";
import { createTestDocument, createTestFolder } from "../../e2e/support/documents";
import { createTestNotification } from "../../e2e/support/notifications";
import { createTestStatementLine } from "../../e2e/support/reimbursements";
import { ensureProfessionalAccess, writeAsTestProfessional } from "../../e2e/support/messaging";
import { createActivePatient, markOnboarded, type ActivePatient } from "../../e2e/support/patients";
import { createTestProfessional, giveProfessionalAccess } from "../../e2e/support/professionals";
import { createRegisteredPerson, sql, type TestPerson } from "../../e2e/support/register";
import { connectTestService, createTestService } from "../../e2e/support/services";
import { type Credential, type FlowStage, holdCookie, mintChallengeCookie, mintFlowCookie, mintSessionCookie } from "./credentials";

/**
 * Every server action of the app, in ONE list: what it needs to know who is asking, how a test
 * puts a person in front of its form, how the form is filled, and which inputs its own
 * validation refuses. The attack suite replays and fuzzes each of them on its own, one test per
 * action (action-replay.spec.ts, which fuzzes it too: support/action-fuzz.ts), and checks that this list names exactly
 * the actions the build exposes (Next.js' server-reference manifest): a new action fails the
 * suite until it is added here, with its `reach`, its `submit` and its `refusesInput`.
 *
 * Actions are listed in the order a person meets them: the checks that follow one person
 * through (host-poisoning.spec.ts, canary.spec.ts) run a journey's actions one after the other
 * in one browser, the state left by one being what the next one needs.
 */

export type Journey =
  | "activation"
  | "opposition"
  | "login-and-space"
  | "documents"
  | "access-authorisations"
  | "notifications"
  | "password-reset"
  | "identifier-reminder"
  | "pro-portal"
  | "pro-password-reset"
  | "pro-identifier-reminder";

/** A person whose actions are captured and replayed, and the strangers the replays borrow credentials from. */
export type JourneyState = {
  victim: TestPerson & Partial<TestAccount>;
  /** Someone else with an active account: sessions, login attempts and resets are minted for them. */
  stranger: ActivePatient;
  /** Someone else in the middle of enrolment: flows are minted for them. */
  enrollingStranger: TestPerson;
  /** The e-mail address the victim moves to during activation. */
  newEmail: string;
  /** The password the victim chooses (activation, password reset). */
  newPassword: string;
};

/** Values a form sent, as the action reads them with FormData.get: the first text value of each field. */
export type FieldValues = Record<string, string | undefined>;

export type ServerActionCase = {
  /** "<source file>#<export>", as Next.js' server-reference manifest names the action. */
  action: string;
  /** The journey it belongs to, which also says who the victim is (createJourneyState). */
  journey: Journey;
  /** The cookie the action reads to know who is asking; "none" for a public entry point. */
  credential: Credential | "none";
  /**
   * Puts the victim in front of the action's form directly, without the journey before it: the
   * credential minted as the app makes it (./credentials.ts), the page opened; where the form
   * needs a secret only the app knows (a code it sent), the action before it submitted for real
   * (afterSubmitting).
   */
  reach: (page: Page, state: JourneyState) => Promise<void>;
  /** On the page the journey stands on: fills the form, then clicks what posts the action. */
  submit?: (page: Page, state: JourneyState) => Promise<void>;
  /** No form posts this action yet (it is exposed all the same): it is replayed with the body of that action's capture. */
  sameBodyAs?: string;
  /**
   * Whether the action's own validation refuses these values before writing anything (the
   * app's zod schemas, imported). The fuzzer sends only such values with a live credential;
   * undefined when the action takes no input, so that anything it is sent is a valid call.
   */
  refusesInput?: (values: FieldValues) => boolean;
  /** For an action that writes nothing: how its legitimate replay shows it went through. */
  isAcceptedWithoutRows?: (outcome: { redirect: string | null; result: unknown }) => boolean;
  /**
   * Undoes what the replay with a stranger's credential legitimately did for the stranger when
   * it stands in the victim's way (a unique value taken), so that the victim's own request can still go through.
   */
  releaseAfterStrangerReplay?: (state: JourneyState) => Promise<void>;
};

const refusedBy =
  (schema: { safeParse: (input: unknown) => { success: boolean } }) =>
  (values: FieldValues): boolean =>
    !schema.safeParse(values).success;

async function clickButton(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).click();
}

/** The newest message the outbox holds for `recipient`, and the first match of `pattern` in it. */
export async function readFromOutbox(recipient: string, pattern: RegExp): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const [message] = await sql<{ textBody: string | null }[]>`
        select text_body as "textBody" from outgoing_messages where recipient = ${recipient} order by created_at desc limit 1`;
      found = pattern.exec(message?.textBody ?? "")?.[0];
      return found;
    })
    .toBeDefined();
  return found!;
}

const PROVISIONAL_CODE = /\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/;
const SIX_DIGITS = /\b\d{6}\b/;

/** The RPPS of the professional victim (named by their directory id), as /pro's recovery forms ask for it. */
async function rppsOf(professionalId: string): Promise<string> {
  const [row] = await sql<{ rpps: string }[]>`select rpps from professionals where id = ${professionalId}`;
  return row!.rpps;
}

async function fillIdentity(page: Page, person: TestPerson) {
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(person.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill(person.birthDateFr);
  await page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" }).fill(person.vitaleSerial);
}

/** The victim in the middle of enrolment at the stage `stageNow` gives (dated now), on `path`. */
const inFlow =
  (path: string, stageNow: () => FlowStage = () => ({})) =>
  async (page: Page, { victim }: JourneyState) => {
    await holdCookie(page, await mintFlowCookie(victim.id, stageNow()));
    await page.goto(path);
  };

/** The victim with a live login attempt (password accepted) or password reset (identity proved), on `path`. */
const inChallenge =
  (purpose: "login" | "password-reset", path: string, options: { isCodeVerified?: boolean } = {}) =>
  async (page: Page, { victim }: JourneyState) => {
    await holdCookie(page, await mintChallengeCookie(victim.id, purpose, options));
    await page.goto(path);
  };

/** The victim signed in, on `path`. */
const inSession = (path: string) => async (page: Page, { victim }: JourneyState) => {
  await holdCookie(page, await mintSessionCookie(victim.id));
  await page.goto(path);
};

/** The professional victim signed in to /pro, on the page of the patient they searched for (the stranger), without access yet. */
const onProPatientPage = async (page: Page, { victim, stranger }: JourneyState) => {
  await holdCookie(page, await mintSessionCookie(victim.id));
  await page.goto(`/pro/patients/${stranger.id}`);
};

/**
 * The professional victim in /pro on the stranger's record, with the stranger's consent and an
 * appointment they added to the stranger's agenda (made in SQL as « Ajouter un rendez-vous » leaves it).
 */
const onProPatientPageWithAppointment = async (page: Page, { victim, stranger }: JourneyState) => {
  await ensureProfessionalAccess(stranger.id, victim.id);
  await sql`
    insert into appointments (person_id, title, with_kind, with_name, starts_at, author_kind, author_professional_id, status)
    values (${stranger.id}, 'Consultation de suivi', 'practitioner', 'Dr Anne Leroy', now() + interval '30 days', 'professional', ${victim.id}, 'booked')`;
  await holdCookie(page, await mintSessionCookie(victim.id));
  await page.goto(`/pro/patients/${stranger.id}`);
};

/** A day some weeks ahead, "JJ/MM/AAAA", in Paris: an appointment or a reminder still to come. */
function dayAhead(days: number): string {
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(Date.now() + days * 86_400_000));
}

/**
 * The victim signed in and done with the first-login questionnaire (the space's frame asks for it), on `path`. */
const inOnboardedSession =
  (path: string | ((victimId: string) => Promise<string>)) =>
  async (page: Page, { victim }: JourneyState) => {
    // The journey may have left the questionnaire unfinished: it is marked done either way.
    await markOnboarded(victim.id);
    await holdCookie(page, await mintSessionCookie(victim.id));
    await page.goto(typeof path === "string" ? path : await path(victim.id));
  };

/** A page of "Mesures" in the victim's onboarded session, from whatever page the journey stands on. */
const openMeasurementsPage = (page: Page, state: JourneyState, path: string) => inOnboardedSession(path)(page, state);

/** A profile entry of the victim's, made by the factory as the profile's own form would: its page's path. */
async function withProfileItem(victimId: string, section: "allergy" | "vaccination"): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into profile_items (person_id, section, label, start_year) values (${victimId}, ${section}, 'Pollen', 2024) returning id`;
  return `/profil-medical/${profileSectionInfo(section).anchor}/${row!.id}`;
}
/**
 * The victim signed in and onboarded, with what Documents needs made by the e2e factories (a
 * document of their own, a folder), on the page `pathOf` names.
 */
const inDocuments = (pathOf: (made: { documentId: string; folderId: string }) => string) =>
  inOnboardedSession(async (victimId) => {
    const document = await createTestDocument(victimId, { title: "Radio du poignet" });
    const folder = await createTestFolder(victimId, "Examens");
    return pathOf({ documentId: document.id, folderId: folder.id });
  });

const onDocumentPage = inDocuments(({ documentId }) => `/documents/${documentId}`);

const PDF_ATTACHMENT = { name: "resultats.pdf", mimeType: "application/pdf", bytes: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") };

/** The victim signed in and onboarded, on a conversation a professional they authorised opened with an attachment (posted through /pro's own handler). */
const onConversationWithAttachment = inOnboardedSession(async (victimId) => {
  const professional = await createTestProfessional();
  await ensureProfessionalAccess(victimId, professional.professionalId);
  const conversationId = await writeAsTestProfessional({
    professionalId: professional.professionalId,
    personId: victimId,
    subject: "Vos résultats",
    body: "Bonjour, voici vos résultats.",
    attachments: [PDF_ATTACHMENT],
  });
  return `/messagerie/${conversationId}`;
});

/** The professional victim in /pro, on a conversation they opened with the stranger (whom they may reach). */
const onProConversation = async (page: Page, { victim, stranger }: JourneyState) => {
  await ensureProfessionalAccess(stranger.id, victim.id);
  const conversationId = await writeAsTestProfessional({ professionalId: victim.id, personId: stranger.id, subject: "Suivi", body: "Bonjour, comment allez-vous ?" });
  await holdCookie(page, await mintSessionCookie(victim.id));
  await page.goto(`/pro/messagerie/${conversationId}`);
};

/**
 * The victim signed in and onboarded on « Autorisations d'accès », with one professional
 * authorised and one blocked (made in SQL as the /pro portal's consent and a block leave them).
 */
const inAccessAuthorisations = async (page: Page, { victim }: JourneyState) => {
  await markOnboarded(victim.id);
  const doctor = await createTestProfessional({ firstName: "Anne", lastName: "Leroy" });
  const nurse = await createTestProfessional({ firstName: "Léa", lastName: "Petit", professionCode: "60", specialty: null });
  await giveProfessionalAccess(victim.id, doctor.professionalId);
  await giveProfessionalAccess(victim.id, nurse.professionalId, "blocked");
  await holdCookie(page, await mintSessionCookie(victim.id));
  await page.goto("/autorisations");
};

/**
 * The victim signed in and onboarded on their notification centre, with one unread notification
 * leading to a document of theirs (made in SQL as notify() leaves it); `path` opens another page.
 */
const inNotifications =
  (path = "/notifications") =>
  async (page: Page, { victim }: JourneyState) => {
    await markOnboarded(victim.id);
    const document = await createTestDocument(victim.id, { title: "Compte rendu de consultation", authorKind: "professional" });
    await createTestNotification(victim.id, {
      title: `Nouveau document : ${document.title}`,
      path: `/documents/${document.id}`,
      target: { type: "document", id: document.id },
    });
    await holdCookie(page, await mintSessionCookie(victim.id));
    await page.goto(path);
  };

/** The victim signed in on a service's page of the catalogue, connected to it with one purpose when `isConnected`. */
const onServicePage =
  ({ isConnected }: { isConnected: boolean }) =>
  async (page: Page, { victim }: JourneyState) => {
    await markOnboarded(victim.id);
    const service = await createTestService();
    if (isConnected) await connectTestService(victim.id, service.id, ["measurements:read"]);
    await holdCookie(page, await mintSessionCookie(victim.id));
    await page.goto(`/catalogue/${service.id}`);
  };

/** The victim signed in on the consent page a new service sent them to (a valid PKCE request). */
const onConsentPage = async (page: Page, { victim }: JourneyState) => {
  await markOnboarded(victim.id);
  const service = await createTestService();
  await holdCookie(page, await mintSessionCookie(victim.id));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: service.code,
    redirect_uri: service.redirectUri,
    state: "etat",
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
  });
  await page.goto(`/catalogue/autorisation?${query.toString()}`);
};

const onPage = (path: string) => async (page: Page) => {
  await page.goto(path);
};

/** Where `action` leads once submitted for real: its form reached, filled and posted. */
const afterSubmitting = (action: string) => async (page: Page, state: JourneyState) => {
  const previous = findServerAction(action);
  await previous.reach(page, state);
  await previous.submit!(page, state);
};

/** Stages of an enrolment flow, as the steps before each page leave it. */
const codeVerified = (): FlowStage => ({ codeVerifiedAt: new Date() });
const termsAccepted = (): FlowStage => ({ ...codeVerified(), termsAcceptedAt: new Date() });
const contactsConfirmed = (): FlowStage => ({ ...termsAccepted(), contactsConfirmedAt: new Date() });

/** The identifier an activation creates: valid, unique, not the suggestion. */
export function activationIdentifierOf(person: TestPerson): string {
  return `essai.${person.id.slice(0, 8)}`;
}

export const SERVER_ACTIONS: readonly ServerActionCase[] = [
  // Enrolment, up to activation (app/(public)/activation).
  {
    action: "app/(public)/activation/nouveau-code/actions.ts#identifyAction",
    journey: "activation",
    credential: "none",
    reach: onPage("/activation/nouveau-code"),
    submit: async (page, { victim }) => {
      await fillIdentity(page, victim);
      await clickButton(page, "Continuer");
    },
    refusesInput: refusedBy(identitySchema),
  },
  {
    action: "app/(public)/activation/mode-de-reception/actions.ts#chooseReceptionAction",
    journey: "activation",
    credential: "flow",
    reach: inFlow("/activation/mode-de-reception"),
    submit: async (page) => {
      await page.getByRole("radio", { name: "Par e-mail" }).check();
      await clickButton(page, "Recevoir mon code provisoire");
    },
    refusesInput: refusedBy(receptionChannelSchema),
  },
  {
    action: "app/(public)/activation/actions.ts#verifyCodeAction",
    journey: "activation",
    credential: "flow",
    reach: afterSubmitting("app/(public)/activation/mode-de-reception/actions.ts#chooseReceptionAction"),
    submit: async (page, { victim }) => {
      await page.getByRole("textbox", { name: "Code provisoire" }).fill(await readFromOutbox(victim.email!, PROVISIONAL_CODE));
      await clickButton(page, "Valider");
    },
    refusesInput: refusedBy(codeEntrySchema),
  },
  {
    action: "app/(public)/activation/choix/actions.ts#chooseDecisionAction",
    journey: "activation",
    credential: "flow",
    reach: inFlow("/activation/choix", codeVerified),
    submit: async (page) => {
      await page.getByRole("radio", { name: "J'active Mon espace santé" }).check();
      await clickButton(page, "Continuer");
    },
    refusesInput: refusedBy(decisionSchema),
    // Choosing to activate only leads on to the terms: nothing is written until they are accepted.
    isAcceptedWithoutRows: ({ redirect }) => redirect === "/activation/conditions",
  },
  {
    action: "app/(public)/activation/conditions/actions.ts#acceptTermsAction",
    journey: "activation",
    credential: "flow",
    reach: inFlow("/activation/conditions", codeVerified),
    submit: async (page) => {
      await page
        .getByRole("checkbox", {
          name: "J'accepte les Conditions Générales d'Utilisation et la Politique de protection des données personnelles",
        })
        .check();
      await clickButton(page, "Continuer");
    },
    refusesInput: refusedBy(termsSchema),
  },
  {
    action: "app/(public)/activation/coordonnees/actions.ts#requestContactChangeAction",
    journey: "activation",
    credential: "flow",
    reach: inFlow("/activation/coordonnees", termsAccepted),
    submit: async (page, { newEmail }) => {
      await page.getByRole("link", { name: "Modifier l'adresse e-mail" }).click();
      await page.getByRole("textbox", { name: "Nouvelle adresse e-mail" }).fill(newEmail);
      await clickButton(page, "Recevoir un code de vérification");
    },
    refusesInput: refusedBy(contactChangeSchema),
  },
  {
    action: "app/(public)/activation/coordonnees/actions.ts#confirmContactChangeAction",
    journey: "activation",
    credential: "flow",
    reach: afterSubmitting("app/(public)/activation/coordonnees/actions.ts#requestContactChangeAction"),
    submit: async (page, { newEmail }) => {
      await page.getByRole("textbox", { name: "Code de vérification" }).fill(await readFromOutbox(newEmail, SIX_DIGITS));
      await clickButton(page, "Valider le code");
    },
    refusesInput: refusedBy(contactCodeSchema),
  },
  {
    action: "app/(public)/activation/coordonnees/actions.ts#confirmContactsAction",
    journey: "activation",
    credential: "flow",
    reach: inFlow("/activation/coordonnees", termsAccepted),
    submit: async (page) => clickButton(page, "Continuer"),
  },
  {
    action: "app/(public)/activation/identifiant/actions.ts#createAccountAction",
    journey: "activation",
    credential: "flow",
    reach: inFlow("/activation/identifiant", contactsConfirmed),
    submit: async (page, { victim, newPassword }) => {
      await page.getByRole("textbox", { name: "Identifiant" }).fill(activationIdentifierOf(victim));
      await page.getByLabel("Mot de passe", { exact: true }).fill(newPassword);
      await page.getByLabel("Confirmer le mot de passe", { exact: true }).fill(newPassword);
      await clickButton(page, "Créer mon compte");
    },
    // Two different passwords are refused whatever else is sent (the schema's own rule).
    refusesInput: (values) => (values.password ?? "") !== (values.passwordConfirmation ?? ""),
    // The stranger, at the same stage, opened their own account under the victim's identifier.
    releaseAfterStrangerReplay: async ({ enrollingStranger }) => {
      await sql`update accounts set identifier = identifier || '.autre' where person_id = ${enrollingStranger.id}`;
    },
  },
  // Opposition: the journey reaches the choice like the activation one, then opposes.
  {
    action: "app/(public)/activation/choix/actions.ts#confirmOppositionAction",
    journey: "opposition",
    credential: "flow",
    reach: inFlow("/activation/choix", codeVerified),
    submit: async (page) => {
      await page.getByRole("radio", { name: "Je m'oppose à la création de Mon espace santé" }).check();
      await clickButton(page, "Continuer");
      await page
        .getByRole("dialog", { name: "Je valide l'opposition à la création de Mon espace santé" })
        .getByRole("button", { name: "Continuer" })
        .click();
    },
  },
  // Login, then the space as a first-time visitor (the questionnaire) and the session's own actions.
  {
    action: "app/(auth)/connexion/actions.ts#loginPasswordAction",
    journey: "login-and-space",
    credential: "none",
    reach: onPage("/connexion"),
    submit: async (page, { victim }) => {
      await page.getByRole("textbox", { name: "Identifiant" }).fill(victim.identifier!);
      await page.getByLabel("Mot de passe", { exact: true }).fill(victim.password!);
      await clickButton(page, "Se connecter");
    },
  },
  {
    action: "app/(auth)/connexion/code/actions.ts#sendLoginCodeAction",
    journey: "login-and-space",
    credential: "login-attempt",
    reach: inChallenge("login", "/connexion/code"),
    submit: async (page) => {
      await page.getByRole("radio", { name: "Par e-mail" }).check();
      await clickButton(page, "Recevoir mon code");
    },
    refusesInput: refusedBy(codeChannelSchema("code de connexion")),
  },
  {
    action: "app/(auth)/connexion/code/actions.ts#verifyLoginCodeAction",
    journey: "login-and-space",
    credential: "login-attempt",
    reach: afterSubmitting("app/(auth)/connexion/code/actions.ts#sendLoginCodeAction"),
    submit: async (page, { victim }) => {
      await page.getByRole("textbox", { name: "Code de connexion" }).fill(await readFromOutbox(victim.email!, SIX_DIGITS));
      await clickButton(page, "Valider");
    },
    refusesInput: refusedBy(oneTimeCodeSchema("code de connexion")),
  },
  {
    action: "app/(espace)/questionnaire/actions.ts#answerQuestionAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/questionnaire"),
    submit: async (page) => {
      await page.getByRole("textbox", { name: "Quelle est ma taille ?" }).fill("1,68");
      await clickButton(page, "Continuer");
    },
    // The action reads the step with Number(), as here.
    refusesInput: (values) => {
      const question = QUESTIONS.find((candidate) => candidate.step === Number(values.step ?? null));
      return !question || !parseAnswer(question, values).success;
    },
  },
  {
    action: "app/(espace)/questionnaire/actions.ts#skipQuestionAction",
    journey: "login-and-space",
    credential: "session",
    reach: afterSubmitting("app/(espace)/questionnaire/actions.ts#answerQuestionAction"),
    submit: async (page) => {
      await expect(page.getByText("Question 2 sur 5", { exact: true })).toBeVisible();
      await page.getByRole("button", { name: /^Passer/ }).click();
    },
    // Only the step in progress can be passed, and the victim stands at step 2 (read with Number(), as the action does).
    refusesInput: (values) => Number(values.step ?? null) !== 2,
  },
  {
    action: "app/(espace)/session-actions.ts#readSessionTimingAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/questionnaire"),
    // The space reads the session's deadline after each navigation.
    submit: async (page) => {
      await page.reload();
    },
    isAcceptedWithoutRows: ({ result }) => typeof result === "object" && result !== null && "remainingMs" in result,
  },
  {
    action: "app/(espace)/session-actions.ts#stayConnectedAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/questionnaire"),
    // Thirteen and a half idle minutes bring the warning and its "Rester connecté".
    submit: async (page, { victim }) => {
      await sql`update sessions set last_active_at = now() - interval '810 seconds' where account_id = (select id from accounts where person_id = ${victim.id}) and revoked_at is null`;
      await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
      await page.getByRole("alertdialog", { name: "Vous allez être déconnecté" }).getByRole("button", { name: "Rester connecté" }).click();
      // The click is captured, not sent: the session stays as idle as the warning found it, and
      // the attacks before the legitimate replay (the matrix's ten personas) can outlast its last
      // 90 seconds. Back to five idle minutes, so that the replay still finds it live to extend.
      await sql`update sessions set last_active_at = now() - interval '5 minutes' where account_id = (select id from accounts where professional_id = ${victim.id}) and revoked_at is null`;
    },
  },
  {
    action: "app/(espace)/session-actions.ts#changeProfileAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    // "Changer de profil", then the one space listed: the victim's own (no one has made them a representative).
    submit: async (page, { victim }) => {
      await clickButton(page, "Changer de profil");
      await clickButton(page, `${victim.firstNames} ${victim.birthName}`);
      // Their own space's home, or its first-login questionnaire while they have not answered it.
      await expect(page).toHaveURL(/\/(accueil|questionnaire)$/);
    },
    // Only the id of a space this account may open is taken; anything else is "not found".
    refusesInput: (values) => !isUuid(values.personId ?? ""),
    // Choosing one's own space leaves the session's choice empty, as it was: it shows as the redirect.
    isAcceptedWithoutRows: ({ redirect }) => redirect?.endsWith("/accueil") ?? false,
  },
  // "Mesures" (app/(espace)/(frame)/profil-medical/mesures): each form opened by its submit, so
  // that it follows whatever page the journey stands on; the space's pages ask for a finished
  // questionnaire, and deleting or removing needs something to delete.
  {
    action: "app/(espace)/(frame)/profil-medical/mesures/ajouter/actions.ts#addMeasurementAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await openMeasurementsPage(page, state, "/profil-medical/mesures/ajouter");
      await page.getByRole("combobox", { name: "Type de mesure" }).selectOption({ label: "Tension artérielle" });
      await page.getByRole("textbox", { name: "Systolique" }).fill("128");
      await page.getByRole("textbox", { name: "Diastolique" }).fill("84");
      await page.getByRole("textbox", { name: "Date" }).fill("15/11/2025");
      await page.getByRole("textbox", { name: "Heure" }).fill("08:30");
      await clickButton(page, "Enregistrer la mesure");
    },
    refusesInput: (values) => !parseMeasurementInput(values, new Date()).success,
  },
  {
    action: "app/(espace)/(frame)/profil-medical/mesures/[type]/actions.ts#deleteMeasurementAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await sql`
        insert into measurements (person_id, code, value, unit, measured_at)
        values (${state.victim.id}, ${WEIGHT.code}, 70, ${WEIGHT.storedUnit}, '2025-11-15T07:30:00Z')`;
      await openMeasurementsPage(page, state, "/profil-medical/mesures/poids");
      await page.getByRole("button", { name: "Supprimer la mesure du 15/11/2025 à 08:30" }).first().click();
      await page
        .getByRole("dialog", { name: "Supprimer la mesure du 15/11/2025 à 08:30 ?" })
        .getByRole("button", { name: "Supprimer", exact: true })
        .click();
    },
    // Only an id can name a measurement; anything else is "not found".
    refusesInput: (values) => !isUuid(values.measurementId ?? ""),
  },
  // "Remboursements" (app/(espace)/(frame)/remboursements): a delivered medicine of the victim's, made
  // as the insurer's import leaves it, then its details opened; the section's masking switch.
  {
    action: "app/(espace)/(frame)/remboursements/actions.ts#addToProfileAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await createTestStatementLine(state.victim.id, { careDate: "2025-11-15", actLabel: "Amoxicilline 500 mg", category: "medicine-vaccine" });
      await inOnboardedSession("/remboursements")(page, state);
      // The line's own « Détails » (a summary), not the table's column header.
      await page.locator("summary", { hasText: "Détails" }).first().click();
      await clickButton(page, "Ajouter à mes traitements");
    },
    refusesInput: refusedBy(addToProfileSchema),
  },
  {
    action: "app/(espace)/(frame)/remboursements/actions.ts#changeHealthHistoryVisibilityAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/remboursements/histoire-de-sante")(page, state);
      await clickButton(page, "Masquer aux professionnels");
    },
    refusesInput: refusedBy(healthHistoryVisibilitySchema),
  },
  {
    action: "app/(espace)/(frame)/profil-medical/mesures/[type]/actions.ts#setMeasurementTargetAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await openMeasurementsPage(page, state, "/profil-medical/mesures/poids");
      await page.getByRole("textbox", { name: "Objectif" }).fill("60");
      await clickButton(page, "Enregistrer l'objectif");
    },
    refusesInput: (values) => {
      const kind = findMeasureKindBySlug(values.type ?? "");
      return !kind || !parseTargetInput(kind, values).success;
    },
  },
  {
    action: "app/(espace)/(frame)/profil-medical/mesures/[type]/actions.ts#removeMeasurementTargetAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await sql`
        insert into measurement_targets (person_id, code, value, unit)
        values (${state.victim.id}, ${WEIGHT.code}, 60, ${WEIGHT.storedUnit})
        on conflict (person_id, code) do nothing`;
      await openMeasurementsPage(page, state, "/profil-medical/mesures/poids");
      await clickButton(page, "Supprimer l'objectif");
    },
    // Only a known measure's target can be removed; any other name is "not found".
    refusesInput: (values) => !findMeasureKindBySlug(values.type ?? ""),
  },
  // Profil médical (app/(espace)/(frame)/profil-medical): each form opened by its submit, so that
  // a journey (the canaries) reaches it from whatever page the previous action left.
  {
    action: "app/(espace)/(frame)/profil-medical/actions.ts#saveEntryAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/profil-medical/allergies/ajouter")(page, state);
      await page.getByRole("textbox", { name: "Nom de l'allergie" }).fill("Pollen de bouleau");
      await clickButton(page, "Enregistrer");
    },
    // The action reads the section and id first (anything else is "not found"), then the fields as lib/medical-profile/entries.ts does.
    refusesInput: (values) => {
      const section = values.section ?? "";
      if (!isEntrySection(section) || (values.id && !isUuid(values.id))) return true;
      const submitted = Object.fromEntries(Object.entries(values).flatMap(([name, value]) => (value === undefined ? [] : [[name, [value]]])));
      return !parseEntry(section, submitted, { now: new Date() }).success;
    },
  },
  {
    action: "app/(espace)/(frame)/profil-medical/actions.ts#deleteEntryAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession((victimId) => withProfileItem(victimId, "allergy"))(page, state);
      await clickButton(page, "Supprimer");
    },
    refusesInput: (values) => !isEntrySection(values.section ?? "") || !isUuid(values.id ?? ""),
  },
  {
    action: "app/(espace)/(frame)/profil-medical/actions.ts#declareNotConcernedAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/profil-medical/completer")(page, state);
      // Not "Allergies" nor "Traitements": the journey's saveEntryAction has just added an allergy and
      // its addToProfileAction a treatment, and a section with entries offers no such button.
      await clickButton(page, "Je ne suis pas concerné : Hospitalisations");
    },
    refusesInput: (values) => {
      const section = values.section ?? "";
      return !isProfileItemSection(section) || !profileSectionInfo(section).offersNotConcerned;
    },
  },
  {
    action: "app/(espace)/(frame)/profil-medical/actions.ts#setMaskAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession(async (victimId) => {
      await withProfileItem(victimId, "vaccination");
      return "/profil-medical";
    })(page, state);
      await clickButton(page, "Masquer aux professionnels");
    },
    refusesInput: (values) => {
      if (values.hidden !== "true" && values.hidden !== "false") return true;
      if (values.kind === "organ-donation") return false;
      return !["profile-item", "entourage-contact"].includes(values.kind ?? "") || !isUuid(values.id ?? "");
    },
  },
  {
    action: "app/(espace)/(frame)/profil-medical/actions.ts#saveBloodGroupAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/profil-medical/groupe-sanguin")(page, state);
      await page.getByRole("combobox", { name: "Groupe sanguin" }).selectOption({ label: "O positif (O+)" });
      await clickButton(page, "Enregistrer");
    },
    // No value (or an empty one) removes the blood group: only a value outside the list is refused.
    refusesInput: (values) => values.bloodGroup !== undefined && values.bloodGroup !== "" && !BLOOD_GROUPS.some((choice) => choice.value === values.bloodGroup),
  },
  {
    action: "app/(espace)/(frame)/profil-medical/actions.ts#saveOrganDonationAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/profil-medical")(page, state);
      await page.getByRole("checkbox", { name: "J'ai pris connaissance de l'information sur le don d'organes" }).check();
      await page.getByRole("region", { name: "Don d'organes" }).getByRole("button", { name: "Enregistrer" }).click();
    },
  },
  {
    action: "app/(espace)/(frame)/profil-medical/actions.ts#saveLifestyleAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/profil-medical/habitudes-de-vie")(page, state);
      await page.getByRole("radiogroup", { name: "Je fume" }).getByRole("radio", { name: "Non, je n'ai jamais fumé" }).check();
      await clickButton(page, "Enregistrer");
    },
    refusesInput: (values) => !parseLifestyleAnswers(values).success,
  },
  {
    action: "app/(espace)/(frame)/profil-medical/synthese/actions.ts#saveSynthesisAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/profil-medical/synthese")(page, state);
      await clickButton(page, "Enregistrer dans mes documents");
    },
    // The victim does not mask new documents by default, so the visibility is never asked: only the sections are read.
    refusesInput: (values) => parseSynthesisSections(values.rubrique === undefined ? [] : [values.rubrique]).status === "invalid",
  },
  {
    action: "app/(espace)/(frame)/profil-medical/directives-anticipees/actions.ts#saveDirectivesAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/profil-medical/directives-anticipees")(page, state);
      await page.getByRole("radiogroup", { name: "Ma situation de santé" }).getByRole("radio", { name: DIRECTIVE_VARIANTS["good-health"] }).check();
      for (const label of Object.values(DIRECTIVE_TREATMENTS)) {
        await page.getByRole("radiogroup", { name: label, exact: true }).getByRole("radio", { name: DIRECTIVE_CHOICES.undecided }).check();
      }
      await page.getByRole("textbox", { name: "Lieu de rédaction" }).fill("Lyon");
      await clickButton(page, "Enregistrer mes directives anticipées");
    },
    refusesInput: refusedBy(advanceDirectivesFormSchema),
  },
  {
    action: "app/(espace)/(frame)/agenda/actions.ts#saveAppointmentAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/agenda/rendez-vous/ajouter")(page, state);
      await page.getByRole("textbox", { name: "Titre" }).fill("Bilan annuel");
      await page.getByRole("textbox", { name: "Avec qui" }).fill("Dr Roux");
      await page.getByRole("textbox", { name: "Date" }).fill(dayAhead(20));
      await page.getByRole("textbox", { name: "Heure" }).fill("09:45");
      await clickButton(page, "Enregistrer le rendez-vous");
    },
    // An id that is no uuid is "not found" before the fields are read.
    refusesInput: (values) => (values.id !== undefined && !isUuid(values.id)) || !parseAppointmentForm(values).success,
  },
  {
    action: "app/(espace)/(frame)/agenda/actions.ts#deleteAppointmentAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession(async (victimId) => {
        const [row] = await sql<{ id: string }[]>`
          insert into appointments (person_id, title, with_kind, with_name, starts_at)
          values (${victimId}, 'À supprimer', 'practitioner', 'Dr Roux', now() + interval '20 days') returning id`;
        return `/agenda/rendez-vous/${row!.id}`;
      })(page, state);
      await clickButton(page, "Supprimer le rendez-vous");
    },
    refusesInput: (values) => !isUuid(values.id ?? ""),
  },
  {
    action: "app/(espace)/(frame)/agenda/actions.ts#addReminderAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/agenda/rappels/ajouter")(page, state);
      await page.getByRole("textbox", { name: "Titre" }).fill("Renouveler l'ordonnance");
      await page.getByRole("textbox", { name: "Date" }).fill(dayAhead(10));
      await clickButton(page, "Enregistrer le rappel");
    },
    refusesInput: (values) => !parseReminderForm(values, new Date()).success,
  },
  {
    action: "app/(espace)/(frame)/agenda/actions.ts#deleteReminderAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await sql`
        insert into agenda_reminders (person_id, title, remind_on, slot)
        values (${state.victim.id}, 'À supprimer', '2099-01-15', 1)`;
      await inOnboardedSession("/agenda")(page, state);
      await clickButton(page, "Supprimer le rappel À supprimer du 15/01/2099");
    },
    refusesInput: (values) => !isUuid(values.id ?? ""),
  },
  {
    action: "app/(espace)/(frame)/agenda/actions.ts#setPreventiveStatusAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/agenda/prevention/vaccination-dtp-45y")(page, state);
      await page.getByRole("radio", { name: "Réalisé", exact: true }).check();
      await clickButton(page, "Enregistrer le statut");
    },
    // An unknown item is "not found" before its fields are read.
    refusesInput: (values) => !findPreventiveItem(values.itemCode ?? "") || !parsePreventiveStatusForm(values, new Date()).success,
  },
  {
    action: "app/(espace)/(frame)/agenda/actions.ts#renewCalendarFeedAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/accueil"),
    submit: async (page, state) => {
      await inOnboardedSession("/agenda")(page, state);
      // The post is captured before it leaves: the new address is the replay's to show, not the page's.
      await page.getByRole("button", { name: /^(Créer mon |Renouveler l')adresse d'abonnement$/ }).click();
    },
  },
  {
    action: "app/(espace)/session-actions.ts#logoutAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/questionnaire"),
    submit: async (page) => clickButton(page, "Se déconnecter"),
  },
  {
    action: "app/(espace)/session-actions.ts#logoutEverywhereAction",
    journey: "login-and-space",
    credential: "session",
    reach: inSession("/questionnaire"),
    sameBodyAs: "app/(espace)/session-actions.ts#logoutAction",
  },
  // Documents (app/(espace)/(frame)/documents): the victim's own document and folder, made for each action.
  {
    action: "app/(espace)/(frame)/documents/[id]/actions.ts#changeVisibilityAction",
    journey: "documents",
    credential: "session",
    reach: onDocumentPage,
    submit: async (page) => clickButton(page, "Masquer aux professionnels"),
    refusesInput: refusedBy(documentVisibilitySchema),
  },
  {
    action: "app/(espace)/(frame)/documents/[id]/actions.ts#changePinAction",
    journey: "documents",
    credential: "session",
    reach: onDocumentPage,
    submit: async (page) => clickButton(page, "Épingler"),
    refusesInput: refusedBy(documentPinSchema),
  },
  {
    action: "app/(espace)/(frame)/documents/[id]/actions.ts#updateDocumentDetailsAction",
    journey: "documents",
    credential: "session",
    reach: onDocumentPage,
    submit: async (page) => {
      await page.getByRole("textbox", { name: "Titre" }).fill("Radio du poignet droit");
      await clickButton(page, "Enregistrer les modifications");
    },
    refusesInput: (values) => refusedBy(documentDetailsSchema(new Date()))(values),
  },
  {
    action: "app/(espace)/(frame)/documents/[id]/actions.ts#moveDocumentAction",
    journey: "documents",
    credential: "session",
    reach: onDocumentPage,
    submit: async (page) => {
      await page.getByRole("combobox", { name: "Dossier" }).selectOption({ label: "Examens" });
      await clickButton(page, "Déplacer");
    },
    refusesInput: refusedBy(documentMoveSchema),
  },
  {
    action: "app/(espace)/(frame)/documents/[id]/actions.ts#reportDocumentAction",
    journey: "documents",
    credential: "session",
    reach: onDocumentPage,
    submit: async (page) => {
      await page.getByRole("textbox", { name: "Décrivez le problème" }).fill("Ce n'est pas mon poignet.");
      await clickButton(page, "Signaler un problème");
    },
    refusesInput: refusedBy(documentReportSchema),
  },
  {
    action: "app/(espace)/(frame)/documents/[id]/actions.ts#deleteDocumentAction",
    journey: "documents",
    credential: "session",
    reach: onDocumentPage,
    submit: async (page) => {
      await clickButton(page, "Supprimer");
      await page.getByRole("dialog", { name: "Supprimer ce document ?" }).getByRole("button", { name: "Supprimer" }).click();
    },
    refusesInput: refusedBy(documentIdSchema),
  },
  {
    action: "app/(espace)/(frame)/documents/actions.ts#changeAllVisibilityAction",
    journey: "documents",
    credential: "session",
    reach: inDocuments(() => "/documents"),
    submit: async (page) => clickButton(page, "Tout masquer"),
    refusesInput: refusedBy(allDocumentsVisibilitySchema),
  },
  {
    action: "app/(espace)/(frame)/documents/actions.ts#saveDefaultVisibilityAction",
    journey: "documents",
    credential: "session",
    reach: inDocuments(() => "/documents"),
    submit: async (page) => {
      await page.getByRole("checkbox", { name: "Masquer aux professionnels de santé les documents que j'ajouterai" }).check();
      await clickButton(page, "Enregistrer ce choix");
    },
    refusesInput: refusedBy(defaultVisibilitySchema),
  },
  {
    action: "app/(espace)/(frame)/documents/dossiers/actions.ts#createFolderAction",
    journey: "documents",
    credential: "session",
    reach: inDocuments(() => "/documents/dossiers"),
    submit: async (page) => {
      await page.getByRole("textbox", { name: "Nom du nouveau dossier" }).fill("Vaccins");
      await clickButton(page, "Créer le dossier");
    },
    refusesInput: refusedBy(folderCreateSchema),
  },
  {
    action: "app/(espace)/(frame)/documents/dossiers/actions.ts#renameFolderAction",
    journey: "documents",
    credential: "session",
    reach: inDocuments(() => "/documents/dossiers"),
    submit: async (page) => {
      await page.getByRole("textbox", { name: "Nouveau nom du dossier « Examens »" }).fill("Examens 2026");
      await clickButton(page, "Renommer le dossier « Examens »");
    },
    refusesInput: refusedBy(folderRenameSchema),
  },
  {
    action: "app/(espace)/(frame)/documents/dossiers/actions.ts#deleteFolderAction",
    journey: "documents",
    credential: "session",
    reach: inDocuments(() => "/documents/dossiers"),
    submit: async (page) => {
      await clickButton(page, "Supprimer le dossier « Examens »");
      await page.getByRole("dialog", { name: "Supprimer le dossier « Examens » ?" }).getByRole("button", { name: "Supprimer" }).click();
    },
    refusesInput: refusedBy(folderIdSchema),
  },
  // Messagerie (app/(espace)/(frame)/messagerie): its messages are posted to a route handler (route-fuzz.spec.ts).
  {
    action: "app/(espace)/(frame)/messagerie/actions.ts#saveAttachmentAction",
    journey: "documents",
    credential: "session",
    reach: onConversationWithAttachment,
    submit: async (page) => {
      await page.getByRole("button", { name: `Ajouter à mes documents : ${PDF_ATTACHMENT.name}` }).click();
      await page.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: "Comptes rendus" });
      await clickButton(page, "Ajouter à mes documents");
    },
    refusesInput: (values) => refusedBy(attachmentIdsSchema)(values) || refusedBy(saveAttachmentSchema(new Date()))(values),
  },
  // Autorisations d'accès (app/(espace)/(frame)/autorisations).
  {
    action: "app/(espace)/(frame)/autorisations/actions.ts#blockProfessionalAction",
    journey: "access-authorisations",
    credential: "session",
    reach: inAccessAuthorisations,
    submit: async (page) => clickButton(page, "Bloquer"),
    refusesInput: refusedBy(professionalAccessIdSchema),
  },
  {
    action: "app/(espace)/(frame)/autorisations/actions.ts#unblockProfessionalAction",
    journey: "access-authorisations",
    credential: "session",
    reach: inAccessAuthorisations,
    submit: async (page) => clickButton(page, "Débloquer"),
    refusesInput: refusedBy(professionalAccessIdSchema),
  },
  {
    action: "app/(espace)/(frame)/autorisations/actions.ts#setAdministratorAction",
    journey: "access-authorisations",
    credential: "session",
    reach: inAccessAuthorisations,
    submit: async (page) => clickButton(page, "Nommer administrateur"),
    refusesInput: refusedBy(administratorSchema),
  },
  {
    action: "app/(espace)/(frame)/autorisations/actions.ts#saveEmergencySettingsAction",
    journey: "access-authorisations",
    credential: "session",
    reach: inAccessAuthorisations,
    submit: async (page) => {
      await page.getByRole("switch", { name: "SAMU" }).uncheck();
      await clickButton(page, "Enregistrer les accès en cas d'urgence");
    },
    refusesInput: refusedBy(emergencySettingsSchema),
  },
  // Notifications (app/(espace)/(frame)/notifications).
  {
    action: "app/(espace)/(frame)/notifications/actions.ts#markNotificationReadAction",
    journey: "notifications",
    credential: "session",
    reach: inNotifications(),
    submit: async (page) => clickButton(page, "Marquer comme lue"),
    refusesInput: refusedBy(notificationIdSchema),
  },
  {
    action: "app/(espace)/(frame)/notifications/actions.ts#markNotificationUnreadAction",
    journey: "notifications",
    credential: "session",
    reach: async (page, state) => {
      await inNotifications()(page, state);
      await clickButton(page, "Marquer comme lue");
    },
    submit: async (page) => clickButton(page, "Marquer comme non lue"),
    refusesInput: refusedBy(notificationIdSchema),
  },
  {
    action: "app/(espace)/(frame)/notifications/actions.ts#openNotificationAction",
    journey: "notifications",
    credential: "session",
    reach: inNotifications(),
    submit: async (page) => clickButton(page, "Voir le document"),
    refusesInput: refusedBy(notificationIdSchema),
  },
  {
    action: "app/(espace)/(frame)/notifications/actions.ts#markAllNotificationsReadAction",
    journey: "notifications",
    credential: "session",
    reach: inNotifications(),
    submit: async (page) => clickButton(page, "Tout marquer comme lu"),
  },
  {
    action: "app/(espace)/(frame)/notifications/actions.ts#deleteNotificationAction",
    journey: "notifications",
    credential: "session",
    reach: inNotifications(),
    submit: async (page) => clickButton(page, "Supprimer"),
    refusesInput: refusedBy(notificationIdSchema),
  },
  {
    action: "app/(espace)/(frame)/notifications/actions.ts#saveEmailPreferencesAction",
    journey: "notifications",
    credential: "session",
    reach: inNotifications("/notifications/preferences"),
    submit: async (page) => {
      await page.getByRole("switch", { name: "Documents" }).uncheck();
      await clickButton(page, "Enregistrer mes préférences");
    },
    refusesInput: refusedBy(emailPreferencesSchema),
  },
  // Catalogue (app/(espace)/(frame)/catalogue).
  {
    action: "app/(espace)/(frame)/catalogue/actions.ts#savePurposesAction",
    journey: "access-authorisations",
    credential: "session",
    reach: onServicePage({ isConnected: false }),
    submit: async (page) => {
      await page.getByRole("checkbox", { name: "Consulter vos mesures" }).check();
      await clickButton(page, "Connecter le service");
    },
    refusesInput: refusedBy(purposesFormSchema),
  },
  {
    action: "app/(espace)/(frame)/catalogue/actions.ts#disconnectServiceAction",
    journey: "access-authorisations",
    credential: "session",
    reach: onServicePage({ isConnected: true }),
    submit: async (page) => clickButton(page, "Déconnecter le service"),
    refusesInput: refusedBy(serviceIdSchema),
  },
  {
    action: "app/(espace)/(frame)/catalogue/actions.ts#approveAuthorizationAction",
    journey: "access-authorisations",
    credential: "session",
    reach: onConsentPage,
    submit: async (page) => clickButton(page, "Autoriser"),
    refusesInput: (values) => !authorizationRequestSchema.safeParse(values).success || tickedPurposes(values).length === 0,
  },
  {
    action: "app/(espace)/(frame)/catalogue/actions.ts#denyAuthorizationAction",
    journey: "access-authorisations",
    credential: "session",
    reach: onConsentPage,
    submit: async (page) => clickButton(page, "Refuser"),
    refusesInput: refusedBy(authorizationRequestSchema),
    // Refusing writes nothing: the service is told so by the redirect.
    isAcceptedWithoutRows: ({ redirect }) => redirect?.includes("error=access_denied") ?? false,
  },
  // Password reset (app/(auth)/mot-de-passe-oublie).
  {
    action: "app/(auth)/mot-de-passe-oublie/actions.ts#startPasswordResetAction",
    journey: "password-reset",
    credential: "none",
    reach: onPage("/mot-de-passe-oublie"),
    submit: async (page, { victim }) => {
      await fillIdentity(page, victim);
      await clickButton(page, "Continuer");
    },
    refusesInput: refusedBy(identitySchema),
  },
  {
    action: "app/(auth)/mot-de-passe-oublie/code/actions.ts#sendResetCodeAction",
    journey: "password-reset",
    credential: "reset-attempt",
    reach: inChallenge("password-reset", "/mot-de-passe-oublie/code"),
    submit: async (page) => {
      await page.getByRole("radio", { name: "Par e-mail" }).check();
      await clickButton(page, "Recevoir mon code");
    },
    refusesInput: refusedBy(codeChannelSchema("code de vérification")),
  },
  {
    action: "app/(auth)/mot-de-passe-oublie/code/actions.ts#verifyResetCodeAction",
    journey: "password-reset",
    credential: "reset-attempt",
    reach: afterSubmitting("app/(auth)/mot-de-passe-oublie/code/actions.ts#sendResetCodeAction"),
    submit: async (page, { victim }) => {
      await page.getByRole("textbox", { name: "Code de vérification" }).fill(await readFromOutbox(victim.email!, SIX_DIGITS));
      await clickButton(page, "Valider");
    },
    refusesInput: refusedBy(oneTimeCodeSchema("code de vérification")),
  },
  {
    action: "app/(auth)/mot-de-passe-oublie/nouveau/actions.ts#newPasswordAction",
    journey: "password-reset",
    credential: "reset-attempt",
    reach: inChallenge("password-reset", "/mot-de-passe-oublie/nouveau", { isCodeVerified: true }),
    submit: async (page, { newPassword }) => {
      await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(newPassword);
      await page.getByLabel("Confirmer le mot de passe", { exact: true }).fill(newPassword);
      await clickButton(page, "Changer mon mot de passe");
    },
    refusesInput: (values) => (values.password ?? "") !== (values.passwordConfirmation ?? ""),
  },
  {
    action: "app/(auth)/identifiant-oublie/actions.ts#identifierReminderAction",
    journey: "identifier-reminder",
    credential: "none",
    reach: onPage("/identifiant-oublie"),
    submit: async (page, { victim }) => {
      await fillIdentity(page, victim);
      await clickButton(page, "Continuer");
    },
    refusesInput: refusedBy(identitySchema),
  },
  // The professionals' portal (app/pro): the victim is a professional (named by their directory
  // id: credentials are minted for their account), the patient they look for is the stranger, whose
  // own patient session is the "other person's cookie" that /pro must not take.
  {
    action: "app/pro/connexion/actions.ts#proLoginPasswordAction",
    journey: "pro-portal",
    credential: "none",
    reach: onPage("/pro/connexion"),
    submit: async (page, { victim }) => {
      await page.getByRole("textbox", { name: "Identifiant" }).fill(victim.identifier!);
      await page.getByLabel("Mot de passe", { exact: true }).fill(victim.password!);
      await clickButton(page, "Se connecter");
    },
  },
  {
    action: "app/pro/connexion/code/actions.ts#proSendLoginCodeAction",
    journey: "pro-portal",
    credential: "login-attempt",
    reach: inChallenge("login", "/pro/connexion/code"),
    submit: async (page) => {
      await page.getByRole("radio", { name: "Par e-mail" }).check();
      await clickButton(page, "Recevoir mon code");
    },
    refusesInput: refusedBy(codeChannelSchema("code de connexion")),
  },
  {
    action: "app/pro/connexion/code/actions.ts#proVerifyLoginCodeAction",
    journey: "pro-portal",
    credential: "login-attempt",
    reach: afterSubmitting("app/pro/connexion/code/actions.ts#proSendLoginCodeAction"),
    submit: async (page, { victim }) => {
      await page.getByRole("textbox", { name: "Code de connexion" }).fill(await readFromOutbox(victim.email!, SIX_DIGITS));
      await clickButton(page, "Valider");
    },
    refusesInput: refusedBy(oneTimeCodeSchema("code de connexion")),
  },
  {
    action: "app/pro/(frame)/actions.ts#searchPatientAction",
    journey: "pro-portal",
    credential: "session",
    reach: inSession("/pro"),
    submit: async (page, { stranger }) => {
      await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(stranger.nir);
      await page.getByRole("textbox", { name: "Date de naissance" }).fill(stranger.birthDateFr);
      await clickButton(page, "Rechercher");
    },
    refusesInput: refusedBy(patientSearchSchema),
    // A search writes nothing of the professional's (its rate-limit window is no one's row): a hit leads to the patient.
    isAcceptedWithoutRows: ({ redirect }) => redirect?.includes("/pro/patients/") === true,
  },
  {
    action: "app/pro/(frame)/patients/[personId]/actions.ts#recordConsentAction",
    journey: "pro-portal",
    credential: "session",
    reach: onProPatientPage,
    submit: async (page) => {
      await page.getByRole("checkbox", { name: "Le patient m'a donné son accord" }).check();
      await clickButton(page, "Accéder au dossier");
    },
    refusesInput: refusedBy(consentFormSchema),
  },
  {
    action: "app/pro/(frame)/patients/[personId]/actions.ts#openEmergencyAccessAction",
    journey: "pro-portal",
    credential: "session",
    reach: onProPatientPage,
    submit: async (page) => {
      await page.getByRole("textbox", { name: "Motif" }).fill("Patient inconscient aux urgences");
      await clickButton(page, "Accès en urgence");
    },
    refusesInput: (values) => refusedBy(patientFieldSchema)(values) || refusedBy(emergencyReasonSchema)(values),
  },
  {
    action: "app/pro/(frame)/messagerie/actions.ts#closeConversationAction",
    journey: "pro-portal",
    credential: "session",
    reach: onProConversation,
    submit: async (page) => clickButton(page, "Clore l'échange"),
    refusesInput: refusedBy(conversationIdSchema),
  },
  {
    action: "app/pro/(frame)/patients/[personId]/actions.ts#addProfessionalAppointmentAction",
    journey: "pro-portal",
    credential: "session",
    reach: onProPatientPage,
    submit: async (page, { victim, stranger }) => {
      // The journey's « Accéder au dossier » has recorded the patient's consent; reached on its own, it is recorded here.
      await sql`
        insert into professional_accesses (person_id, professional_id, status, status_since, consent_recorded_at)
        values (${stranger.id}, ${victim.id}, 'authorised', now(), now()) on conflict do nothing`;
      await page.goto(`/pro/patients/${stranger.id}/ajouter-rendez-vous`);
      await page.getByRole("textbox", { name: "Date" }).fill(dayAhead(30));
      await page.getByRole("textbox", { name: "Heure" }).fill("10:30");
      await clickButton(page, "Enregistrer le rendez-vous");
    },
    refusesInput: (values) => refusedBy(patientFieldSchema)(values) || !parseProfessionalAppointmentForm(values).success,
  },
  {
    action: "app/pro/(frame)/patients/[personId]/actions.ts#changeAppointmentStatusAction",
    journey: "pro-portal",
    credential: "session",
    reach: onProPatientPageWithAppointment,
    submit: async (page) => {
      // After « Ajouter un rendez-vous » in the journey the record lists that one too: any of the victim's will do.
      await page.getByRole("combobox", { name: /^Statut du rendez-vous du / }).first().selectOption({ label: "Honoré" });
      await page.getByRole("button", { name: "Enregistrer le statut", exact: true }).first().click();
    },
    refusesInput: (values) => refusedBy(patientFieldSchema)(values) || refusedBy(appointmentStatusFormSchema)(values),
    // What it writes is the patient's (the appointment, the event in their history), not the
    // professional victim's, whose record page `reach` opened already: its redirect shows it went through.
    isAcceptedWithoutRows: ({ redirect }) => redirect?.includes(`statut=${PRO_APPOINTMENT_STATUS_CHANGED_STATUS}`) === true,
  },
  {
    action: "app/pro/session-actions.ts#readProSessionTimingAction",
    journey: "pro-portal",
    credential: "session",
    reach: inSession("/pro"),
    // /pro reads the session's deadline after each navigation, as the space does.
    submit: async (page) => {
      await page.reload();
    },
    isAcceptedWithoutRows: ({ result }) => typeof result === "object" && result !== null && "remainingMs" in result,
  },
  {
    action: "app/pro/session-actions.ts#stayConnectedProAction",
    journey: "pro-portal",
    credential: "session",
    reach: inSession("/pro"),
    // Thirteen and a half idle minutes bring the warning and its "Rester connecté".
    submit: async (page, { victim }) => {
      await sql`update sessions set last_active_at = now() - interval '810 seconds' where account_id = (select id from accounts where professional_id = ${victim.id}) and revoked_at is null`;
      await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
      await page.getByRole("alertdialog", { name: "Vous allez être déconnecté" }).getByRole("button", { name: "Rester connecté" }).click();
      // The click is captured, not sent: the session stays as idle as the warning found it, and
      // the attacks before the legitimate replay (the matrix's ten personas) can outlast its last
      // 90 seconds. Back to five idle minutes, so that the replay still finds it live to extend.
      await sql`update sessions set last_active_at = now() - interval '5 minutes' where account_id = (select id from accounts where professional_id = ${victim.id}) and revoked_at is null`;
    },
  },
  {
    action: "app/pro/session-actions.ts#proLogoutAction",
    journey: "pro-portal",
    credential: "session",
    reach: inSession("/pro"),
    submit: async (page) => {
      await clickButton(page, "Se déconnecter");
    },
  },
  // /pro « Mot de passe oublié ? » and « Identifiant oublié ? » (app/pro/connexion): the patients'
  // recovery for a professional account, proved by identifier and RPPS.
  {
    action: "app/pro/connexion/mot-de-passe-oublie/actions.ts#proStartPasswordResetAction",
    journey: "pro-password-reset",
    credential: "none",
    reach: onPage("/pro/connexion/mot-de-passe-oublie"),
    submit: async (page, { victim }) => {
      await page.getByRole("textbox", { name: "Identifiant" }).fill(victim.identifier!);
      await page.getByRole("textbox", { name: "Numéro RPPS" }).fill(await rppsOf(victim.id));
      await clickButton(page, "Continuer");
    },
    refusesInput: refusedBy(professionalPasswordResetSchema),
  },
  {
    action: "app/pro/connexion/mot-de-passe-oublie/code/actions.ts#proSendResetCodeAction",
    journey: "pro-password-reset",
    credential: "reset-attempt",
    reach: inChallenge("password-reset", "/pro/connexion/mot-de-passe-oublie/code"),
    submit: async (page) => {
      await page.getByRole("radio", { name: "Par e-mail" }).check();
      await clickButton(page, "Recevoir mon code");
    },
    refusesInput: refusedBy(codeChannelSchema("code de vérification")),
  },
  {
    action: "app/pro/connexion/mot-de-passe-oublie/code/actions.ts#proVerifyResetCodeAction",
    journey: "pro-password-reset",
    credential: "reset-attempt",
    reach: afterSubmitting("app/pro/connexion/mot-de-passe-oublie/code/actions.ts#proSendResetCodeAction"),
    submit: async (page, { victim }) => {
      await page.getByRole("textbox", { name: "Code de vérification" }).fill(await readFromOutbox(victim.email!, SIX_DIGITS));
      await clickButton(page, "Valider");
    },
    refusesInput: refusedBy(oneTimeCodeSchema("code de vérification")),
  },
  {
    action: "app/pro/connexion/mot-de-passe-oublie/nouveau/actions.ts#proNewPasswordAction",
    journey: "pro-password-reset",
    credential: "reset-attempt",
    reach: inChallenge("password-reset", "/pro/connexion/mot-de-passe-oublie/nouveau", { isCodeVerified: true }),
    submit: async (page, { newPassword }) => {
      await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(newPassword);
      await page.getByLabel("Confirmer le mot de passe", { exact: true }).fill(newPassword);
      await clickButton(page, "Changer mon mot de passe");
    },
    refusesInput: (values) => (values.password ?? "") !== (values.passwordConfirmation ?? ""),
  },
  {
    action: "app/pro/connexion/identifiant-oublie/actions.ts#proIdentifierReminderAction",
    journey: "pro-identifier-reminder",
    credential: "none",
    reach: onPage("/pro/connexion/identifiant-oublie"),
    submit: async (page, { victim }) => {
      await page.getByRole("textbox", { name: "Numéro RPPS" }).fill(await rppsOf(victim.id));
      await clickButton(page, "Continuer");
    },
    refusesInput: refusedBy(professionalIdentifierReminderSchema),
    // A professional's messages name no person (outgoing_messages.person_id): the answer is the sign, the same whoever has the RPPS.
    isAcceptedWithoutRows: ({ result }) => typeof result === "object" && result !== null && "status" in result && result.status === "success",
  },
];

export function findServerAction(action: string): ServerActionCase {
  const found = SERVER_ACTIONS.find((candidate) => candidate.action === action);
  if (!found) throw new Error(`no server action ${action} in SERVER_ACTIONS`);
  return found;
}

/** A password meeting every rule, unique to the run: it must never show up anywhere but in the hash. */
export function createCanaryPassword(): string {
  return `Canari-${Math.random().toString(36).slice(2, 10)}-7!Z`;
}

/** Journeys whose victim is a professional of the directory with a /pro login. */
const PRO_JOURNEYS: readonly Journey[] = ["pro-portal", "pro-password-reset", "pro-identifier-reminder"];

/** Journeys about someone who has no account yet; the others are about an account holder. */
const ENROLMENT_JOURNEYS: readonly Journey[] = ["activation", "opposition"];

/**
 * The people of a journey, or of one of its actions: the victim (a person of the register, or an
 * account holder with a unique password) and the strangers whose credentials replays borrow.
 */
export async function createJourneyState(journey: Journey): Promise<JourneyState> {
  if (PRO_JOURNEYS.includes(journey)) return createProPortalState();
  const person = await createRegisteredPerson();
  const victim = ENROLMENT_JOURNEYS.includes(journey) ? person : { ...person, ...(await giveActiveAccount(person, { password: createCanaryPassword() })) };
  return {
    victim,
    stranger: await createActivePatient(),
    enrollingStranger: await createRegisteredPerson(),
    newEmail: `nouvelle.${victim.id.slice(0, 8)}@example.net`,
    newPassword: createCanaryPassword(),
  };
}

/**
 * The professionals' portal: the victim is a professional of the directory with a /pro login
 * (identified by their directory id, for which the credentials and snapshots find their account),
 * the stranger a patient with an active space, whom the victim searches for.
 */
async function createProPortalState(): Promise<JourneyState> {
  const professional = await createTestProfessional({ password: createCanaryPassword() });
  const victim = {
    id: professional.professionalId,
    nir: "",
    birthDate: "",
    birthDateFr: "",
    vitaleSerial: "",
    firstNames: "Anne",
    birthName: professional.lastName,
    email: professional.email,
    mobile: null,
    identifier: professional.identifier,
    password: professional.password,
  };
  return {
    victim,
    stranger: await createActivePatient(),
    enrollingStranger: await createRegisteredPerson(),
    newEmail: `nouvelle.${victim.id.slice(0, 8)}@example.net`,
    newPassword: createCanaryPassword(),
  };
}
