import type { ActivityActorKind, ActivityBasis, ActivityGroup } from "@/db/schema/activity";

/**
 * Every action the activity history knows, with the words "Historique d'activité" shows for it
 * and the tab it belongs to. The one list: a new write adds its code here, the page and the CSV
 * export follow. Codes are stored, so a shipped code is never renamed.
 */
export const ACTIVITY_ACTIONS = {
  "enrolment.notified": { label: "Envoi de l'information sur la création de Mon espace santé", group: "general" },
  "enrolment.code-requested": { label: "Demande d'un code provisoire", group: "general" },
  "enrolment.opposed": { label: "Opposition à la création de Mon espace santé", group: "general" },
  "enrolment.space-created": { label: "Création de Mon espace santé à la fin du délai d'opposition", group: "general" },
  "enrolment.activated": { label: "Activation de Mon espace santé", group: "general" },
  "contact.email-changed": { label: "Modification de l'adresse e-mail", group: "general" },
  "contact.mobile-changed": { label: "Modification du numéro de mobile", group: "general" },
  "auth.login-code-sent": { label: "Envoi d'un code de connexion", group: "general" },
  "auth.login-succeeded": { label: "Connexion", group: "general" },
  "auth.password-refused": { label: "Échec de connexion : mot de passe incorrect", group: "general" },
  "auth.code-refused": { label: "Échec de connexion : code de connexion incorrect", group: "general" },
  "auth.logged-out": { label: "Déconnexion", group: "general" },
  "auth.session-expired": { label: "Déconnexion automatique après une période d'inactivité", group: "general" },
  "auth.sessions-revoked": { label: "Déconnexion de tous les appareils", group: "general" },
  "auth.reset-code-sent": { label: "Envoi d'un code pour réinitialiser le mot de passe", group: "general" },
  "auth.password-reset": { label: "Réinitialisation du mot de passe", group: "general" },
  "questionnaire.answered": { label: "Réponse au questionnaire de première connexion", group: "general" },
  "questionnaire.skipped": { label: "Question passée dans le questionnaire de première connexion", group: "general" },
  "medical-profile.measurement-added": { label: "Ajout d'une mesure au profil médical", group: "health_documents" },
  "medical-profile.measurement-deleted": { label: "Suppression d'une mesure du profil médical", group: "health_documents" },
  "medical-profile.measurement-target-set": { label: "Choix d'un objectif pour une mesure", group: "health_documents" },
  "medical-profile.measurement-target-removed": { label: "Suppression de l'objectif d'une mesure", group: "health_documents" },
  "medical-profile.item-added": { label: "Ajout d'une information au profil médical", group: "health_documents" },
  "medical-profile.item-changed": { label: "Modification d'une information du profil médical", group: "health_documents" },
  "medical-profile.item-deleted": { label: "Suppression d'une information du profil médical", group: "health_documents" },
  "medical-profile.not-concerned": { label: "Déclaration « Je ne suis pas concerné » dans le profil médical", group: "health_documents" },
  "medical-profile.item-masked": { label: "Masquage d'une information du profil médical aux professionnels", group: "health_documents" },
  "medical-profile.item-unmasked": { label: "Information du profil médical rendue visible aux professionnels", group: "health_documents" },
  "medical-profile.blood-group-changed": { label: "Modification du groupe sanguin", group: "health_documents" },
  "medical-profile.organ-donation-changed": { label: "Modification de l'information sur le don d'organes", group: "health_documents" },
  "medical-profile.lifestyle-changed": { label: "Modification des habitudes de vie", group: "health_documents" },
  "medical-profile.synthesis-downloaded": { label: "Téléchargement d'une synthèse du profil médical", group: "health_documents" },
  "advance-directives.written": { label: "Rédaction en ligne des directives anticipées", group: "health_documents" },
  "advance-directives.uploaded": { label: "Dépôt d'un fichier de directives anticipées", group: "health_documents" },
  "agenda.appointment-added": { label: "Ajout d'un rendez-vous à l'agenda", group: "general" },
  "agenda.appointment-changed": { label: "Modification d'un rendez-vous de l'agenda", group: "general" },
  "agenda.appointment-deleted": { label: "Suppression d'un rendez-vous de l'agenda", group: "general" },
  "agenda.appointment-status-changed": { label: "Modification du statut d'un rendez-vous de l'agenda", group: "general" },
  "agenda.reminder-added": { label: "Ajout d'un rappel à l'agenda", group: "general" },
  "agenda.reminder-deleted": { label: "Suppression d'un rappel de l'agenda", group: "general" },
  "agenda.preventive-status-changed": { label: "Mise à jour du calendrier de prévention", group: "general" },
  "agenda.calendar-feed-renewed": { label: "Création d'une nouvelle adresse d'abonnement à l'agenda", group: "general" },
  "documents.added": { label: "Ajout d'un document", group: "health_documents" },
  "documents.opened": { label: "Consultation d'un document", group: "health_documents" },
  "documents.downloaded": { label: "Téléchargement d'un document", group: "health_documents" },
  "documents.hidden": { label: "Document masqué aux professionnels de santé", group: "health_documents" },
  "documents.shown": { label: "Document rendu visible aux professionnels de santé", group: "health_documents" },
  "documents.all-hidden": { label: "Tous les documents masqués aux professionnels de santé", group: "health_documents" },
  "documents.all-shown": { label: "Tous les documents rendus visibles aux professionnels de santé", group: "health_documents" },
  "documents.default-visibility-changed": {
    label: "Modification de la visibilité par défaut des nouveaux documents",
    group: "health_documents",
  },
  "documents.pinned": { label: "Document épinglé", group: "health_documents" },
  "documents.unpinned": { label: "Document désépinglé", group: "health_documents" },
  "documents.reported": { label: "Signalement d'un problème sur un document", group: "health_documents" },
  "documents.details-changed": { label: "Modification du titre, de la date ou de la catégorie d'un document", group: "health_documents" },
  "documents.moved": { label: "Déplacement d'un document dans un dossier", group: "health_documents" },
  "documents.deleted": { label: "Suppression d'un document", group: "health_documents" },
  "documents.folder-created": { label: "Création d'un dossier de documents", group: "health_documents" },
  "documents.folder-renamed": { label: "Renommage d'un dossier de documents", group: "health_documents" },
  "documents.folder-deleted": { label: "Suppression d'un dossier de documents", group: "health_documents" },
  "messaging.message-read": { label: "Lecture d'un message de la messagerie", group: "general" },
  "notifications.read": { label: "Notification marquée comme lue", group: "general" },
  "notifications.unread": { label: "Notification marquée comme non lue", group: "general" },
  "notifications.deleted": { label: "Suppression d'une notification", group: "general" },
  "notifications.all-read": { label: "Toutes les notifications marquées comme lues", group: "general" },
  "notifications.preferences-changed": { label: "Modification des préférences de notification", group: "general" },
  // Both sides of the secure mailbox: the actor's name says whether the patient or the professional acted.
  "messaging.message-sent": { label: "Envoi d'un message de la messagerie", group: "general" },
  "messaging.conversation-closed": { label: "Clôture d'un échange de la messagerie par le professionnel de santé", group: "general" },
  "messaging.attachment-opened": { label: "Consultation d'une pièce jointe de la messagerie", group: "health_documents" },
  "messaging.attachment-downloaded": { label: "Téléchargement d'une pièce jointe de la messagerie", group: "health_documents" },
  "professional-access.blocked": { label: "Blocage de l'accès d'un professionnel de santé", group: "general" },
  "professional-access.unblocked": { label: "Déblocage de l'accès d'un professionnel de santé (son accord devra être redemandé)", group: "general" },
  "professional-access.administrator-named": { label: "Attribution du statut d'administrateur à un professionnel de santé", group: "general" },
  "professional-access.administrator-removed": { label: "Retrait du statut d'administrateur d'un professionnel de santé", group: "general" },
  "professional-access.emergency-settings-changed": { label: "Modification des accès en cas d'urgence", group: "general" },
  // What a professional does on the record (lib/professional-access): the actor's name says who and their profession.
  "professional-access.consent-recorded": { label: "Enregistrement de l'accord du patient par un professionnel de santé", group: "general" },
  "professional-access.emergency-opened": { label: "Ouverture d'un accès en urgence au dossier", group: "general" },
  // One view of the record (its documents list and profile sections included) is one event.
  "professional-access.record-opened": { label: "Consultation du dossier par un professionnel de santé", group: "health_documents" },
  "professional-access.documents-listed": { label: "Consultation de la liste des documents", group: "health_documents" },
  "professional-access.document-opened": { label: "Consultation d'un document par un professionnel de santé", group: "health_documents" },
  "professional-access.document-downloaded": { label: "Téléchargement d'un document par un professionnel de santé", group: "health_documents" },
  "professional-access.profile-read": {
    label: "Consultation des vaccinations et de « Entourage et volontés » par un professionnel de santé",
    group: "health_documents",
  },
  "reimbursements.received": { label: "Réception de soins et de remboursements de l'Assurance Maladie", group: "health_documents" },
  // A minor's secret care (lib/reimbursements/scope.ts): an event of its own, which legal representatives never read.
  "reimbursements.secret-care-received": {
    label: "Réception de soins confidentiels et de leurs remboursements de l'Assurance Maladie",
    group: "health_documents",
  },
  "reimbursements.section-masked": { label: "« Mon histoire de santé » masquée aux professionnels de santé", group: "health_documents" },
  "reimbursements.section-shown": { label: "« Mon histoire de santé » rendue visible aux professionnels de santé", group: "health_documents" },
  "professional-access.health-history-read": {
    label: "Consultation de « Mon histoire de santé » par un professionnel de santé",
    group: "health_documents",
  },
  // "Catalogue" (lib/connected-services): the patient's grants, and what a connected service does with them.
  "services.connected": { label: "Connexion d'un service tiers", group: "third_party_services" },
  "services.purposes-changed": { label: "Modification des finalités accordées à un service tiers", group: "third_party_services" },
  "services.reapproved": { label: "Nouvelle approbation des finalités d'un service tiers", group: "third_party_services" },
  "services.disconnected": { label: "Déconnexion d'un service tiers", group: "third_party_services" },
  "services.measurements-read": { label: "Lecture des mesures par un service tiers", group: "third_party_services" },
  "services.documents-read": { label: "Lecture de la liste des documents par un service tiers", group: "third_party_services" },
  "services.agenda-read": { label: "Lecture de l'agenda par un service tiers", group: "third_party_services" },
  "services.token-revoked": { label: "Abandon d'un jeton d'accès par un service tiers", group: "third_party_services" },
} as const satisfies Record<string, { label: string; group: ActivityGroup }>;

/**
 * Events a legal representative never reads in the history of the child they represent: they would
 * tell of a minor's secret care (Article L1111-5 of the public health code).
 */
export const ACTIONS_HIDDEN_FROM_LEGAL_REPRESENTATIVES: readonly ActivityAction[] = ["reimbursements.secret-care-received"];

export type ActivityAction = keyof typeof ACTIVITY_ACTIONS;

export const ACTIVITY_GROUP_LABELS: Record<ActivityGroup, string> = {
  general: "Général",
  third_party_services: "Services tiers",
  health_documents: "Documents de santé",
};

export const ACTIVITY_ACTOR_KIND_LABELS: Record<ActivityActorKind, string> = {
  patient: "Titulaire ou représentant",
  professional: "Professionnel de santé",
  service: "Service tiers",
  system: "Mon espace santé",
};

export const ACTIVITY_BASIS_LABELS: Record<ActivityBasis, string> = {
  self: "Pour son propre compte",
  legal_representative: "En tant que représentant légal",
  caregiver: "En tant qu'aidant",
  professional: "En tant que professionnel de santé",
};

/** The label of a stored code; a code this version does not know is shown as it is rather than hidden. */
export function activityLabel(action: string): string {
  return isActivityAction(action) ? ACTIVITY_ACTIONS[action].label : action;
}

export function isActivityAction(action: string): action is ActivityAction {
  return Object.hasOwn(ACTIVITY_ACTIONS, action);
}
