import type { appointmentStatusEnum, appointmentWithKindEnum } from "@/db/schema/agenda";

/**
 * The agenda forms' limits and choices, for the forms' client components as well as the schemas
 * (lib/agenda/schemas.ts). Without zod on purpose: a client bundle that builds a zod object
 * schema runs zod's probe for eval, which the pages' Content-Security-Policy reports as a violation.
 */

export const APPOINTMENT_TITLE_MAX_LENGTH = 100;
export const APPOINTMENT_WITH_MAX_LENGTH = 100;
export const APPOINTMENT_ADDRESS_MAX_LENGTH = 200;
export const AGENDA_NOTE_MAX_LENGTH = 1000;
export const REMINDER_TITLE_MAX_LENGTH = 100;

export type AppointmentWithKind = (typeof appointmentWithKindEnum.enumValues)[number];
export type AppointmentStatus = (typeof appointmentStatusEnum.enumValues)[number];

export const APPOINTMENT_WITH_KINDS: readonly { value: AppointmentWithKind; label: string }[] = [
  { value: "practitioner", label: "Un professionnel de santé" },
  { value: "establishment", label: "Un établissement de santé" },
];

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: "Confirmé",
  fulfilled: "Honoré",
  cancelled: "Annulé",
  noshow: "Non honoré",
};

export const APPOINTMENT_STATUSES = Object.keys(APPOINTMENT_STATUS_LABELS) as AppointmentStatus[];
