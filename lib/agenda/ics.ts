import ICAL from "ical.js";
import { type Appointment, appointmentHeadline } from "./appointments";
import type { Reminder } from "./reminders";
import { APPOINTMENT_STATUS_LABELS } from "./schemas";

/**
 * The agenda as iCalendar (RFC 5545), written with ical.js (which the tests also read it back
 * with): "Exporter mon agenda (.ics)", one appointment's export, and the subscription address.
 * Instants are written in UTC (a calendar shows them in its own zone); a reminder is a whole day.
 * No duration is known for an appointment: it is shown as one hour.
 */

const PRODUCT_ID = "-//Mon espace santé//Agenda//FR";
const APPOINTMENT_LENGTH_MS = 60 * 60 * 1000;

/** A stable UID per row, so that a subscribed calendar updates an event instead of adding a copy. */
function uidOf(kind: "appointment" | "reminder", id: string): string {
  return `${kind}-${id}@monespacesante`;
}

function appointmentEvent(appointment: Appointment, now: Date): ICAL.Component {
  const component = new ICAL.Component("vevent");
  const event = new ICAL.Event(component);
  event.uid = uidOf("appointment", appointment.id);
  event.summary = appointmentHeadline(appointment);
  event.startDate = ICAL.Time.fromJSDate(appointment.startsAt, true);
  event.endDate = ICAL.Time.fromJSDate(new Date(appointment.startsAt.getTime() + APPOINTMENT_LENGTH_MS), true);
  if (appointment.address) event.location = appointment.address;
  const lines = [`Avec ${appointment.withName}`];
  if (appointment.status) lines.push(`Statut : ${APPOINTMENT_STATUS_LABELS[appointment.status]}`);
  if (appointment.note) lines.push(appointment.note);
  event.description = lines.join("\n");
  component.addPropertyWithValue("dtstamp", ICAL.Time.fromJSDate(now, true));
  if (appointment.status === "cancelled") component.addPropertyWithValue("status", "CANCELLED");
  else if (appointment.status === "booked") component.addPropertyWithValue("status", "CONFIRMED");
  return component;
}

function reminderEvent(reminder: Reminder, now: Date): ICAL.Component {
  const component = new ICAL.Component("vevent");
  const event = new ICAL.Event(component);
  event.uid = uidOf("reminder", reminder.id);
  event.summary = `Rappel : ${reminder.title}`;
  const day = ICAL.Time.fromDateString(reminder.remindOn);
  event.startDate = day;
  const next = day.clone();
  next.adjust(1, 0, 0, 0);
  event.endDate = next;
  if (reminder.note) event.description = reminder.note;
  component.addPropertyWithValue("dtstamp", ICAL.Time.fromJSDate(now, true));
  return component;
}

/** One calendar holding these appointments and reminders. */
export function buildAgendaCalendar({ appointments, reminders, name, now }: { appointments: Appointment[]; reminders: Reminder[]; name: string; now: Date }): string {
  const calendar = new ICAL.Component(["vcalendar", [], []]);
  calendar.updatePropertyWithValue("prodid", PRODUCT_ID);
  calendar.updatePropertyWithValue("version", "2.0");
  calendar.updatePropertyWithValue("calscale", "GREGORIAN");
  calendar.updatePropertyWithValue("x-wr-calname", name);
  for (const appointment of appointments) calendar.addSubcomponent(appointmentEvent(appointment, now));
  for (const reminder of reminders) calendar.addSubcomponent(reminderEvent(reminder, now));
  return calendar.toString();
}

/** The answer's headers for a calendar file; `attachment` for a download, inline for a subscription. */
export function calendarHeaders(fileName: string | null): HeadersInit {
  return {
    "Content-Type": "text/calendar; charset=utf-8",
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    ...(fileName ? { "Content-Disposition": `attachment; filename="${fileName}"` } : {}),
  };
}
