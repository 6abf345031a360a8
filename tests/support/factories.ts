import { randomInt, randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  accounts,
  connectedServices,
  documentFolders,
  documents,
  insuredPersons,
  type NewInsuredPerson,
  outgoingMessages,
  professionals,
  profileItems,
  spaces,
} from "@/db/schema";
import { type Actor, actorOf, professionalActorOf } from "@/lib/access/actor";
import { patientDocumentTypeOf } from "@/lib/documents/document-types";
import { hashPassword } from "@/lib/auth/password-hash";
import { luhnCheckDigit } from "@/lib/professionals/rpps";
import { createSession, findLiveSession } from "@/lib/auth/sessions";
import { activateSpace } from "@/lib/enrolment/activate-space";
import type { ProfileSection } from "@/lib/medical-profile/sections";
import { computeNirKey } from "@/lib/register/nir";

function digits(count: number): string {
  return Array.from({ length: count }, () => String(randomInt(10))).join("");
}

/** A random valid NIR for a person born in metropolitan France (or in the given department). */
export function randomNir(options: { sex?: "1" | "2"; department?: string } = {}): string {
  const sex = options.sex ?? (randomInt(2) === 0 ? "1" : "2");
  const year = String(randomInt(40, 99));
  const month = String(randomInt(1, 13)).padStart(2, "0");
  const department = options.department ?? String(randomInt(10, 90));
  const body = `${sex}${year}${month}${department}${digits(3)}${String(randomInt(1, 999)).padStart(3, "0")}`;
  const key = computeNirKey(body);
  if (!key) throw new Error(`could not compute a key for ${body}`);
  return `${body}${key}`;
}

let sequence = 0;

/**
 * An insured person in the register with a pending space, unique e-mail and mobile by default,
 * and a Vitale card of their own (the identity proof of enrolment and recovery needs one).
 */
export async function createInsuredPerson(overrides: Partial<NewInsuredPerson> & { vitaleSerial?: string } = {}) {
  sequence += 1;
  const tag = `${Date.now().toString(36)}${sequence}${digits(3)}`;
  const nir = overrides.nir ?? randomNir();
  const [person] = await getDb()
    .insert(insuredPersons)
    .values({
      nir,
      birthName: "Testeur",
      firstNames: "Camille Marie",
      sex: "F",
      birthDate: `19${nir.slice(1, 3)}-${nir.slice(3, 5)}-15`,
      birthPlaceCode: "75056",
      email: `camille.${tag}@example.org`,
      mobile: `+336990${digits(5)}`,
      postalAddress: "12 rue des Tilleuls\n75011 Paris",
      vitaleSerial: digits(11),
      ...overrides,
    })
    .returning();
  if (!person?.vitaleSerial) throw new Error("person not created");
  await getDb().insert(spaces).values({ personId: person.id }).onConflictDoNothing();
  return { ...person, vitaleSerial: person.vitaleSerial };
}

/** The latest message sent to a recipient, as the outbox keeps it. */
export async function latestMessageTo(recipient: string) {
  const [message] = await getDb()
    .select()
    .from(outgoingMessages)
    .where(eq(outgoingMessages.recipient, recipient))
    .orderBy(desc(outgoingMessages.createdAt))
    .limit(1);
  return message ?? null;
}

export async function messagesTo(recipient: string) {
  return getDb().select().from(outgoingMessages).where(eq(outgoingMessages.recipient, recipient));
}

/** The provisional code ("ABCD-EFGH") or numeric code in a message's text. */
export function codeIn(text: string | null | undefined, pattern = /\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/): string {
  const match = text ? pattern.exec(text) : null;
  if (!match) throw new Error(`no code in message: ${text}`);
  return match[0];
}

/** A known password that meets every rule, for accounts made by tests. */
export const TEST_PASSWORD = "Tilleul-Rouge-42";

/**
 * Tests set their own clock anywhere in 2026 (and later); a space activated before all of them
 * is open at any instant they pick, as its own representation starts at activation.
 */
const ACTIVATED_BEFORE_ANY_TEST_CLOCK = new Date("2025-01-01T00:00:00Z");

/**
 * An insured person whose space is active, as activation leaves it (lib/enrolment/activate-space.ts:
 * account, own representation, welcome message), with a known password; login codes go to the
 * person's register e-mail and mobile unless told otherwise.
 */
export async function createActiveAccount(
  options: { identifier?: string; password?: string; email?: string | null; mobile?: string | null; now?: Date } = {},
) {
  const now = options.now ?? ACTIVATED_BEFORE_ANY_TEST_CLOCK;
  const person = await createInsuredPerson({
    ...(options.email !== undefined ? { email: options.email } : {}),
    ...(options.mobile !== undefined ? { mobile: options.mobile } : {}),
  });
  const identifier = options.identifier ?? `camille.${person.id.slice(0, 8)}`;
  const password = options.password ?? TEST_PASSWORD;
  const passwordHash = await hashPassword(password);
  const { accountId } = await getDb().transaction((tx) =>
    activateSpace(tx, { personId: person.id, identifier, passwordHash, email: person.email, mobile: person.mobile, now }),
  );
  return { person, accountId, identifier, password, email: person.email, mobile: person.mobile };
}

/** The actor a request of this account carries, through a new session found as a request finds it. */
export async function signInAs(accountId: string, now = new Date()): Promise<Actor> {
  const sessionId = await createSession(getDb(), { accountId, now });
  const live = await findLiveSession(getDb(), sessionId, { now, touch: false });
  if (!live) throw new Error("the new session is not live");
  return actorOf(live);
}

/** An insured person with an active space (createActiveAccount), signed in: the person's row and `actor`. */
export async function createSignedInPerson(options: Parameters<typeof createActiveAccount>[0] = {}) {
  const account = await createActiveAccount(options);
  return { ...account.person, accountId: account.accountId, actor: await signInAs(account.accountId) };
}

/**
 * A profile entry a health professional wrote (or, with `confirmedAt`, one the patient wrote and
 * a professional confirmed). Professionals' own writes come with their portal; until then this
 * stands for them.
 */
export async function createProfessionalProfileItem(
  personId: string,
  { section = "vaccination", label = "Grippe saisonnière", confirmedAt }: { section?: ProfileSection; label?: string; confirmedAt?: Date } = {},
) {
  const [row] = await getDb()
    .insert(profileItems)
    .values({
      personId,
      section,
      label,
      startYear: 2025,
      authorKind: confirmedAt ? "patient" : "professional",
      confirmedByProfessionalAt: confirmedAt ?? null,
    })
    .returning();
  return row!;
}

type DocumentRow = typeof documents.$inferInsert;

/**
 * A document row of a person's record, made directly: stored in the database store under a
 * random key, with an empty wrapped key (its content is never read by the tests that use this).
 * The patient's own upload by default; any author with `authorKind` and `authorName`.
 */
export async function createDocument(personId: string, overrides: Partial<DocumentRow> = {}) {
  const authorKind = overrides.authorKind ?? "patient";
  const category = overrides.category ?? (authorKind === "patient" ? "AUTR_DOC" : "CPT_REND");
  const [document] = await getDb()
    .insert(documents)
    .values({
      personId,
      title: "Compte rendu de consultation",
      documentDate: "2026-03-14",
      category,
      typeCode: authorKind === "patient" ? patientDocumentTypeOf(category) : "11488-4",
      authorKind,
      authorName: authorKind === "patient" ? "Camille Testeur" : "Dr Anne Leroy",
      mediaType: "application/pdf",
      byteSize: 24_000,
      storage: "database",
      storageKey: randomUUID(),
      masterKeyId: "test",
      wrappedDataKey: new Uint8Array(),
      ...overrides,
    })
    .returning();
  if (!document) throw new Error("document not created");
  return document;
}

export async function createDocumentFolder(personId: string, name = `Dossier ${randomUUID().slice(0, 8)}`) {
  const [folder] = await getDb().insert(documentFolders).values({ personId, name }).returning();
  if (!folder) throw new Error("folder not created");
  return folder;
}

/** A luhn-valid RPPS number: 10 random digits and their check digit. */
export function randomRpps(): string {
  const body = Array.from({ length: 10 }, () => randomInt(10)).join("");
  return body + luhnCheckDigit(body);
}

/**
 * A professional of the directory with an account (no password: these tests never log in through
 * the pages), and the actor a `/pro` request of theirs would carry.
 */
export async function createProfessional(overrides: Partial<typeof professionals.$inferInsert> = {}) {
  const [professional] = await getDb()
    .insert(professionals)
    .values({ rpps: randomRpps(), lastName: "Leroy", firstName: "Anne", professionCode: "10", specialty: "Médecine générale", city: "Lyon", ...overrides })
    .returning();
  if (!professional) throw new Error("professional not created");
  const [account] = await getDb()
    .insert(accounts)
    .values({ kind: "professional", professionalId: professional.id, identifier: `pro-${randomUUID()}`, passwordHash: null })
    .returning();
  if (!account) throw new Error("professional account not created");
  const actor = professionalActorOf({ sessionId: randomUUID(), accountId: account.id, professional });
  return { professional, account, actor };
}

/** A referenced service of the catalogue, online, asking for measurements and documents unless told otherwise. */
export async function createConnectedService(overrides: Partial<typeof connectedServices.$inferInsert> = {}) {
  const code = `service-${randomUUID().slice(0, 8)}`;
  const [service] = await getDb()
    .insert(connectedServices)
    .values({
      code,
      name: `Service fictif ${code}`,
      publisher: "Éditeur fictif",
      description: "Service fictif pour les tests.",
      category: "suivi-mesures",
      pricing: "free",
      status: "online",
      requestedPurposes: ["measurements:read", "documents:read"],
      redirectUris: [`https://${code}.example/retour`],
      ...overrides,
    })
    .returning();
  if (!service) throw new Error("service not created");
  return service;
}
