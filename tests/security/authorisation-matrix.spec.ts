import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createActivePatient } from "../e2e/support/patients";
import { proDocumentFilePath, proPatientPath } from "@/lib/professional-access/paths";
import { SYNTHESIS_SECTION_CHOICES } from "@/lib/medical-profile/synthesis-form";
import { PRO_APPOINTMENT_ADDED_STATUS } from "@/lib/agenda/paths";
import { runAction } from "./support/action-runner";
import {
  type AccessMatrix,
  type Expected,
  loadAccessMatrix,
  mayAddAppointment,
  mayDeposit,
  mayOpenEmergencyAccess,
  mayReadDocument,
  mayRecordConsent,
  mayStartConversation,
  type MatrixDocument,
  mintPersonaCookies,
  PATIENT_LAST,
  type Persona,
  PERSONAS,
  PROFESSIONAL_PERSONAS,
  type ProfessionalPersona,
  createReadableDocument,
  runPersonas,
  sendAs,
  STANDINGS,
  standWithPatient,
  type Verdict,
} from "./support/authorisation-matrix";
import { send } from "./support/http";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "../e2e/support/register";
import { writeAsTestProfessional } from "../e2e/support/messaging";
import { createTestService } from "../e2e/support/services";
import { pdfFile } from "../support/document-files";
import { AGENDA_EXPORT_PATH, appointmentExportPath } from "@/lib/agenda/paths";
import { PATIENT_MESSAGE_UPLOAD_PATH, PRO_MESSAGE_UPLOAD_PATH, attachmentFilePath, proAttachmentFilePath } from "@/lib/messaging/paths";
import { listBuiltActions } from "./support/manifest";
import { replayOf } from "./support/replay";
import { findServerAction } from "./support/server-actions";
import { Tally } from "./support/tally";

/**
 * The authorisation matrix (issue 10): every server action and route handler of the patient
 * space and of /pro, sent by each of ten personas — the patient, another patient, an authorised
 * professional, one without consent, a blocked one, an administrator, one whose profession the
 * access matrix excludes for the document's type, one in an emergency whose switch is on and one
 * whose switch is off, and nobody — with the expected outcome of each, and for every refusal no
 * row of the patient's changed (rows.ts). The actions come from the build's own manifest and the
 * route handlers from its app-paths manifest: one without its row in the tables below fails the
 * first test (docs/decisions/0021-authorisation-matrix.md).
 *
 * Professionals' expectations derive from the rule restated in ./support/authorisation-matrix.ts,
 * never from lib/professional-access/decide.ts.
 */

const tally = new Tally("authorisation matrix: one request per action or route × persona");

test.afterAll(() => tally.save());

type Row = Record<Persona, Expected>;

// The classes of outcomes, each said once.

const allowed = (writes: readonly string[] = [], more: { status?: number; redirect?: string } = {}): Expected => ({ outcome: "allowed", writes, ...more });
const own = (redirect?: string): Expected => ({ outcome: "own", redirect });
const NOT_FOUND: Expected = { outcome: "not-found" };
/** The patient space's forms answer someone else's row as a missing one, each in its page's manner; nothing is written. */
const DOCUMENT_NOT_FOUND: Expected = { outcome: "refused", message: /^Ce document n'existe pas ou n'est plus disponible\.$/ };
const FOLDER_NOT_FOUND: Expected = { outcome: "refused", message: /^Ce dossier n'existe pas ou n'est plus disponible\.$/ };
/** A button of the page (masking, pinning): the page refreshes, without the row it does not show. */
const REFRESHED: Expected = { outcome: "ignored" };
/** A button of « Autorisations d'accès »: back to the page. */
const BACK_TO_AUTHORISATIONS: Expected = { outcome: "ignored", redirect: "/autorisations" };
const UNAUTHENTICATED: Expected = { outcome: "unauthenticated" };
const TO_PATIENT_LOGIN: Expected = { outcome: "login", redirect: "/connexion" };
const TO_PRO_LOGIN: Expected = { outcome: "login", redirect: "/pro/connexion" };
/** A notification that is not the requester's: back to the centre, nothing written. */
const BACK_TO_NOTIFICATIONS: Expected = { outcome: "ignored", redirect: "/notifications" };
/** A service the requester is not connected to: back to the catalogue, nothing written. */
const BACK_TO_CATALOGUE: Expected = { outcome: "ignored", redirect: "/catalogue" };
/** « Remboursements » answers a line that is not the requester's as one it cannot find. */
const CARE_NOT_FOUND: Expected = { outcome: "refused", message: /^Ce soin est introuvable dans vos remboursements\.$/ };
/** Where a /pro action leads: the record of this test's patient (substituted per test), and what may follow it. */
const PATIENT_RECORD = "<the patient's record>";

/** Every professional persona gets the same answer. */
function everyProfessional(expected: Expected): Record<ProfessionalPersona, Expected> {
  return Object.fromEntries(PROFESSIONAL_PERSONAS.map((persona) => [persona, expected])) as Record<ProfessionalPersona, Expected>;
}

/** Each professional persona's answer, from their standing by the rule. */
function byRule(expectedOf: (persona: ProfessionalPersona) => Expected): Record<ProfessionalPersona, Expected> {
  return Object.fromEntries(PROFESSIONAL_PERSONAS.map((persona) => [persona, expectedOf(persona)])) as Record<ProfessionalPersona, Expected>;
}

/**
 * A server action of the patient space that requires the space's session: the patient's own
 * request goes through (its effect: the attack runner's legitimate replay, rows of theirs
 * written); another patient's acts on their own space (`otherPatient: own()`) or is not found
 * when the request names a row of the patient's; a professional's session never opens the
 * patient space (SPEC §7): like nobody, sent to the patients' login.
 */
function patientSpaceAction(otherPatient: Expected): Row {
  return { patient: allowed(), otherPatient, ...everyProfessional(TO_PATIENT_LOGIN), nobody: TO_PATIENT_LOGIN };
}

/**
 * The session's own actions (the idle timer, logging out): they concern only the cookie they
 * come with. Anyone's request answers about their own credential, none changes the patient's rows;
 * without any session cookie the proxy sends the request to the login before the action runs.
 */
function ownSessionAction(patient: Expected, everyoneElse: Expected, nobody: Expected = TO_PATIENT_LOGIN): Row {
  return { patient, otherPatient: everyoneElse, ...everyProfessional(everyoneElse), nobody };
}

/** Actions taken before anyone is signed in (enrolment, login, password reset): a form's own credential, not a session; the attack suite replays them (action-replay.spec.ts). */
const BEFORE_SIGN_IN: readonly string[] = [
  "app/(public)/activation/nouveau-code/actions.ts#identifyAction",
  "app/(public)/activation/mode-de-reception/actions.ts#chooseReceptionAction",
  "app/(public)/activation/actions.ts#verifyCodeAction",
  "app/(public)/activation/choix/actions.ts#chooseDecisionAction",
  "app/(public)/activation/choix/actions.ts#confirmOppositionAction",
  "app/(public)/activation/conditions/actions.ts#acceptTermsAction",
  "app/(public)/activation/coordonnees/actions.ts#requestContactChangeAction",
  "app/(public)/activation/coordonnees/actions.ts#confirmContactChangeAction",
  "app/(public)/activation/coordonnees/actions.ts#confirmContactsAction",
  "app/(public)/activation/identifiant/actions.ts#createAccountAction",
  "app/(auth)/connexion/actions.ts#loginPasswordAction",
  "app/(auth)/connexion/code/actions.ts#sendLoginCodeAction",
  "app/(auth)/connexion/code/actions.ts#verifyLoginCodeAction",
  "app/(auth)/mot-de-passe-oublie/actions.ts#startPasswordResetAction",
  "app/(auth)/mot-de-passe-oublie/code/actions.ts#sendResetCodeAction",
  "app/(auth)/mot-de-passe-oublie/code/actions.ts#verifyResetCodeAction",
  "app/(auth)/mot-de-passe-oublie/nouveau/actions.ts#newPasswordAction",
  "app/(auth)/identifiant-oublie/actions.ts#identifierReminderAction",
  "app/pro/connexion/actions.ts#proLoginPasswordAction",
  "app/pro/connexion/code/actions.ts#proSendLoginCodeAction",
  "app/pro/connexion/code/actions.ts#proVerifyLoginCodeAction",
  "app/pro/connexion/mot-de-passe-oublie/actions.ts#proStartPasswordResetAction",
  "app/pro/connexion/mot-de-passe-oublie/code/actions.ts#proSendResetCodeAction",
  "app/pro/connexion/mot-de-passe-oublie/code/actions.ts#proVerifyResetCodeAction",
  "app/pro/connexion/mot-de-passe-oublie/nouveau/actions.ts#proNewPasswordAction",
  "app/pro/connexion/identifiant-oublie/actions.ts#proIdentifierReminderAction",
];

/** The tables of the patient's rows (rows.ts names them "<table>.<column>") an allowed professional's write must change. */
const CONSENT_ROWS = ["professional_accesses.person_id", "activity_events.subject_person_id"];
const EMERGENCY_ROWS = ["emergency_accesses.person_id", "activity_events.subject_person_id"];
const APPOINTMENT_ROWS = ["appointments.person_id", "activity_events.subject_person_id"];

/**
 * Every server action of the patient space and of /pro × every persona. For the /pro actions the
 * patient is the one the professional's page is about; the professional who captured the post
 * (the attack runner's victim) then replays it for real, as the runner always does.
 */
const ACTIONS: Record<string, Row> = {
  "app/(espace)/questionnaire/actions.ts#answerQuestionAction": patientSpaceAction(own()),
  "app/(espace)/questionnaire/actions.ts#skipQuestionAction": patientSpaceAction(own()),
  "app/(espace)/session-actions.ts#readSessionTimingAction": ownSessionAction(allowed(), own()),
  // Its write is sessions.last_active_at, which rows.ts leaves out of the patient's own requests: its effect shows in its answer, the idle timeout started again (15 min).
  "app/(espace)/session-actions.ts#stayConnectedAction": ownSessionAction(
    { outcome: "allowed", writes: [], isAccepted: ({ result }) => (result as { remainingMs?: number } | null)?.remainingMs === 15 * 60 * 1000 },
    own(),
  ),
  "app/(espace)/session-actions.ts#logoutAction": ownSessionAction(allowed(["sessions.account_id"]), own("/?deconnexion=ok")),
  "app/(espace)/session-actions.ts#logoutEverywhereAction": ownSessionAction(allowed(["sessions.account_id"]), own()),
  // Its body names the space to open: the patient's, which no one else may choose.
  "app/(espace)/session-actions.ts#changeProfileAction": patientSpaceAction(NOT_FOUND),
  "app/(espace)/(frame)/profil-medical/mesures/ajouter/actions.ts#addMeasurementAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/profil-medical/mesures/[type]/actions.ts#deleteMeasurementAction": patientSpaceAction(NOT_FOUND),
  "app/(espace)/(frame)/profil-medical/mesures/[type]/actions.ts#setMeasurementTargetAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/profil-medical/mesures/[type]/actions.ts#removeMeasurementTargetAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/profil-medical/actions.ts#saveEntryAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/profil-medical/actions.ts#deleteEntryAction": patientSpaceAction(NOT_FOUND),
  "app/(espace)/(frame)/profil-medical/actions.ts#declareNotConcernedAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/profil-medical/actions.ts#setMaskAction": patientSpaceAction(NOT_FOUND),
  "app/(espace)/(frame)/profil-medical/actions.ts#saveBloodGroupAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/profil-medical/actions.ts#saveOrganDonationAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/profil-medical/actions.ts#saveLifestyleAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/profil-medical/synthese/actions.ts#saveSynthesisAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/profil-medical/directives-anticipees/actions.ts#saveDirectivesAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/documents/[id]/actions.ts#changeVisibilityAction": patientSpaceAction(REFRESHED),
  "app/(espace)/(frame)/documents/[id]/actions.ts#changePinAction": patientSpaceAction(REFRESHED),
  "app/(espace)/(frame)/documents/[id]/actions.ts#updateDocumentDetailsAction": patientSpaceAction(DOCUMENT_NOT_FOUND),
  "app/(espace)/(frame)/documents/[id]/actions.ts#moveDocumentAction": patientSpaceAction(DOCUMENT_NOT_FOUND),
  "app/(espace)/(frame)/documents/[id]/actions.ts#reportDocumentAction": patientSpaceAction(DOCUMENT_NOT_FOUND),
  "app/(espace)/(frame)/documents/[id]/actions.ts#deleteDocumentAction": patientSpaceAction(DOCUMENT_NOT_FOUND),
  "app/(espace)/(frame)/documents/actions.ts#changeAllVisibilityAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/documents/actions.ts#saveDefaultVisibilityAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/documents/dossiers/actions.ts#createFolderAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/documents/dossiers/actions.ts#renameFolderAction": patientSpaceAction(FOLDER_NOT_FOUND),
  "app/(espace)/(frame)/documents/dossiers/actions.ts#deleteFolderAction": patientSpaceAction(FOLDER_NOT_FOUND),
  "app/(espace)/(frame)/autorisations/actions.ts#blockProfessionalAction": patientSpaceAction(BACK_TO_AUTHORISATIONS),
  "app/(espace)/(frame)/autorisations/actions.ts#unblockProfessionalAction": patientSpaceAction(BACK_TO_AUTHORISATIONS),
  "app/(espace)/(frame)/autorisations/actions.ts#setAdministratorAction": patientSpaceAction(BACK_TO_AUTHORISATIONS),
  "app/(espace)/(frame)/autorisations/actions.ts#saveEmergencySettingsAction": patientSpaceAction(own()),
  // Agenda (issue 11): a new appointment, a reminder, a preventive item's status, the subscription address go to one's own agenda; the patient's own appointment or reminder is not found.
  "app/(espace)/(frame)/agenda/actions.ts#saveAppointmentAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/agenda/actions.ts#deleteAppointmentAction": patientSpaceAction(NOT_FOUND),
  "app/(espace)/(frame)/agenda/actions.ts#addReminderAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/agenda/actions.ts#deleteReminderAction": patientSpaceAction(NOT_FOUND),
  "app/(espace)/(frame)/agenda/actions.ts#setPreventiveStatusAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/agenda/actions.ts#renewCalendarFeedAction": patientSpaceAction(own()),
  // Messagerie: « Ajouter à mes documents » names the patient's conversation and attachment.
  "app/(espace)/(frame)/messagerie/actions.ts#saveAttachmentAction": patientSpaceAction(NOT_FOUND),
  // Notifications: each names one of the patient's; "Tout marquer comme lu" and the preferences are one's own profile's.
  "app/(espace)/(frame)/notifications/actions.ts#openNotificationAction": patientSpaceAction(BACK_TO_NOTIFICATIONS),
  "app/(espace)/(frame)/notifications/actions.ts#markNotificationReadAction": patientSpaceAction(BACK_TO_NOTIFICATIONS),
  "app/(espace)/(frame)/notifications/actions.ts#markNotificationUnreadAction": patientSpaceAction(BACK_TO_NOTIFICATIONS),
  "app/(espace)/(frame)/notifications/actions.ts#deleteNotificationAction": patientSpaceAction(BACK_TO_NOTIFICATIONS),
  "app/(espace)/(frame)/notifications/actions.ts#markAllNotificationsReadAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/notifications/actions.ts#saveEmailPreferencesAction": patientSpaceAction(own()),
  // Remboursements: a line of the patient's is not found; the section's switch is one's own.
  "app/(espace)/(frame)/remboursements/actions.ts#addToProfileAction": patientSpaceAction(CARE_NOT_FOUND),
  "app/(espace)/(frame)/remboursements/actions.ts#changeHealthHistoryVisibilityAction": patientSpaceAction(own()),
  // Catalogue: a service of the catalogue is anyone's to connect (to their own space); disconnecting one they are not connected to is nothing.
  "app/(espace)/(frame)/catalogue/actions.ts#savePurposesAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/catalogue/actions.ts#disconnectServiceAction": patientSpaceAction(BACK_TO_CATALOGUE),
  "app/(espace)/(frame)/catalogue/actions.ts#approveAuthorizationAction": patientSpaceAction(own()),
  "app/(espace)/(frame)/catalogue/actions.ts#denyAuthorizationAction": patientSpaceAction(own()),
  // /pro: a patient's session never opens it; the search names no standing ("among active spaces").
  "app/pro/(frame)/actions.ts#searchPatientAction": {
    patient: TO_PRO_LOGIN,
    otherPatient: TO_PRO_LOGIN,
    ...everyProfessional(allowed([], { redirect: PATIENT_RECORD })),
    nobody: TO_PRO_LOGIN,
  },
  "app/pro/(frame)/patients/[personId]/actions.ts#recordConsentAction": {
    patient: TO_PRO_LOGIN,
    otherPatient: TO_PRO_LOGIN,
    ...byRule((persona) =>
      mayRecordConsent(STANDINGS[persona])
        ? allowed(CONSENT_ROWS, { redirect: PATIENT_RECORD })
        : { outcome: "refused", message: /vous a bloqué/ },
    ),
    nobody: TO_PRO_LOGIN,
  },
  "app/pro/(frame)/patients/[personId]/actions.ts#openEmergencyAccessAction": {
    patient: TO_PRO_LOGIN,
    otherPatient: TO_PRO_LOGIN,
    ...byRule((persona) =>
      mayOpenEmergencyAccess(STANDINGS[persona])
        ? allowed(EMERGENCY_ROWS, { redirect: PATIENT_RECORD })
        : { outcome: "refused", message: STANDINGS[persona].access === "blocked" ? /vous a bloqué/ : /a refusé l'accès en urgence/ },
    ),
    nobody: TO_PRO_LOGIN,
  },
  // « Clore l'échange »: the conversation is the capturing professional's; no one else's, whatever their standing with the patient.
  "app/pro/(frame)/messagerie/actions.ts#closeConversationAction": {
    patient: TO_PRO_LOGIN,
    otherPatient: TO_PRO_LOGIN,
    ...everyProfessional(NOT_FOUND),
    nobody: TO_PRO_LOGIN,
  },
  // An appointment's status is its author's to change: the capturing professional's, no persona's,
  // whatever their standing; answered in the form as a missing appointment.
  "app/pro/(frame)/patients/[personId]/actions.ts#changeAppointmentStatusAction": {
    patient: TO_PRO_LOGIN,
    otherPatient: TO_PRO_LOGIN,
    ...everyProfessional({ outcome: "refused", message: /^Ce rendez-vous n'existe pas ou vous ne pouvez pas en changer le statut\.$/ }),
    nobody: TO_PRO_LOGIN,
  },
  "app/pro/(frame)/patients/[personId]/actions.ts#addProfessionalAppointmentAction": {
    patient: TO_PRO_LOGIN,
    otherPatient: TO_PRO_LOGIN,
    ...byRule((persona) =>
      mayAddAppointment(STANDINGS[persona]) ? allowed(APPOINTMENT_ROWS, { redirect: `${PATIENT_RECORD}?statut=${PRO_APPOINTMENT_ADDED_STATUS}` }) : NOT_FOUND,
    ),
    nobody: TO_PRO_LOGIN,
  },
  // The idle warning of /pro reads and extends the requester's own professional session only (a patient's is none: null).
  "app/pro/session-actions.ts#readProSessionTimingAction": ownSessionAction(own(), own(), TO_PRO_LOGIN),
  "app/pro/session-actions.ts#stayConnectedProAction": ownSessionAction(own(), own(), TO_PRO_LOGIN),
  // Its own session only: a patient's cookie or none is no professional's session to end.
  "app/pro/session-actions.ts#proLogoutAction": ownSessionAction(own("/pro/connexion?motif=deconnexion"), own("/pro/connexion?motif=deconnexion"), TO_PRO_LOGIN),
};

/** The patient's documents the /pro file route is asked for. */
// Titles unlike any type's label: the record's page shows both.
const ORDINARY: MatrixDocument & { title: string } = { title: "Consultation du 14 mars", typeCode: "11488-4", isMasked: false };
/** A discharge letter: the default matrix opens it to doctors, not to dentists (decision 0018). */
const EXCLUDED_TYPE: MatrixDocument & { title: string } = { title: "Sortie de cardiologie", typeCode: "11490-0", isMasked: false };
const MASKED: MatrixDocument & { title: string } = { title: "Consultation masquée", typeCode: "11488-4", isMasked: true };
/** Masked too, but the authorised professional's own deposit: its author reads it. */
const MASKED_OWN_DEPOSIT: MatrixDocument & { title: string } = { title: "Ordonnance masquée", typeCode: "11488-4", isMasked: true, author: "authorised" };
const PRO_DOCUMENTS = [ORDINARY, EXCLUDED_TYPE, MASKED, MASKED_OWN_DEPOSIT];

/**
 * A patient-space route handler: the patient's own answer, another patient's about their own
 * space, a professional's session refused by the handler (`refusal`); without any session cookie
 * the proxy sends the request to the patients' login before the handler runs.
 */
function patientSpaceRoute(patient: Expected, otherPatient: Expected, refusal: Expected): Row {
  return { patient, otherPatient, ...everyProfessional(refusal), nobody: TO_PATIENT_LOGIN };
}

function proDocumentRow(document: MatrixDocument, matrix: AccessMatrix): Row {
  return {
    patient: NOT_FOUND,
    otherPatient: NOT_FOUND,
    // A professional's read is in the patient's history (issue 10): an allowed read writes its event.
    ...byRule((persona) => (mayReadDocument(persona, document, matrix) ? allowed(["activity_events.subject_person_id"], { status: 200 }) : NOT_FOUND)),
    // No session cookie at all: the proxy sends the request to the professionals' login.
    nobody: TO_PRO_LOGIN,
  };
}

/** Route handlers of the build (its app-paths manifest), as "/<path>" without route groups. */
function listBuiltRoutes(): string[] {
  const file = path.join(process.env.NEXT_DIST_DIR || ".next", "server", "app-paths-manifest.json");
  return Object.keys(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>)
    .filter((entry) => entry.endsWith("/route"))
    .map((entry) => entry.replace(/\/route$/, ""));
}

/** Route handlers outside the patient space and /pro's sessions, each with why. */
const ROUTES_OUTSIDE: Record<string, string> = {
  "/(public)/activation/opposition/justificatif": "enrolment's flow cookie, before any account (action-replay and route-fuzz)",
  "/api/auth/[...nextauth]": "Auth.js' own handler: sessions are made by the login actions",
  "/api/health": "public health check",
  "/dev/outbox/courriers/[id]": "the development outbox: answers only where OUTBOX_ENABLED is set, never in production",
  "/icon.svg": "static metadata",
  "/robots.txt": "static metadata",
  "/pro/connexion/pro-sante-connect": "the login's start (Pro Santé Connect), before any session",
};

/** The route handlers of the matrix, each one test below. */
const ROUTES_IN_MATRIX = [
  "/(espace)/(frame)/historique-activite/export",
  "/(espace)/(frame)/profil-medical/synthese/telecharger",
  "/(espace)/documents/[id]/fichier",
  "/(espace)/documents/televersement",
  "/(espace)/profil-medical/directives-anticipees/televersement",
  "/pro/(frame)/patients/[personId]/documents/[documentId]/fichier",
  "/pro/televersement",
  // Issue 11.
  "/(espace)/(frame)/agenda/exporter",
  "/(espace)/(frame)/agenda/rendez-vous/[id]/exporter",
  "/calendrier/[token]",
  "/(espace)/messagerie/envoi",
  "/(espace)/messagerie/[id]/pieces-jointes/[attachmentId]",
  "/pro/messagerie/envoi",
  "/pro/(frame)/messagerie/[id]/pieces-jointes/[attachmentId]",
  "/(espace)/(frame)/remboursements/export",
  // Connected services: a bearer token or a client's code, never a session.
  "/api/fhir/r4/Observation",
  "/api/fhir/r4/DocumentReference",
  "/api/fhir/r4/Appointment",
  "/api/oauth/token",
  "/api/oauth/revoke",
] as const;

function expectNoFailure(verdicts: Verdict[]) {
  for (const verdict of verdicts) tally.count(verdict.status, { isRefusal: verdict.isRefusal });
  expect(verdicts.filter((verdict) => verdict.failure).map((verdict) => verdict.failure)).toEqual([]);
}

test("the matrix names every server action and route handler of the build, each with all ten personas", () => {
  const built = listBuiltActions().map((action) => action.name);
  const unlisted = built.filter((name) => !(name in ACTIONS) && !BEFORE_SIGN_IN.includes(name));
  expect(unlisted, "server actions without a row in the authorisation matrix").toEqual([]);
  expect([...Object.keys(ACTIONS), ...BEFORE_SIGN_IN].filter((name) => !built.includes(name)), "rows for actions the build no longer has").toEqual([]);
  for (const [action, row] of Object.entries(ACTIONS)) expect(Object.keys(row).sort(), action).toEqual([...PERSONAS].sort());
  const routes = listBuiltRoutes();
  const unlistedRoutes = routes.filter((route) => !(route in ROUTES_OUTSIDE) && !(ROUTES_IN_MATRIX as readonly string[]).includes(route));
  expect(unlistedRoutes, "route handlers without a row in the authorisation matrix").toEqual([]);
  expect([...ROUTES_IN_MATRIX, ...Object.keys(ROUTES_OUTSIDE)].filter((route) => !routes.includes(route)), "rows for routes the build no longer has").toEqual([]);
});

test.describe("server actions", () => {
  for (const [action, row] of Object.entries(ACTIONS)) {
    test(`${action} × ${PERSONAS.length} personas`, async ({ page }) => {
      const step = findServerAction(action);
      const isPro = step.journey === "pro-portal";
      await runAction(page, step, async ({ captured, state }) => {
        // In /pro the patient is the one the professional looks at; in the space, the space's owner.
        const patientId = isPro ? state.stranger.id : state.victim.id;
        const otherPatient = isPro ? await createActivePatient() : state.stranger;
        const professionals = await standWithPatient(patientId);
        const cookies = await mintPersonaCookies({
          patient: patientId,
          otherPatient: otherPatient.id,
          ...(Object.fromEntries(PROFESSIONAL_PERSONAS.map((persona) => [persona, professionals[persona].professionalId])) as Record<ProfessionalPersona, string>),
        });
        const expectations = Object.fromEntries(
          PERSONAS.map((persona) => {
            const expected = row[persona];
            // The record's path is the patient's of this test.
            return [
              persona,
              expected.outcome === "allowed" && expected.redirect?.startsWith(PATIENT_RECORD)
                ? { ...expected, redirect: expected.redirect.replace(PATIENT_RECORD, proPatientPath(patientId)) }
                : expected,
            ];
          }),
        ) as Row;
        // In the space, the patient's request is the captured one itself, and it goes last. It must
        // go through: rows of theirs written, or the action's own sign of success (the runner's
        // own check of it is moot here, the personas' rows being made after its first snapshot).
        const order = isPro ? PERSONAS : PATIENT_LAST.filter((persona) => persona !== "patient");
        const { verdicts } = await runPersonas(patientId, expectations, (persona) => send(replayOf(captured, { cookie: cookies[persona] })), { order });
        if (isPro) return void expectNoFailure(verdicts);
        const patientExpected = expectations.patient;
        if (patientExpected.outcome === "allowed") {
          expectations.patient = { ...patientExpected, writesAny: true, isAccepted: patientExpected.isAccepted ?? step.isAcceptedWithoutRows };
        }
        const last = await runPersonas(patientId, expectations, () => send(replayOf(captured)), { order: ["patient"] });
        expectNoFailure([...verdicts, ...last.verdicts]);
        return last.responses.patient;
      });
    });
  }
});

test.describe("route handlers", () => {
  /** A patient with an onboarded space, another one, the professionals standing with the first, everyone's cookie. */
  async function createPeople() {
    const patient = await createActivePatient({ isOnboarded: true });
    const otherPatient = await createActivePatient({ isOnboarded: true });
    const professionals = await standWithPatient(patient.id);
    const cookies = await mintPersonaCookies({
      patient: patient.id,
      otherPatient: otherPatient.id,
      ...(Object.fromEntries(PROFESSIONAL_PERSONAS.map((persona) => [persona, professionals[persona].professionalId])) as Record<ProfessionalPersona, string>),
    });
    return { patient, otherPatient, cookies, professionals };
  }

  test(`/pro/patients/[personId]/documents/[documentId]/fichier × ${PERSONAS.length} personas × 4 documents (ordinary, type excluded for a dentist, masked, masked but their own deposit), and the record's page that lists them`, async () => {
    const matrix = await loadAccessMatrix();
    // The matrix's data this row relies on: doctors read both types, dentists not the discharge letter.
    expect([matrix.allows("10", ORDINARY.typeCode), matrix.allows("10", EXCLUDED_TYPE.typeCode), matrix.allows("40", ORDINARY.typeCode), matrix.allows("40", EXCLUDED_TYPE.typeCode)]).toEqual([true, true, true, false]);
    const { patient, cookies, professionals } = await createPeople();
    const verdicts: Verdict[] = [];
    for (const document of PRO_DOCUMENTS) {
      const authorProfessionalId = document.author ? professionals[document.author].professionalId : null;
      const documentId = await createReadableDocument(cookies.patient!, patient.id, { ...document, authorProfessionalId });
      const result = await runPersonas(patient.id, proDocumentRow(document, matrix), (persona) =>
        sendAs(cookies[persona], { path: proDocumentFilePath(patient.id, documentId) }),
      );
      verdicts.push(...result.verdicts.map((verdict) => ({ ...verdict, failure: verdict.failure && `${document.title}: ${verdict.failure}` })));
    }
    // The record's page lists the same documents the file route opens, by the same rule (a page, not a route handler: its list is where a leak would show).
    const documents = PRO_DOCUMENTS;
    const page = await runPersonas(
      patient.id,
      { patient: TO_PRO_LOGIN, otherPatient: TO_PRO_LOGIN, ...everyProfessional(allowed([], { status: 200 })), nobody: TO_PRO_LOGIN },
      (persona) => sendAs(cookies[persona], { path: proPatientPath(patient.id) }),
    );
    verdicts.push(...page.verdicts.map((verdict) => ({ ...verdict, failure: verdict.failure && `the record's page: ${verdict.failure}` })));
    for (const persona of PROFESSIONAL_PERSONAS) {
      const listed = documents.filter((document) => page.responses[persona]?.text.includes(`>${document.title}</a>`)).map((document) => document.title);
      const readable = documents.filter((document) => mayReadDocument(persona, document, matrix)).map((document) => document.title);
      expect(listed, `the documents the record's page lists to ${persona}`).toEqual(readable);
    }
    expectNoFailure(verdicts);
  });

  test(`/pro/televersement × ${PERSONAS.length} personas`, async () => {
    const { patient, cookies } = await createPeople();
    const row: Row = {
      patient: UNAUTHENTICATED,
      otherPatient: UNAUTHENTICATED,
      ...byRule((persona) => (mayDeposit(STANDINGS[persona]) ? allowed(["documents.person_id", "activity_events.subject_person_id"], { status: 200 }) : NOT_FOUND)),
      nobody: TO_PRO_LOGIN,
    };
    const { verdicts } = await runPersonas(patient.id, row, (persona) =>
      sendAs(cookies[persona], {
        path: `/pro/televersement?patient=${patient.id}`,
        fields: { titre: `Dépôt de ${persona}`, date: "14/03/2026", type: "11488-4", patient: patient.id },
        accept: "application/json",
      }),
    );
    expectNoFailure(verdicts);
  });

  test(`/documents/[id]/fichier × ${PERSONAS.length} personas`, async () => {
    const { patient, cookies } = await createPeople();
    const documentId = await createReadableDocument(cookies.patient!, patient.id, ORDINARY);
    const row = patientSpaceRoute(allowed([], { status: 200 }), NOT_FOUND, NOT_FOUND);
    const { verdicts } = await runPersonas(patient.id, row, (persona) => sendAs(cookies[persona], { path: `/documents/${documentId}/fichier` }));
    expectNoFailure(verdicts);
  });

  test(`/documents/televersement × ${PERSONAS.length} personas`, async () => {
    const { patient, cookies } = await createPeople();
    const row = patientSpaceRoute(allowed(["documents.person_id"], { status: 200 }), own(), UNAUTHENTICATED);
    const { verdicts } = await runPersonas(patient.id, row, (persona) =>
      sendAs(cookies[persona], {
        path: "/documents/televersement",
        fields: { titre: `Envoi de ${persona}`, date: "14/03/2026", categorie: "CPT_REND", dossier: "" },
        accept: "application/json",
      }),
    );
    expectNoFailure(verdicts);
  });

  test(`/profil-medical/directives-anticipees/televersement × ${PERSONAS.length} personas`, async () => {
    const { patient, cookies } = await createPeople();
    const row = patientSpaceRoute(allowed(["documents.person_id"], { status: 200 }), own(), UNAUTHENTICATED);
    const { verdicts } = await runPersonas(patient.id, row, (persona) =>
      sendAs(cookies[persona], { path: "/profil-medical/directives-anticipees/televersement", fields: {}, accept: "application/json" }),
    );
    expectNoFailure(verdicts);
  });

  test(`/profil-medical/synthese/telecharger and /historique-activite/export × ${PERSONAS.length} personas`, async () => {
    const { patient, cookies } = await createPeople();
    const row = patientSpaceRoute(allowed([], { status: 200 }), own(), UNAUTHENTICATED);
    const synthesis = await runPersonas(patient.id, row, (persona) =>
      sendAs(cookies[persona], { path: `/profil-medical/synthese/telecharger?rubrique=${SYNTHESIS_SECTION_CHOICES[0]!.value}` }),
    );
    const history = await runPersonas(patient.id, row, (persona) => sendAs(cookies[persona], { path: "/historique-activite/export" }));
    expectNoFailure([...synthesis.verdicts, ...history.verdicts]);
  });

  // Issue 11: the agenda's exports and subscription address.

  test(`/agenda/exporter, /agenda/rendez-vous/[id]/exporter and /remboursements/export × ${PERSONAS.length} personas`, async () => {
    const { patient, cookies } = await createPeople();
    const [appointment] = await sql<{ id: string }[]>`
      insert into appointments (person_id, title, with_kind, with_name, starts_at)
      values (${patient.id}, 'Bilan annuel', 'practitioner', 'Dr Roux', now() + interval '20 days') returning id`;
    const ownExport = patientSpaceRoute(allowed([], { status: 200 }), own(), UNAUTHENTICATED);
    const agenda = await runPersonas(patient.id, ownExport, (persona) => sendAs(cookies[persona], { path: AGENDA_EXPORT_PATH }));
    const one = await runPersonas(patient.id, patientSpaceRoute(allowed([], { status: 200 }), NOT_FOUND, UNAUTHENTICATED), (persona) =>
      sendAs(cookies[persona], { path: appointmentExportPath(appointment!.id) }),
    );
    const statement = await runPersonas(patient.id, ownExport, (persona) => sendAs(cookies[persona], { path: "/remboursements/export" }));
    // The appointment's own export names it; the other patient's agenda does not.
    expect(one.responses.patient?.text).toContain("Bilan annuel");
    expect(agenda.responses.otherPatient?.text).not.toContain("Bilan annuel");
    expectNoFailure([...agenda.verdicts, ...one.verdicts, ...statement.verdicts]);
  });

  test(`/calendrier/[token] × ${PERSONAS.length} personas, with the live address and with the one it renewed`, async () => {
    const { patient, cookies } = await createPeople();
    // The address is the credential (a calendar application has no session): whoever holds it reads the agenda, whatever cookie comes along; once renewed, no one.
    const token = randomBytes(32).toString("base64url");
    const hashOf = (value: string) => createHash("sha256").update(value).digest("hex");
    await sql`
      insert into calendar_feeds (account_id, person_id, token_hash, renewed_at, created_at, updated_at)
      values ((select id from accounts where person_id = ${patient.id}), ${patient.id}, ${hashOf(token)}, now(), now(), now())`;
    const everyone = (expected: Expected): Row => ({ patient: expected, otherPatient: expected, ...everyProfessional(expected), nobody: expected });
    const live = await runPersonas(patient.id, everyone(allowed([], { status: 200 })), (persona) => sendAs(cookies[persona], { path: `/calendrier/${token}.ics` }));
    await sql`update calendar_feeds set token_hash = ${hashOf(randomBytes(32).toString("base64url"))}, renewed_at = now() where person_id = ${patient.id}`;
    const renewed = await runPersonas(patient.id, everyone(NOT_FOUND), (persona) => sendAs(cookies[persona], { path: `/calendrier/${token}.ics` }));
    expectNoFailure([...live.verdicts, ...renewed.verdicts]);
  });

  // Messagerie: a conversation the authorised professional opened with the patient, with an attachment.

  /** The authorised persona's « Écrire au patient » with a PDF: the conversation's and the attachment's ids. */
  async function createConversation(patientId: string, professionalId: string) {
    const conversationId = await writeAsTestProfessional({
      professionalId,
      personId: patientId,
      subject: "Vos résultats",
      body: "Bonjour, voici vos résultats.",
      attachments: [{ name: "resultats.pdf", mimeType: "application/pdf", bytes: pdfFile() }],
    });
    const [attachment] = await sql<{ id: string }[]>`
      select a.id from message_attachments a join messages m on m.id = a.message_id where m.conversation_id = ${conversationId}`;
    return { conversationId, attachmentId: attachment!.id };
  }

  const MESSAGE_ROWS = ["messages.person_id", "activity_events.subject_person_id"];

  test(`/messagerie/envoi (a reply, a new conversation) and /messagerie/[id]/pieces-jointes/[attachmentId] × ${PERSONAS.length} personas`, async () => {
    const { patient, cookies, professionals } = await createPeople();
    const { conversationId, attachmentId } = await createConversation(patient.id, professionals.authorised.professionalId);
    const file = await runPersonas(patient.id, patientSpaceRoute(allowed([], { status: 200 }), NOT_FOUND, NOT_FOUND), (persona) =>
      sendAs(cookies[persona], { path: attachmentFilePath(conversationId, attachmentId) }),
    );
    // Replying names the patient's conversation; writing first names a professional who wrote to the patient (issue 11), not to the other patient.
    const sending = patientSpaceRoute(allowed(["messages.person_id"], { status: 200 }), NOT_FOUND, UNAUTHENTICATED);
    const reply = await runPersonas(patient.id, sending, (persona) =>
      sendAs(cookies[persona], {
        path: `${PATIENT_MESSAGE_UPLOAD_PATH}?conversation=${conversationId}`,
        fields: { conversation: conversationId, message: `Réponse de ${persona}` },
        fileField: "pieces-jointes",
        accept: "application/json",
      }),
    );
    const started = await runPersonas(patient.id, sending, (persona) =>
      sendAs(cookies[persona], {
        path: PATIENT_MESSAGE_UPLOAD_PATH,
        fields: { professionnel: professionals.authorised.professionalId, objet: `Question de ${persona}`, message: "Bonjour docteur." },
        fileField: "pieces-jointes",
        accept: "application/json",
      }),
    );
    expectNoFailure([...file.verdicts, ...reply.verdicts, ...started.verdicts]);
  });

  test(`/pro/messagerie/envoi (« Écrire au patient », a message in one's conversation) and /pro/messagerie/[id]/pieces-jointes/[attachmentId] × ${PERSONAS.length} personas`, async () => {
    const { patient, cookies, professionals } = await createPeople();
    const { conversationId, attachmentId } = await createConversation(patient.id, professionals.authorised.professionalId);
    const onlyTheirs = (allowedOne: Expected): Row => ({
      patient: NOT_FOUND,
      otherPatient: NOT_FOUND,
      ...byRule((persona) => (persona === "authorised" ? allowedOne : NOT_FOUND)),
      nobody: TO_PRO_LOGIN,
    });
    // The conversation and its attachment are the authorised professional's only, whoever else reaches the patient.
    const file = await runPersonas(patient.id, onlyTheirs(allowed([], { status: 200 })), (persona) =>
      sendAs(cookies[persona], { path: proAttachmentFilePath(conversationId, attachmentId) }),
    );
    const inConversation = await runPersonas(
      patient.id,
      { ...onlyTheirs(allowed(MESSAGE_ROWS, { status: 200 })), patient: UNAUTHENTICATED, otherPatient: UNAUTHENTICATED },
      (persona) =>
        sendAs(cookies[persona], {
          path: `${PRO_MESSAGE_UPLOAD_PATH}?conversation=${conversationId}`,
          fields: { conversation: conversationId, message: `Message de ${persona}` },
          fileField: "pieces-jointes",
          accept: "application/json",
        }),
    );
    const startRow: Row = {
      patient: UNAUTHENTICATED,
      otherPatient: UNAUTHENTICATED,
      ...byRule((persona) =>
        mayStartConversation(STANDINGS[persona]) ? allowed(["conversations.person_id", ...MESSAGE_ROWS], { status: 200 }) : NOT_FOUND,
      ),
      nobody: TO_PRO_LOGIN,
    };
    const started = await runPersonas(patient.id, startRow, (persona) =>
      sendAs(cookies[persona], {
        path: `${PRO_MESSAGE_UPLOAD_PATH}?patient=${patient.id}`,
        fields: { patient: patient.id, objet: `Suivi par ${persona}`, message: "Bonjour, comment allez-vous ?" },
        fileField: "pieces-jointes",
        accept: "application/json",
      }),
    );
    expectNoFailure([...file.verdicts, ...inConversation.verdicts, ...started.verdicts]);
  });

  // Connected services: the API answers a service's bearer token, the token endpoint a service's code; a session is neither.

  test(`/api/fhir/r4/Observation, DocumentReference and Appointment, /api/oauth/token and /api/oauth/revoke × ${PERSONAS.length} personas' sessions`, async () => {
    const { patient, cookies } = await createPeople();
    const everyone = (expected: Expected): Row => ({ patient: expected, otherPatient: expected, ...everyProfessional(expected), nobody: expected });
    const observations = await runPersonas(patient.id, everyone(UNAUTHENTICATED), (persona) =>
      sendAs(cookies[persona], { path: `/api/fhir/r4/Observation?patient=${patient.id}` }),
    );
    const documents = await runPersonas(patient.id, everyone(UNAUTHENTICATED), (persona) =>
      sendAs(cookies[persona], { path: `/api/fhir/r4/DocumentReference?patient=${patient.id}` }),
    );
    const appointments = await runPersonas(patient.id, everyone(UNAUTHENTICATED), (persona) =>
      sendAs(cookies[persona], { path: `/api/fhir/r4/Appointment?patient=${patient.id}` }),
    );
    const service = await createTestService();
    // RFC 7009: a referenced client's revocation of a token it does not hold answers 200 and ends nothing; a session adds nothing to it.
    const revocations = await runPersonas(patient.id, everyone({ outcome: "allowed", status: 200, writes: [] }), (persona) =>
      send({
        method: "POST",
        path: "/api/oauth/revoke",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...(cookies[persona] ? { cookie: cookies[persona] } : {}),
        },
        body: new URLSearchParams({ client_id: service.code, token: "devine".repeat(8) }).toString(),
      }),
    );
    const tokens = await runPersonas(patient.id, everyone({ outcome: "error", status: 400 }), (persona) =>
      send({
        method: "POST",
        path: "/api/oauth/token",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...(cookies[persona] ? { cookie: cookies[persona] } : {}),
        },
        body: new URLSearchParams({ grant_type: "authorization_code", client_id: service.code, code: "devine", redirect_uri: service.redirectUri, code_verifier: "x".repeat(43) }).toString(),
      }),
    );
    expectNoFailure([...observations.verdicts, ...documents.verdicts, ...appointments.verdicts, ...tokens.verdicts, ...revocations.verdicts]);
  });
});
