/** The agenda's pages (app/(espace)/(frame)/agenda) and downloads. */
export const AGENDA_PATH = "/agenda";
export const ADD_APPOINTMENT_PATH = "/agenda/rendez-vous/ajouter";
export const ADD_REMINDER_PATH = "/agenda/rappels/ajouter";
export const PREVENTION_PATH = "/agenda/prevention";
/** The whole agenda as one .ics file (a route handler). */
export const AGENDA_EXPORT_PATH = "/agenda/exporter";

export function appointmentPath(id: string): string {
  return `/agenda/rendez-vous/${id}`;
}

export function appointmentExportPath(id: string): string {
  return `${appointmentPath(id)}/exporter`;
}

export function reminderPath(id: string): string {
  return `/agenda/rappels/${id}`;
}

/**
 * The private subscription address: outside the space's prefixes (a phone's calendar has no
 * session), the token alone opens it (lib/agenda/feeds.ts).
 */
export const CALENDAR_FEED_PREFIX = "/calendrier";

export function calendarFeedPath(token: string): string {
  return `${CALENDAR_FEED_PREFIX}/${token}`;
}

/** The professional's form on a patient's record. */
export function proAddAppointmentPath(personId: string): string {
  return `/pro/patients/${personId}/ajouter-rendez-vous`;
}

export const PRO_APPOINTMENT_ADDED_STATUS = "rendez-vous-ajoute";

/** After « Enregistrer le statut » on one of the professional's appointments. */
export const PRO_APPOINTMENT_STATUS_CHANGED_STATUS = "statut-rendez-vous-modifie";
