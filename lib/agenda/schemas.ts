import { z } from "zod";
import { PREVENTIVE_STATUSES, type PreventiveStatus } from "@/lib/agenda/preventive-calendar";
import { toParisCalendarDate } from "@/lib/format";
import { parisWallClockToInstant } from "@/lib/format";
import { parseTime } from "@/lib/medical-profile/measures-input";
import { fieldErrorsOf, isUuid, parseFrenchDate } from "@/lib/validation";
import type { FieldErrors } from "@/lib/form-state";

/**
 * What the agenda's forms accept (SPEC §6 Agenda, reference mes-data-model §4.1–4.3), with the
 * French message of each field. No server-only import: the forms read the limits too.
 */

import {
  AGENDA_NOTE_MAX_LENGTH,
  APPOINTMENT_ADDRESS_MAX_LENGTH,
  APPOINTMENT_STATUSES,
  APPOINTMENT_STATUS_LABELS,
  APPOINTMENT_TITLE_MAX_LENGTH,
  APPOINTMENT_WITH_KINDS,
  APPOINTMENT_WITH_MAX_LENGTH,
  REMINDER_TITLE_MAX_LENGTH,
  type AppointmentStatus,
  type AppointmentWithKind,
} from "./form-limits";

// Where the schemas' callers have always found them.
export {
  AGENDA_NOTE_MAX_LENGTH,
  APPOINTMENT_ADDRESS_MAX_LENGTH,
  APPOINTMENT_STATUSES,
  APPOINTMENT_STATUS_LABELS,
  APPOINTMENT_TITLE_MAX_LENGTH,
  APPOINTMENT_WITH_KINDS,
  APPOINTMENT_WITH_MAX_LENGTH,
  REMINDER_TITLE_MAX_LENGTH,
  type AppointmentStatus,
  type AppointmentWithKind,
};

/** Characters the real service refuses in a title (reference §4.1). */
const REFUSED_TITLE_CHARACTERS = /[@<>?:/€*#|%~+£$!§¤]/;
const REFUSED_CHARACTERS_MESSAGE = "Le titre ne peut pas contenir les caractères @ < > ? : / € * # | % ~ + £ $ ! § ¤.";

const MAX_FIELD_LENGTH = 2000;
const text = () => z.string().max(MAX_FIELD_LENGTH).optional();

export type ParseResult<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors };

function parsed<T>(result: { success: true; data: T } | { success: false; error: z.ZodError }): ParseResult<T> {
  return result.success ? { success: true, data: result.data } : { success: false, fieldErrors: fieldErrorsOf(result.error) };
}

/** An optional text: trimmed, empty read as none, at most `max` characters. */
function optionalText(raw: string | undefined, max: number, message: string, issue: (message: string) => void): string | null {
  const value = (raw ?? "").trim();
  if (value.length > max) issue(message);
  return value === "" ? null : value;
}

/** "Date" (JJ/MM/AAAA) and "Heure" (HH:MM), read on a clock in Paris. */
function readDateTime(raw: { date?: string; time?: string }, issue: (path: "date" | "time", message: string) => void): Date | null {
  const dateText = (raw.date ?? "").trim();
  const isoDate = dateText ? parseFrenchDate(dateText) : null;
  if (!dateText) issue("date", "Indiquez la date du rendez-vous.");
  else if (!isoDate) issue("date", "La date doit être une date réelle au format JJ/MM/AAAA.");
  const timeText = (raw.time ?? "").trim();
  const time = timeText ? parseTime(timeText) : null;
  if (!timeText) issue("time", "Indiquez l'heure du rendez-vous.");
  else if (!time) issue("time", "L'heure doit être au format HH:MM, par exemple 14:30.");
  return isoDate && time ? parisWallClockToInstant(isoDate, time[0], time[1]) : null;
}

function readTitle(raw: string | undefined, issue: (message: string) => void): string | null {
  const title = optionalText(raw, APPOINTMENT_TITLE_MAX_LENGTH, `Le titre ne peut pas dépasser ${APPOINTMENT_TITLE_MAX_LENGTH} caractères.`, issue);
  if (title && REFUSED_TITLE_CHARACTERS.test(title)) issue(REFUSED_CHARACTERS_MESSAGE);
  return title;
}

export type AppointmentInput = {
  title: string | null;
  withKind: AppointmentWithKind;
  withName: string;
  startsAt: Date;
  address: string | null;
  note: string | null;
};

/** The patient's « Ajouter un rendez-vous » and its change: any date, past ones too (an appointment noted afterwards). */
export const appointmentFormSchema = z
  .object({ title: text(), withKind: text(), withName: text(), date: text(), time: text(), address: text(), note: text() })
  .transform((raw, context): AppointmentInput => {
    const issueAt = (path: string) => (message: string) => context.addIssue({ code: "custom", path: [path], message });
    const title = readTitle(raw.title, issueAt("title"));
    const withKind = APPOINTMENT_WITH_KINDS.find((kind) => kind.value === raw.withKind)?.value;
    if (!withKind) issueAt("withKind")("Indiquez si le rendez-vous est avec un professionnel ou un établissement de santé.");
    const withName = (raw.withName ?? "").trim();
    if (!withName) issueAt("withName")("Indiquez avec qui est le rendez-vous.");
    else if (withName.length > APPOINTMENT_WITH_MAX_LENGTH) issueAt("withName")(`Ce nom ne peut pas dépasser ${APPOINTMENT_WITH_MAX_LENGTH} caractères.`);
    const startsAt = readDateTime(raw, (path, message) => issueAt(path)(message));
    const address = optionalText(raw.address, APPOINTMENT_ADDRESS_MAX_LENGTH, `L'adresse ne peut pas dépasser ${APPOINTMENT_ADDRESS_MAX_LENGTH} caractères.`, issueAt("address"));
    const note = optionalText(raw.note, AGENDA_NOTE_MAX_LENGTH, `La note ne peut pas dépasser ${AGENDA_NOTE_MAX_LENGTH} caractères.`, issueAt("note"));
    if (!withKind || !startsAt || context.issues.length > 0) return z.NEVER;
    return { title, withKind, withName, startsAt, address, note };
  });

export function parseAppointmentForm(values: Record<string, unknown>): ParseResult<AppointmentInput> {
  return parsed(appointmentFormSchema.safeParse(values));
}

export type ProfessionalAppointmentInput = { title: string | null; startsAt: Date; address: string | null; status: AppointmentStatus };

/** A professional's « Ajouter un rendez-vous » from /pro: with them, so no « Avec qui » and no personal note. */
export const professionalAppointmentFormSchema = z
  .object({ title: text(), date: text(), time: text(), address: text(), status: text() })
  .transform((raw, context): ProfessionalAppointmentInput => {
    const issueAt = (path: string) => (message: string) => context.addIssue({ code: "custom", path: [path], message });
    const title = readTitle(raw.title, issueAt("title"));
    const startsAt = readDateTime(raw, (path, message) => issueAt(path)(message));
    const address = optionalText(raw.address, APPOINTMENT_ADDRESS_MAX_LENGTH, `L'adresse ne peut pas dépasser ${APPOINTMENT_ADDRESS_MAX_LENGTH} caractères.`, issueAt("address"));
    const status = APPOINTMENT_STATUSES.find((candidate) => candidate === raw.status);
    if (!status) issueAt("status")("Choisissez le statut du rendez-vous.");
    if (!startsAt || !status || context.issues.length > 0) return z.NEVER;
    return { title, startsAt, address, status };
  });

export function parseProfessionalAppointmentForm(values: Record<string, unknown>): ParseResult<ProfessionalAppointmentInput> {
  return parsed(professionalAppointmentFormSchema.safeParse(values));
}

export type AppointmentStatusInput = { id: string; status: AppointmentStatus };

/**
 * A professional's « Enregistrer le statut » on an appointment they added, from /pro: which one
 * (an id; anything else is simply not found) and its new status.
 */
export const appointmentStatusFormSchema = z.object({
  id: z.uuid({ error: "not-found" }),
  status: z.enum(APPOINTMENT_STATUSES as [AppointmentStatus, ...AppointmentStatus[]], { error: "Choisissez le statut du rendez-vous." }),
});

export function parseAppointmentStatusForm(values: Record<string, unknown>): ParseResult<AppointmentStatusInput> {
  return parsed(appointmentStatusFormSchema.safeParse(values));
}

export type ReminderInput = { title: string; remindOn: string; note: string | null };

/** « Ajouter un rappel »: a title, a day after today (in Paris), an optional note. */
export function reminderFormSchema(now: Date) {
  return z.object({ title: text(), date: text(), note: text() }).transform((raw, context): ReminderInput => {
    const issueAt = (path: string) => (message: string) => context.addIssue({ code: "custom", path: [path], message });
    const title = (raw.title ?? "").trim();
    if (!title) issueAt("title")("Indiquez le titre du rappel.");
    else if (title.length > REMINDER_TITLE_MAX_LENGTH) issueAt("title")(`Le titre ne peut pas dépasser ${REMINDER_TITLE_MAX_LENGTH} caractères.`);
    const dateText = (raw.date ?? "").trim();
    const remindOn = dateText ? parseFrenchDate(dateText) : null;
    if (!dateText) issueAt("date")("Indiquez la date du rappel.");
    else if (!remindOn) issueAt("date")("La date doit être une date réelle au format JJ/MM/AAAA.");
    else if (remindOn <= toParisCalendarDate(now)) issueAt("date")("La date du rappel doit être dans le futur.");
    const note = optionalText(raw.note, AGENDA_NOTE_MAX_LENGTH, `La note ne peut pas dépasser ${AGENDA_NOTE_MAX_LENGTH} caractères.`, issueAt("note"));
    if (!remindOn || context.issues.length > 0) return z.NEVER;
    return { title, remindOn, note };
  });
}

export function parseReminderForm(values: Record<string, unknown>, now: Date): ParseResult<ReminderInput> {
  return parsed(reminderFormSchema(now).safeParse(values));
}

export type PreventiveStatusInput = { itemCode: string; status: PreventiveStatus; doneOn: string | null; addToVaccinations: boolean };

/** One item's status on the preventive calendar; « Réalisé » may say when (not later than today). */
export function preventiveStatusFormSchema(now: Date) {
  return z
    .object({ itemCode: z.string().max(100).optional(), status: text(), doneOn: text(), addToVaccinations: text() })
    .transform((raw, context): PreventiveStatusInput => {
      const issueAt = (path: string) => (message: string) => context.addIssue({ code: "custom", path: [path], message });
      const itemCode = raw.itemCode ?? "";
      const status = PREVENTIVE_STATUSES.find((candidate) => candidate === raw.status);
      if (!status) issueAt("status")("Choisissez un statut.");
      const doneText = (raw.doneOn ?? "").trim();
      let doneOn: string | null = null;
      if (doneText) {
        doneOn = parseFrenchDate(doneText);
        if (!doneOn) issueAt("doneOn")("La date doit être une date réelle au format JJ/MM/AAAA.");
        else if (doneOn > toParisCalendarDate(now)) issueAt("doneOn")("La date de réalisation ne peut pas être dans le futur.");
        else if (status !== "done") issueAt("doneOn")("Une date de réalisation ne se donne qu'avec le statut « Réalisé ».");
      }
      const addToVaccinations = raw.addToVaccinations === "oui";
      if (addToVaccinations && status !== "done") issueAt("addToVaccinations")("Seule une vaccination réalisée peut être ajoutée à vos vaccinations.");
      if (!status || context.issues.length > 0) return z.NEVER;
      return { itemCode, status, doneOn, addToVaccinations };
    });
}

export function parsePreventiveStatusForm(values: Record<string, unknown>, now: Date): ParseResult<PreventiveStatusInput> {
  return parsed(preventiveStatusFormSchema(now).safeParse(values));
}

/** An id from a form or an address: anything but a uuid is "not found". */
export const agendaIdSchema = z.object({ id: z.string().refine(isUuid) });
