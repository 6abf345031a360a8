import "server-only";
import { type SQL, eq } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { AccountKind, RepresentationBasis } from "@/db/schema";
import type { LiveProfessionalSession, LiveSession } from "@/lib/auth/sessions";
import { professionDescription, professionalDisplayName } from "@/lib/professionals/names";
import { displayName, usualFirstName } from "@/lib/register/person-name";

/**
 * Who is asking, and for whom, in this request: the signed-in account (who acts) and the
 * subject, the person whose space this request opens (whose data it is). The two differ when a
 * parent opens a child's space, a caregiver a helped person's, or (later) a professional a
 * patient's. Every domain function that reads or writes personal data takes it and scopes its
 * query to `subject.personId`; the subject was reached through a live representation, checked by
 * the one query that found the session (lib/auth/sessions.ts findLiveSession).
 * The actor of a request comes from lib/access/current-actor.ts (requireActor).
 * See docs/decisions/0009-actor-model.md.
 */
export type Actor = {
  account: {
    id: string;
    kind: AccountKind;
    /** Any space besides its own right now (a child's, a helped person's): "Changer de profil" then reads the list. */
    mayOpenOtherSpaces: boolean;
  };
  session: { id: string };
  subject: {
    personId: string;
    fullName: string;
    firstName: string;
    /** On what ground the account opens this space: "on whose behalf" for the activity history. */
    basis: RepresentationBasis;
    representationId: string;
    /** The first-login questionnaire is done (read with the session, for the frame's gate). */
    hasCompletedQuestionnaire: boolean;
  };
};

/** The actor of a live session, as the domain sees it. */
export function actorOf(live: LiveSession): Actor {
  const { subject } = live;
  return {
    account: { id: live.accountId, kind: live.accountKind, mayOpenOtherSpaces: live.mayOpenOtherSpaces },
    session: { id: live.sessionId },
    subject: {
      personId: subject.personId,
      fullName: displayName(subject.person),
      firstName: usualFirstName(subject.person),
      basis: subject.basis,
      representationId: subject.representationId,
      hasCompletedQuestionnaire: subject.hasCompletedQuestionnaire,
    },
  };
}

/**
 * The one rule of reach, written next to every query on personal data: an actor reaches the
 * rows of the subject its request opened, and no one else's. Rows of another person are simply
 * not found, so "not yours" and "does not exist" answer alike.
 */
export function isOwnedBySubject(actor: Actor, personIdColumn: PgColumn): SQL {
  return eq(personIdColumn, actor.subject.personId);
}

/**
 * A professional signed in to `/pro`: who acts. Whose record they open is not part of the session
 * (a professional works on many patients): each request names its patient, and the one function
 * of lib/professional-access decides what this professional may reach of that patient's record.
 */
export type ProfessionalActor = {
  account: { id: string; kind: "professional" };
  session: { id: string };
  professional: {
    id: string;
    rpps: string;
    /** Code of the national nomenclature (lib/professionals/professions.ts): what the access matrix is keyed on. */
    professionCode: string;
    /** "Dr Anne Leroy", as shown to patients and in the activity history. */
    fullName: string;
    /** "Médecin, Médecine générale": the /pro header's second line. */
    professionDescription: string;
    isEmergencyMedicalService: boolean;
  };
};

/** The actor of a live professional session, as the domain sees it (the test factories build theirs with it too). */
export function professionalActorOf(live: Pick<LiveProfessionalSession, "sessionId" | "accountId" | "professional">): ProfessionalActor {
  const { professional } = live;
  return {
    account: { id: live.accountId, kind: "professional" },
    session: { id: live.sessionId },
    professional: {
      id: professional.id,
      rpps: professional.rpps,
      professionCode: professional.professionCode,
      fullName: professionalDisplayName(professional),
      professionDescription: professionDescription(professional),
      isEmergencyMedicalService: professional.isEmergencyMedicalService,
    },
  };
}
