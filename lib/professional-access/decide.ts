import type { EmergencyAccessKind, ProfessionalAccessStatus } from "@/db/schema/professionals";
import { type ProfessionalReadableSection, isProfileSectionVisibleToProfessionals } from "@/lib/medical-profile/sections";

/**
 * The one place that decides what a professional may reach of a patient's record (SPEC §7,
 * reference mes-data-model §6 and §11). Everything here is a pure function of facts read in one
 * query (lib/professional-access/standing.ts): the professional's standing with the patient, a live
 * emergency access of theirs, the patient's emergency switches, and the access matrix for their
 * profession. Pages, actions and route handlers of `/pro` ask `professionalMay`, and nothing else.
 *
 * Effective access = (consent, or an emergency access the patient's switches allow)
 *   ∧ matrix(profession, document type)
 *   ∧ ¬masked (unless the professional is its author, an administrator, or in an emergency with
 *     "Documents masqués" on)
 *   ∧ ¬blocked.
 */

export type EmergencySettings = {
  allowsEmergencyMedicalService: boolean;
  allowsOtherProfessionals: boolean;
  includesMaskedDocuments: boolean;
};

/** A patient who never touched the switches: emergency access allowed unless opposed (§6.3), masked documents left out. */
export const DEFAULT_EMERGENCY_SETTINGS: EmergencySettings = {
  allowsEmergencyMedicalService: true,
  allowsOtherProfessionals: true,
  includesMaskedDocuments: false,
};

export type ProfessionalStanding = {
  professional: { id: string; isEmergencyMedicalService: boolean };
  /** The row of "Autorisations d'accès" for this pair, if any. */
  access: { status: ProfessionalAccessStatus; isAdministrator: boolean } | null;
  /** This professional's emergency access to this patient that has not ended yet, if any. */
  emergency: { kind: EmergencyAccessKind } | null;
  settings: EmergencySettings;
};

/** Under which switch this professional's emergency access would fall. */
export function emergencyKindOf(professional: { isEmergencyMedicalService: boolean }): EmergencyAccessKind {
  return professional.isEmergencyMedicalService ? "emergency_medical_service" : "other_professional";
}

/** Whether the patient's switches allow an emergency access of this kind. */
export function isEmergencyAllowed(kind: EmergencyAccessKind, settings: EmergencySettings): boolean {
  return kind === "emergency_medical_service" ? settings.allowsEmergencyMedicalService : settings.allowsOtherProfessionals;
}

/**
 * How far a professional reaches a patient's record right now.
 * - `blocked`: nothing, not even in an emergency; they may still deposit documents (§6.2).
 * - `none`: no consent and no emergency access: they may record consent or open one.
 * - `record`: they read what the matrix and masking allow.
 */
export type RecordReach =
  | { reach: "blocked" }
  | { reach: "none"; mayOpenEmergencyAccess: boolean }
  | {
      reach: "record";
      /** Reached through an emergency access rather than consent: its reads are marked so in the history. */
      isEmergency: boolean;
      isAdministrator: boolean;
      seesMaskedDocuments: boolean;
    };

export function recordReachOf(standing: ProfessionalStanding): RecordReach {
  const { access, emergency, settings } = standing;
  if (access?.status === "blocked") return { reach: "blocked" };
  const isLiveEmergency = emergency !== null && isEmergencyAllowed(emergency.kind, settings);
  const isAuthorised = access?.status === "authorised";
  if (!isAuthorised && !isLiveEmergency) {
    return { reach: "none", mayOpenEmergencyAccess: isEmergencyAllowed(emergencyKindOf(standing.professional), settings) };
  }
  const isAdministrator = isAuthorised && access.isAdministrator;
  return {
    reach: "record",
    isEmergency: !isAuthorised,
    isAdministrator,
    seesMaskedDocuments: isAdministrator || (isLiveEmergency && settings.includesMaskedDocuments),
  };
}

export type ProfessionalRequest =
  /** The record's page: who the patient is and which parts may be opened. */
  | { kind: "open-record" }
  /** One document, to list, open or download. */
  | { kind: "read-document"; document: { typeCode: string; isHiddenFromProfessionals: boolean; authorProfessionalId: string | null } }
  /**
   * One section of the medical profile (an item of it still has its own masking), or "Mon histoire
   * de santé", which the patient masks as a whole (`isHiddenFromProfessionals`, false by default).
   */
  | { kind: "read-profile-section"; section: ProfessionalReadableSection; isHiddenFromProfessionals?: boolean }
  /** Add a document to the patient's record, with the professional as its author. */
  | { kind: "deposit-document" }
  /** Block another professional: administrators only (§6.2). */
  | { kind: "block-professional" }
  /** « Écrire au patient »: start a conversation in the patient's secure mailbox. */
  | { kind: "start-conversation" }
  /** Write again in a conversation they started (a reply, or after closing it): until the patient blocks them. */
  | { kind: "write-in-conversation" }
  /** « Ajouter un rendez-vous » to the patient's agenda, read-only for the patient (SPEC §6 Agenda). */
  | { kind: "add-appointment" }
  /**
   * Change the status (confirmé, honoré, annulé, non honoré) of an appointment in the patient's
   * agenda: only the professional who added it, on the same terms as adding one.
   */
  | { kind: "change-appointment-status"; appointment: { authorProfessionalId: string | null } };

/**
 * Whether `professionalId`, standing as `reach` with the patient, may do `request`.
 * `isTypeAccessible` answers the access matrix for the professional's profession.
 */
export function professionalMay(
  reach: RecordReach,
  request: ProfessionalRequest,
  { professionalId, isTypeAccessible }: { professionalId: string; isTypeAccessible: (typeCode: string) => boolean },
): boolean {
  switch (request.kind) {
    case "deposit-document":
      // A blocked professional may still deposit documents, as in the real service (§6.2).
      return reach.reach === "record" || reach.reach === "blocked";
    case "open-record":
      return reach.reach === "record";
    case "block-professional":
      return reach.reach === "record" && reach.isAdministrator;
    case "start-conversation":
      // Writing first needs what reading needs: the patient's consent, or a live emergency access.
      return reach.reach === "record";
    case "write-in-conversation":
      // An exchange already opened goes on after the consent is withdrawn; a block ends it.
      return reach.reach !== "blocked";
    case "add-appointment":
      // Planning follow-up care is done with the patient's consent: an emergency access is for reading the record when they cannot give it.
      return reach.reach === "record" && !reach.isEmergency;
    case "change-appointment-status":
      // The status is the author's word on their own appointment: no one else's, not even an administrator's.
      return reach.reach === "record" && !reach.isEmergency && request.appointment.authorProfessionalId === professionalId;
    case "read-profile-section":
      return reach.reach === "record" && isProfileSectionVisibleToProfessionals(request.section) && request.isHiddenFromProfessionals !== true;
    case "read-document": {
      if (reach.reach !== "record") return false;
      const { document } = request;
      if (!isTypeAccessible(document.typeCode)) return false;
      if (!document.isHiddenFromProfessionals) return true;
      return reach.seesMaskedDocuments || document.authorProfessionalId === professionalId;
    }
  }
}
