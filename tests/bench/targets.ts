import {
  type TargetSetup,
  openDemoLoginAttempt,
  postDemoPassword,
  postPoolPasswords,
  signInDemoPatient,
  signInDemoPatientWithAgenda,
  BENCH_LONG_CONVERSATION_ID,
  BENCH_LONG_CONVERSATION_SUBJECT,
  signInDemoPatientWithConversations,
  signInDemoPatientWithDocuments,
  signInDemoPatientWithLongConversation,
  signInDemoPatientWithStatement,
  startDemoEnrolmentFlow,
} from "./visitors";

/**
 * What `npm run bench` measures: the only list of pages under load and of pages audited by
 * Lighthouse. A page joins once it exists and works; the harness checks each target's answer
 * (status and a text of the page) before loading it, so a page that redirects or fails is
 * reported, never timed as if it worked.
 */

export type BenchTarget = {
  /** Shown in the tables and used to match runs with --compare: change it only with care. */
  name: string;
  /** Path on the server under test, query string included. */
  path: string;
  /**
   * What throughput is compared with: "page", the app's minimal page doing one trivial query
   * (baselinePage below); "argon2", bare argon2id verifications at the project's parameters,
   * for steps bound by a password check.
   */
  baseline: "page" | "argon2";
  /** A text the page shows when it works (as it appears in the HTML, or in a server action's React Flight answer). */
  expectedText: string;
  /** Expected HTTP status; 200 unless said. */
  expectedStatus?: number;
  /**
   * For a server action posted as a browser does: the page its success leads to (query string
   * aside), from its redirect (x-action-redirect) or the `redirectTo` of the state it returns. A
   * refusal answers with the same status and neither, so every answer of the load is checked for
   * it too, and those without count as bad.
   */
  expectedNextStep?: string;
  /** Also audited by Lighthouse (mobile) once per run. */
  isLighthouseAudited?: boolean;
} & (
  | { needsSignedInPatient: false; setup?: TargetSetup }
  | {
      /** The page is the patient's space: `setup` signs the demo patient in (a new session each measurement). */
      needsSignedInPatient: true;
      setup: TargetSetup;
    }
);

/** The baseline of "page" targets: a page of this app in the public layout, one `select 1`, nothing else. */
export const baselinePage: BenchTarget = {
  name: "Baseline: page + select 1",
  path: "/bench-baseline",
  baseline: "page",
  expectedText: "Page de référence des mesures",
  needsSignedInPatient: false,
};

/**
 * Not a page under load: a 5 MB document uploaded and downloaded one at a time, with
 * encryption, against a bare loopback copy of the same bytes (tests/bench/document-transfer.ts).
 * `--only` selects it by this name or path like the others.
 */
export const documentTransferTarget = {
  name: "Document 5 Mo : ajout et téléchargement chiffrés",
  path: "/documents/televersement",
  setup: signInDemoPatient,
} as const;

export const benchTargets: readonly BenchTarget[] = [
  {
    name: "Accueil public",
    path: "/",
    baseline: "page",
    expectedText: "Un espace numérique personnel et sécurisé",
    needsSignedInPatient: false,
    isLighthouseAudited: true,
  },
  {
    name: "Demande de code",
    path: "/activation/nouveau-code",
    baseline: "page",
    expectedText: "Générer un nouveau code provisoire",
    needsSignedInPatient: false,
    isLighthouseAudited: true,
  },
  {
    name: "Saisie du code",
    path: "/activation",
    baseline: "page",
    expectedText: "Code provisoire",
    needsSignedInPatient: false,
  },
  {
    // The same page with an enrolment under way: reads the flow (findLiveFlow) on each request.
    name: "Saisie du code, parcours en cours",
    path: "/activation?envoi=email",
    baseline: "page",
    expectedText: "Un code provisoire vient de vous être envoyé",
    needsSignedInPatient: false,
    setup: startDemoEnrolmentFlow,
  },
  {
    name: "Connexion",
    path: "/connexion",
    baseline: "page",
    expectedText: "Connexion à Mon espace santé",
    needsSignedInPatient: false,
  },
  /*
   * The two login steps. The password step is loginPasswordAction posted with a right password,
   * each request from a client address of its own (30 checks per address in 15 minutes
   * otherwise); a right password is no failure, so no account ever locks. Its answer carries the
   * code step's page, which Next.js renders for the redirect. An account's row is locked while its
   * password is checked, so it is measured twice: with the demo account alone (one account's
   * logins wait for each other: more connections measure that queue), and over the run's pool of
   * generated accounts, a different one for each request in flight, as when many people log in
   * at once (the server's own capacity, compared with bare argon2).
   * Posting the code itself is not a target: a right code is single-use (each would need a new
   * attempt and a code read from the outbox), and wrong codes end the attempt after five and lock
   * the account after ten failures.
   */
  {
    name: "Connexion : mot de passe envoyé",
    path: "/connexion",
    baseline: "argon2",
    // The code step's introduction, which its page shows only for a live login attempt.
    expectedText: "Pour terminer votre connexion",
    expectedNextStep: "/connexion/code",
    needsSignedInPatient: false,
    setup: postDemoPassword,
  },
  {
    name: "Connexion : mot de passe, comptes distincts",
    path: "/connexion",
    baseline: "argon2",
    expectedText: "Pour terminer votre connexion",
    expectedNextStep: "/connexion/code",
    needsSignedInPatient: false,
    setup: postPoolPasswords,
  },
  {
    // A new login attempt per measurement, as after a right password: read on each request (findChallengeContacts).
    name: "Connexion : étape du code",
    path: "/connexion/code?callbackUrl=%2Faccueil",
    baseline: "page",
    expectedText: "Recevoir mon code",
    needsSignedInPatient: false,
    setup: openDemoLoginAttempt,
  },
  {
    name: "Accueil",
    path: "/accueil",
    baseline: "page",
    expectedText: "Mes derniers documents",
    needsSignedInPatient: true,
    setup: signInDemoPatient,
    isLighthouseAudited: true,
  },
  {
    name: "Messagerie",
    path: "/messagerie",
    baseline: "page",
    expectedText: "Mon adresse de messagerie à communiquer",
    needsSignedInPatient: true,
    setup: signInDemoPatient,
  },
  /*
   * Agenda: the demo patient's 200 appointments (BENCH_APPOINTMENT_COUNT, 40 ahead) and reminders
   * among everyone's, which --scale grows with the scale set's agenda family: the page (upcoming,
   * the latest past ones, reminders) and the whole agenda as one .ics file (ical.js).
   */
  {
    name: "Agenda",
    path: "/agenda",
    baseline: "page",
    expectedText: "Mes prochains rendez-vous",
    needsSignedInPatient: true,
    setup: signInDemoPatientWithAgenda,
  },
  {
    name: "Agenda : export .ics",
    path: "/agenda/exporter",
    baseline: "page",
    expectedText: "BEGIN:VCALENDAR",
    needsSignedInPatient: true,
    setup: signInDemoPatientWithAgenda,
  },
  {
    // A mailbox of 500 conversations (BENCH_CONVERSATION_COUNT), each with its unread count (issue 11).
    name: "Messagerie (500 conversations)",
    path: "/messagerie",
    baseline: "page",
    expectedText: "Échange 1 — suivi",
    needsSignedInPatient: true,
    setup: signInDemoPatientWithConversations,
  },
  {
    // One conversation of 200 messages (BENCH_LONG_CONVERSATION_MESSAGES), all read: the page shows them all (issue 11).
    name: "Conversation (200 messages)",
    path: `/messagerie/${BENCH_LONG_CONVERSATION_ID}`,
    baseline: "page",
    expectedText: BENCH_LONG_CONVERSATION_SUBJECT,
    needsSignedInPatient: true,
    setup: signInDemoPatientWithLongConversation,
  },
  {
    // The first page of a thousand documents (BENCH_DOCUMENT_COUNT), newest first, pinned ones ahead.
    name: "Documents (1 000 documents)",
    path: "/documents",
    baseline: "page",
    expectedText: "Rechercher un document",
    needsSignedInPatient: true,
    setup: signInDemoPatientWithDocuments,
  },
  {
    name: "Profil médical",
    path: "/profil-medical",
    baseline: "page",
    expectedText: "Rubriques",
    needsSignedInPatient: true,
    setup: signInDemoPatient,
  },
  {
    // The first keyset page of the demo patient's history (their logins and what they did).
    name: "Historique d'activité",
    path: "/historique-activite",
    baseline: "page",
    expectedText: "Filtrer les activités",
    needsSignedInPatient: true,
    setup: signInDemoPatient,
  },
  /*
   * Remboursements: the demo patient's hundred lines (BENCH_STATEMENT_LINE_COUNT) among the whole
   * feed, which --scale grows from 1,000 to 10,000,000 lines (--lines): the first keyset page with
   * the yearly totals and the chart, the same filtered by year and type of care, and the CSV export.
   */
  {
    name: "Remboursements",
    path: "/remboursements",
    baseline: "page",
    expectedText: "Relevé des remboursements",
    needsSignedInPatient: true,
    setup: signInDemoPatientWithStatement,
  },
  {
    name: "Remboursements filtrés (année, type de soins)",
    path: `/remboursements?annee=${new Date().getUTCFullYear()}&categorie=medical-dental-care`,
    baseline: "page",
    // The filter form is there whatever the year holds; the list under it is what is measured.
    expectedText: "Filtrer les remboursements",
    needsSignedInPatient: true,
    setup: signInDemoPatientWithStatement,
  },
  {
    name: "Remboursements : export CSV",
    path: "/remboursements/export",
    baseline: "page",
    expectedText: "Date des soins",
    needsSignedInPatient: true,
    setup: signInDemoPatientWithStatement,
  },
];
