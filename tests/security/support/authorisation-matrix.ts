import { createTestProfessional, giveProfessionalAccess, type TestProfessional } from "../../e2e/support/professionals";
import { sql } from "../../e2e/support/register";
import { createClientAddress } from "../../e2e/support/test";
import { e2eServer } from "../../e2e/support/server";
import { pdfFile } from "../../support/document-files";
import { mintSessionCookie } from "./credentials";
import { headerOf, type RawResponse, send } from "./http";
import { outcomeOf } from "./replay";
import { changedTables, type PersonSnapshot, snapshotPerson } from "./rows";

/**
 * The people of the authorisation matrix (issue 10, docs/decisions/0021-authorisation-matrix.md)
 * and the rule their expected outcomes derive from. The rule is the issue's sentence written out
 * again here, on purpose without lib/professional-access/decide.ts: a test that asked the
 * decision what the decision should answer would prove nothing.
 */

export const PERSONAS = [
  "patient",
  "otherPatient",
  "authorised",
  "withoutConsent",
  "blocked",
  "administrator",
  "excludedProfession",
  "emergencySwitchOn",
  "emergencySwitchOff",
  "nobody",
] as const;

export type Persona = (typeof PERSONAS)[number];
export type ProfessionalPersona = Exclude<Persona, "patient" | "otherPatient" | "nobody">;

export const PROFESSIONAL_PERSONAS = PERSONAS.filter(
  (persona): persona is ProfessionalPersona => persona !== "patient" && persona !== "otherPatient" && persona !== "nobody",
);

/** Where a professional persona stands with the patient, as facts (not as the app's own types). */
export type Standing = {
  /** "10" médecin; "40" chirurgien-dentiste, whom the default matrix keeps from some types (decision 0018). */
  profession: "10" | "40";
  /** Works for a SAMU: their emergency access falls under the patient's "SAMU" switch, anyone else's under "Autres professionnels de santé". */
  isEmergencyMedicalService: boolean;
  access: "authorised" | "blocked" | null;
  isAdministrator: boolean;
  /** An emergency access of theirs, opened an hour ago and not ended. */
  hasEmergencyAccess: boolean;
};

export const STANDINGS: Record<ProfessionalPersona, Standing> = {
  authorised: { profession: "10", isEmergencyMedicalService: false, access: "authorised", isAdministrator: false, hasEmergencyAccess: false },
  withoutConsent: { profession: "10", isEmergencyMedicalService: false, access: null, isAdministrator: false, hasEmergencyAccess: false },
  blocked: { profession: "10", isEmergencyMedicalService: false, access: "blocked", isAdministrator: false, hasEmergencyAccess: false },
  administrator: { profession: "10", isEmergencyMedicalService: false, access: "authorised", isAdministrator: true, hasEmergencyAccess: false },
  excludedProfession: { profession: "40", isEmergencyMedicalService: false, access: "authorised", isAdministrator: false, hasEmergencyAccess: false },
  // In an emergency under "Autres professionnels de santé", which the patient left on.
  emergencySwitchOn: { profession: "10", isEmergencyMedicalService: false, access: null, isAdministrator: false, hasEmergencyAccess: true },
  // In an emergency under "SAMU", which the patient turned off after it was opened.
  emergencySwitchOff: { profession: "10", isEmergencyMedicalService: true, access: null, isAdministrator: false, hasEmergencyAccess: true },
};

/** The patient's three switches: one emergency switch on and one off, so that both emergency personas exist side by side. */
export const PATIENT_SWITCHES = { emergencyMedicalService: false, otherProfessionals: true, maskedDocuments: true } as const;

// The rule (issue 10, « Reaching a patient »), restated.

function isSwitchOnFor(standing: Standing): boolean {
  return standing.isEmergencyMedicalService ? PATIENT_SWITCHES.emergencyMedicalService : PATIENT_SWITCHES.otherProfessionals;
}

/** "an emergency access the patient did not refuse" */
function isInAllowedEmergency(standing: Standing): boolean {
  return standing.hasEmergencyAccess && isSwitchOnFor(standing);
}

/** "(consent, or an emergency access the patient did not refuse) … and never when blocked" */
export function reachesRecord(standing: Standing): boolean {
  if (standing.access === "blocked") return false;
  return standing.access === "authorised" || isInAllowedEmergency(standing);
}

export type MatrixDocument = {
  typeCode: string;
  isMasked: boolean;
  /** The professional persona who deposited it, if one did. */
  author?: ProfessionalPersona;
};

/**
 * "and the access matrix allows the document's type for the professional's profession, and not
 * masked (unless the professional is its author, an administrator, or in an emergency with
 * "Documents masqués" on)".
 */
export function mayReadDocument(persona: ProfessionalPersona, document: MatrixDocument, matrix: AccessMatrix): boolean {
  const standing = STANDINGS[persona];
  if (!reachesRecord(standing)) return false;
  if (!matrix.allows(standing.profession, document.typeCode)) return false;
  if (!document.isMasked) return true;
  return document.author === persona || standing.isAdministrator || (isInAllowedEmergency(standing) && PATIENT_SWITCHES.maskedDocuments);
}

/** "An authorised professional … adds a document to the patient's record … a blocked professional may still deposit documents." */
export function mayDeposit(standing: Standing): boolean {
  return reachesRecord(standing) || standing.access === "blocked";
}

/** "Emergency: … possible only when the patient did not turn the matching switch off", and never when blocked. */
export function mayOpenEmergencyAccess(standing: Standing): boolean {
  return standing.access !== "blocked" && isSwitchOnFor(standing);
}

/**
 * Issue 11: "A professional starts a conversation with a patient they may reach" — reaching the
 * record as reading does (consent, or an emergency the patient did not refuse; never blocked).
 */
export function mayStartConversation(standing: Standing): boolean {
  return reachesRecord(standing);
}

/**
 * Issue 10: "An authorised professional … adds a document … Writing to the patient and adding
 * appointments come with the next issue": adding to the agenda is an authorised professional's,
 * on the patient's consent; an emergency access is for reading the record, not planning care.
 */
export function mayAddAppointment(standing: Standing): boolean {
  return standing.access === "authorised";
}

/** Consent is recorded by the professional during care; a blocked one stays blocked. */
export function mayRecordConsent(standing: Standing): boolean {
  return standing.access !== "blocked";
}

/** The access matrix as data: the table the app reads, loaded once (it is the data under test's input, not its decision). */
export type AccessMatrix = { allows: (professionCode: string, typeCode: string) => boolean };

export async function loadAccessMatrix(): Promise<AccessMatrix> {
  const rows = await sql<{ professionCode: string; documentTypeCode: string }[]>`
    select profession_code as "professionCode", document_type_code as "documentTypeCode" from access_matrix_entries where is_accessible`;
  const accessible = new Set(rows.map((row) => `${row.professionCode}|${row.documentTypeCode}`));
  return { allows: (professionCode, typeCode) => accessible.has(`${professionCode}|${typeCode}`) };
}

// The people, made by the e2e factories (no browser journey).

let professionalsOfThisWorker: Promise<Record<ProfessionalPersona, TestProfessional>> | undefined;

/**
 * The professional personas, made once per worker: what they may do is their standing with the
 * patient of each test (a fresh patient each time), never theirs alone.
 */
export function professionalPersonas(): Promise<Record<ProfessionalPersona, TestProfessional>> {
  professionalsOfThisWorker ??= (async () => {
    const made = {} as Record<ProfessionalPersona, TestProfessional>;
    for (const persona of PROFESSIONAL_PERSONAS) {
      const standing = STANDINGS[persona];
      const professional = await createTestProfessional({
        professionCode: standing.profession,
        specialty: standing.profession === "10" ? "Médecine générale" : null,
      });
      if (standing.isEmergencyMedicalService) {
        await sql`update professionals set is_emergency_medical_service = true where id = ${professional.professionalId}`;
      }
      made[persona] = professional;
    }
    return made;
  })();
  return professionalsOfThisWorker;
}

/** Gives every professional persona their standing with `patientId`, and the patient their switches. */
export async function standWithPatient(patientId: string): Promise<Record<ProfessionalPersona, TestProfessional>> {
  const professionals = await professionalPersonas();
  await sql`
    insert into emergency_access_settings (person_id, allows_emergency_medical_service, allows_other_professionals, includes_masked_documents)
    values (${patientId}, ${PATIENT_SWITCHES.emergencyMedicalService}, ${PATIENT_SWITCHES.otherProfessionals}, ${PATIENT_SWITCHES.maskedDocuments})`;
  for (const persona of PROFESSIONAL_PERSONAS) {
    const standing = STANDINGS[persona];
    const professionalId = professionals[persona].professionalId;
    if (standing.access) {
      const access = await giveProfessionalAccess(patientId, professionalId, standing.access);
      if (standing.isAdministrator) await sql`update professional_accesses set is_administrator = true where id = ${access.id}`;
    }
    if (standing.hasEmergencyAccess) {
      await sql`
        insert into emergency_accesses (person_id, professional_id, kind, reason, started_at, ends_at)
        values (${patientId}, ${professionalId}, ${standing.isEmergencyMedicalService ? "emergency_medical_service" : "other_professional"},
                'Patient inconscient aux urgences', now() - interval '1 hour', now() + interval '1 hour')`;
    }
  }
  return professionals;
}

/** Who sends each persona's request: the id credentials are minted for (none for nobody). */
export type PersonaIds = Record<Exclude<Persona, "nobody">, string>;

/** A live session cookie per persona (minted before any snapshot: a new session is a row of its owner). */
export async function mintPersonaCookies(ids: PersonaIds): Promise<Record<Persona, string | null>> {
  const cookies = { nobody: null } as Record<Persona, string | null>;
  for (const persona of PERSONAS) if (persona !== "nobody") cookies[persona] = await mintSessionCookie(ids[persona]);
  return cookies;
}

// What a persona may get back.

export type Expected =
  /**
   * Goes through; `writes`: tables of the patient's rows that must change ([] for a read that
   * records nothing); `writesAny`: some row of the patient's must change, unless `isAccepted` (an
   * action that writes nothing) says by its answer that it went through.
   */
  | {
      outcome: "allowed";
      status?: number;
      redirect?: string;
      writes: readonly string[];
      writesAny?: boolean;
      isAccepted?: (outcome: { redirect: string | null; result: unknown }) => boolean;
    }
  /** Sent to a login page (a server action's redirect, or the proxy's for a request without a session cookie), nothing written. */
  | { outcome: "login"; redirect: "/connexion" | "/pro/connexion" }
  /** 404, like something that does not exist; nothing written. */
  | { outcome: "not-found" }
  /** 401 from a route handler: no session of the right kind; nothing written. */
  | { outcome: "unauthenticated" }
  /** Another error answer of a route handler that takes no session at all (an OAuth endpoint's 400); nothing written. */
  | { outcome: "error"; status: number }
  /** The form's refusal, with its message; nothing written. */
  | { outcome: "refused"; message: RegExp }
  /** Concerns only the requester's own space or session (another patient's own record, one's own cookie): none of the patient's rows changes. */
  | { outcome: "own"; redirect?: string }
  /** Answered as if the row it names did not exist (the page refreshed, or back to it): nothing written. */
  | { outcome: "ignored"; redirect?: string };

/** One request's judgement: its status and whether the persona was to be refused, for the tally. */
export type Verdict = { persona: Persona; status: number; isRefusal: boolean; failure: string | null };

/** A Location's path and query, whether the server wrote it absolute or not. */
function pathOf(location: string): string {
  const url = new URL(location, e2eServer.origin);
  return `${url.pathname}${url.search}`;
}

/** Whether `response` and the patient's rows before and after are what `expected` says. */
export function judge(persona: Persona, expected: Expected, response: RawResponse, before: PersonSnapshot, after: PersonSnapshot): Verdict {
  const { status, redirect: actionRedirect, result } = outcomeOf(response);
  // A server action's redirect(), or a page's or the proxy's own (a request without a session cookie).
  const location = status >= 300 && status < 400 ? headerOf(response, "location") : undefined;
  const redirect = actionRedirect ?? (location ? pathOf(location) : null);
  const changed = changedTables(before, after);
  const seen = `got ${status}${redirect ? ` → ${redirect}` : ""} ${JSON.stringify(result ?? response.text.slice(0, 160))}, changed [${changed.join(", ")}]`;
  const isRefusal = expected.outcome !== "allowed" && expected.outcome !== "own";
  const pass: Verdict = { persona, status, isRefusal, failure: null };
  const fail = (why: string): Verdict => ({ ...pass, failure: `${persona}: expected ${why}; ${seen}` });
  const wroteNothing = changed.length === 0;
  switch (expected.outcome) {
    case "allowed": {
      if (status >= 400 || (expected.status !== undefined && status !== expected.status)) return fail(`allowed (${expected.status ?? "< 400"})`);
      if (expected.redirect !== undefined && redirect !== expected.redirect) return fail(`allowed, on to ${expected.redirect}`);
      if (redirect?.startsWith("/connexion") || redirect?.startsWith("/pro/connexion")) return fail("allowed, not sent to a login");
      const missing = expected.writes.filter((table) => !changed.includes(table));
      if (missing.length > 0) return fail(`allowed, writing ${missing.join(", ")}`);
      if (expected.isAccepted && !expected.isAccepted({ redirect, result })) return fail("allowed, with the action's own sign of success");
      if (expected.writesAny && !expected.isAccepted && wroteNothing) return fail("allowed, writing rows of the patient's");
      return pass;
    }
    case "login":
      if (!redirect || (redirect !== expected.redirect && !redirect.startsWith(`${expected.redirect}?`))) return fail(`a redirect to ${expected.redirect}`);
      return wroteNothing ? pass : fail(`a redirect to ${expected.redirect}, nothing written`);
    case "not-found":
      if (status !== 404) return fail("404");
      return wroteNothing ? pass : fail("404, nothing written");
    case "unauthenticated":
      if (status !== 401) return fail("401");
      return wroteNothing ? pass : fail("401, nothing written");
    case "error":
      if (status !== expected.status) return fail(String(expected.status));
      return wroteNothing ? pass : fail(`${expected.status}, nothing written`);
    case "refused": {
      const message = (result as { status?: string; message?: string } | undefined)?.message ?? "";
      if (status >= 400 || !expected.message.test(message)) return fail(`the refusal ${expected.message}`);
      return wroteNothing ? pass : fail("a refusal, nothing written");
    }
    case "own":
    case "ignored": {
      const what = expected.outcome === "own" ? "an answer about their own space" : "an answer as if the row did not exist";
      if (status >= 400) return fail(what);
      if (expected.redirect !== undefined) {
        if (redirect !== expected.redirect) return fail(`${what}, on to ${expected.redirect}`);
      } else if (redirect !== null && expected.outcome === "ignored") return fail(`${what}, no redirect`);
      else if (redirect?.startsWith("/connexion") || redirect?.startsWith("/pro/connexion")) return fail(`${what}, not a login`);
      return wroteNothing ? pass : fail(`${what}: none of the patient's rows changed`);
    }
  }
}

/**
 * Sends each persona's request in turn (`requestOf`), snapshotting the patient's rows around it,
 * and judges it. The patient's own request goes last: it may be the one that deletes or moves
 * what the others were refused.
 */
export async function runPersonas(
  patientId: string,
  expectations: Record<Persona, Expected>,
  requestOf: (persona: Persona) => Promise<RawResponse>,
  { order = PERSONAS }: { order?: readonly Persona[] } = {},
): Promise<{ verdicts: Verdict[]; responses: Partial<Record<Persona, RawResponse>> }> {
  const verdicts: Verdict[] = [];
  const responses: Partial<Record<Persona, RawResponse>> = {};
  for (const persona of order) {
    // The patient's own session counts their request as activity (sessions.last_active_at): not a write.
    const options = { ignoresSessionActivity: persona === "patient" };
    const before = await snapshotPerson(patientId, options);
    const response = await requestOf(persona);
    responses[persona] = response;
    verdicts.push(judge(persona, expectations[persona], response, before, await snapshotPerson(patientId, options)));
  }
  return { verdicts, responses };
}

/** The patient last, as runPersonas explains. */
export const PATIENT_LAST: readonly Persona[] = [...PERSONAS.filter((persona) => persona !== "patient"), "patient"];

// Route handlers' requests.

/** A multipart body as a browser's form sends it. */
export async function multipartOf(fields: Record<string, string>, file: { name: string; bytes: Buffer; type: string }, fileField = "fichier") {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set(fileField, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const encoded = new Response(form);
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

/** A route handler's request as the app's own page sends it (same Origin, its script's Accept), with `cookie`. */
export async function sendAs(
  cookie: string | null,
  {
    method = "GET",
    path,
    fields,
    fileField,
    accept,
  }: { method?: "GET" | "POST"; path: string; fields?: Record<string, string>; /** The form's file field ("fichier" in Documents). */ fileField?: string; accept?: string },
): Promise<RawResponse> {
  const headers: Record<string, string> = { origin: e2eServer.origin, "x-forwarded-for": createClientAddress() };
  if (cookie) headers.cookie = cookie;
  if (accept) headers.accept = accept;
  if (!fields) return send({ method, path, headers });
  const { body, contentType } = await multipartOf(fields, { name: "compte-rendu.pdf", bytes: pdfFile(), type: "application/pdf" }, fileField);
  return send({ method: "POST", path, headers: { ...headers, "content-type": contentType }, body });
}

/**
 * A document of the patient's with real, encrypted bytes: uploaded through their own
 * "Ajouter un document" (the route handler, with their minted session), then filed under
 * `typeCode`, masked or not, and made a professional's deposit if told so, as a producer would have left it.
 */
export async function createReadableDocument(
  patientCookie: string,
  patientId: string,
  { title, typeCode, isMasked, authorProfessionalId = null }: { title: string; typeCode: string; isMasked: boolean; authorProfessionalId?: string | null },
): Promise<string> {
  const response = await sendAs(patientCookie, {
    path: "/documents/televersement",
    fields: { titre: title, date: "14/03/2026", categorie: "CPT_REND", dossier: "" },
    accept: "application/json",
  });
  if (response.status !== 200) throw new Error(`upload refused: ${response.status} ${response.text.slice(0, 200)}`);
  const [row] = await sql<{ id: string }[]>`
    update documents set type_code = ${typeCode}, is_hidden_from_professionals = ${isMasked},
      author_kind = case when ${authorProfessionalId}::uuid is null then author_kind else 'professional' end,
      author_account_id = case when ${authorProfessionalId}::uuid is null then author_account_id end,
      author_professional_id = ${authorProfessionalId}::uuid
    where person_id = ${patientId} and title = ${title} returning id`;
  if (!row) throw new Error(`document ${title} not stored`);
  return row.id;
}
