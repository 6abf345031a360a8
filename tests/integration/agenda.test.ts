import { and, asc, eq, like } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  activityEvents,
  agendaReminders,
  appointments,
  emailPreferences,
  insuredPersons,
  notifications,
  outgoingMessages,
  professionalAccesses,
  profileItems,
} from "@/db/schema";
import {
  addProfessionalAppointment,
  changeAppointmentStatus,
  deleteAppointment,
  findAppointmentsAddedBy,
  findUpcomingAppointments,
  saveAppointment,
} from "@/lib/agenda/appointments";
import { seedDemoAgenda } from "@/lib/agenda/demo-agenda";
import { exportAgenda, readCalendarFeed, renewCalendarFeed } from "@/lib/agenda/feeds";
import { findPreventiveCalendar, setPreventiveStatus } from "@/lib/agenda/preventive";
import { addReminder, TOO_MANY_REMINDERS_MESSAGE } from "@/lib/agenda/reminders";
import { runAgendaReminderJob } from "@/lib/agenda/reminder-job";
import { seedDemoProfessionals } from "@/lib/professionals/demo-accounts";
import { buildDemoRegisterCsv, DEMO_ACTIVE_NIR } from "@/lib/register/demo-register";
import { importRegister } from "@/lib/register/import";
import { createProfessional, createSignedInPerson } from "@/tests/support/factories";

/** Noon in Paris on 2 December 2026: the tests' clock. */
const NOW = new Date("2026-12-02T11:00:00Z");
const DAY_MS = 86_400_000;

type SignedIn = Awaited<ReturnType<typeof createSignedInPerson>>;

async function addOwnAppointment(person: SignedIn, values: Record<string, string> = {}) {
  const result = await saveAppointment({
    actor: person.actor,
    id: null,
    values: { title: "Contrôle annuel", withKind: "practitioner", withName: "Dr Martin", date: "03/12/2026", time: "14:30", ...values },
    now: NOW,
  });
  if (result.status !== "saved") throw new Error(`not saved: ${JSON.stringify(result)}`);
  return result.id;
}

async function authorisedDoctor(personId: string) {
  const created = await createProfessional({ professionCode: "10" });
  await getDb().insert(professionalAccesses).values({ personId, professionalId: created.professional.id, status: "authorised", statusSince: NOW });
  return created.actor;
}

async function agendaEventsOf(personId: string) {
  const rows = await getDb()
    .select({ action: activityEvents.action, actorKind: activityEvents.actorKind, targetId: activityEvents.targetId })
    .from(activityEvents)
    .where(and(eq(activityEvents.subjectPersonId, personId), like(activityEvents.action, "agenda.%")))
    .orderBy(asc(activityEvents.sequence));
  return rows;
}

describe("appointments", () => {
  it("the patient adds, changes and deletes their own appointment, each with its event", async () => {
    const person = await createSignedInPerson();
    const id = await addOwnAppointment(person, { address: "12 rue de la Paix, Lyon", note: "Apporter les résultats" });
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, id));
    expect(row).toMatchObject({ title: "Contrôle annuel", withName: "Dr Martin", startsAt: new Date("2026-12-03T13:30:00Z"), authorKind: "patient", status: null });

    const changed = await saveAppointment({ actor: person.actor, id, values: { withKind: "establishment", withName: "Hôpital Édouard-Herriot", date: "04/12/2026", time: "09:00" }, now: NOW });
    expect(changed).toEqual({ status: "saved", id });
    expect(await deleteAppointment({ actor: person.actor, id, now: NOW })).toEqual({ status: "deleted" });
    expect((await agendaEventsOf(person.id)).map((event) => event.action)).toEqual(["agenda.appointment-added", "agenda.appointment-changed", "agenda.appointment-deleted"]);
  });

  it("refuses a title over 100 characters or with refused characters, a missing « Avec qui », and writes nothing", async () => {
    const person = await createSignedInPerson();
    const result = await saveAppointment({
      actor: person.actor,
      id: null,
      values: { title: "x".repeat(101), withKind: "practitioner", withName: "", date: "31/02/2026", time: "25:00", note: "n".repeat(1001) },
      now: NOW,
    });
    expect(result.status).toBe("invalid");
    expect(Object.keys(result.status === "invalid" ? result.fieldErrors : {}).sort()).toEqual(["date", "note", "time", "title", "withName"]);
    const refused = await saveAppointment({ actor: person.actor, id: null, values: { title: "RDV @ 14h", withKind: "practitioner", withName: "Dr Martin", date: "03/12/2026", time: "14:30" }, now: NOW });
    expect(refused.status).toBe("invalid");
    expect(await getDb().select().from(appointments).where(eq(appointments.personId, person.id))).toEqual([]);
  });

  it("a professional's appointment is read-only for the patient; someone else's is not found", async () => {
    const patient = await createSignedInPerson();
    const doctor = await authorisedDoctor(patient.id);
    const added = await addProfessionalAppointment({ actor: doctor, personId: patient.id, values: { title: "Consultation de suivi", date: "10/12/2026", time: "10:00", status: "booked" }, now: NOW });
    if (added.status !== "added") throw new Error(JSON.stringify(added));
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, added.id));
    expect(row).toMatchObject({ authorKind: "professional", authorProfessionalId: doctor.professional.id, status: "booked", withName: doctor.professional.fullName });

    const values = { withKind: "practitioner", withName: "Moi", date: "10/12/2026", time: "11:00" };
    expect(await saveAppointment({ actor: patient.actor, id: added.id, values, now: NOW })).toEqual({ status: "read-only" });
    expect(await deleteAppointment({ actor: patient.actor, id: added.id, now: NOW })).toEqual({ status: "read-only" });
    const stranger = await createSignedInPerson();
    expect(await deleteAppointment({ actor: stranger.actor, id: added.id, now: NOW })).toEqual({ status: "not-found" });
    expect((await getDb().select().from(appointments).where(eq(appointments.id, added.id))).length).toBe(1);

    const events = await agendaEventsOf(patient.id);
    expect(events).toEqual([{ action: "agenda.appointment-added", actorKind: "professional", targetId: added.id }]);
    expect((await findUpcomingAppointments({ actor: patient.actor, now: NOW })).map((appointment) => appointment.status)).toEqual(["booked"]);
  });

  it("a professional without the patient's consent, or blocked, cannot add one: the patient is not found", async () => {
    const patient = await createSignedInPerson();
    const { actor: stranger } = await createProfessional();
    const values = { date: "10/12/2026", time: "10:00", status: "booked" };
    expect(await addProfessionalAppointment({ actor: stranger, personId: patient.id, values, now: NOW })).toEqual({ status: "not-found" });
    const { actor: blocked, professional } = await createProfessional();
    await getDb().insert(professionalAccesses).values({ personId: patient.id, professionalId: professional.id, status: "blocked", statusSince: NOW });
    expect(await addProfessionalAppointment({ actor: blocked, personId: patient.id, values, now: NOW })).toEqual({ status: "not-found" });
    expect(await getDb().select().from(appointments).where(eq(appointments.personId, patient.id))).toEqual([]);
  });
});

describe("an appointment's status, from /pro", () => {
  async function addedBy(doctor: Awaited<ReturnType<typeof authorisedDoctor>>, personId: string) {
    const added = await addProfessionalAppointment({ actor: doctor, personId, values: { title: "Consultation de suivi", date: "10/12/2026", time: "10:00", status: "booked" }, now: NOW });
    if (added.status !== "added") throw new Error(JSON.stringify(added));
    return added.id;
  }

  async function statusOf(id: string) {
    const [row] = await getDb().select({ status: appointments.status }).from(appointments).where(eq(appointments.id, id));
    return row?.status;
  }

  it("the professional who added it changes it, with its event; a forged status is refused and writes nothing", async () => {
    const patient = await createSignedInPerson();
    const doctor = await authorisedDoctor(patient.id);
    const id = await addedBy(doctor, patient.id);
    expect(await changeAppointmentStatus({ actor: doctor, personId: patient.id, values: { id, status: "fulfilled" }, now: NOW })).toEqual({ status: "changed", id });
    expect(await statusOf(id)).toBe("fulfilled");
    const refused = await changeAppointmentStatus({ actor: doctor, personId: patient.id, values: { id, status: "done" }, now: NOW });
    expect(refused.status).toBe("invalid");
    expect(Object.keys(refused.status === "invalid" ? refused.fieldErrors : {})).toEqual(["status"]);
    expect(await changeAppointmentStatus({ actor: doctor, personId: patient.id, values: { id: "not-an-id", status: "cancelled" }, now: NOW })).toEqual({ status: "not-found" });
    expect(await statusOf(id)).toBe("fulfilled");
    expect(await agendaEventsOf(patient.id)).toEqual([
      { action: "agenda.appointment-added", actorKind: "professional", targetId: id },
      { action: "agenda.appointment-status-changed", actorKind: "professional", targetId: id },
    ]);
    expect((await findAppointmentsAddedBy({ actor: doctor, personId: patient.id, now: NOW })).map((appointment) => [appointment.id, appointment.status])).toEqual([[id, "fulfilled"]]);
  });

  it("anyone else finds nothing: another professional, even the patient's administrator, the author after consent ends, another patient's or the patient's own appointment", async () => {
    const patient = await createSignedInPerson();
    const doctor = await authorisedDoctor(patient.id);
    const id = await addedBy(doctor, patient.id);
    const colleague = await authorisedDoctor(patient.id);
    const { actor: administrator, professional: administratorRow } = await createProfessional();
    await getDb().insert(professionalAccesses).values({ personId: patient.id, professionalId: administratorRow.id, status: "authorised", isAdministrator: true, statusSince: NOW });
    const { actor: stranger } = await createProfessional();
    for (const actor of [colleague, administrator, stranger]) {
      expect(await changeAppointmentStatus({ actor, personId: patient.id, values: { id, status: "cancelled" }, now: NOW })).toEqual({ status: "not-found" });
      expect(await findAppointmentsAddedBy({ actor, personId: patient.id, now: NOW })).toEqual([]);
    }

    // Through another patient the doctor may reach, the appointment is not theirs to name.
    const otherPatient = await createSignedInPerson();
    await getDb().insert(professionalAccesses).values({ personId: otherPatient.id, professionalId: doctor.professional.id, status: "authorised", statusSince: NOW });
    expect(await changeAppointmentStatus({ actor: doctor, personId: otherPatient.id, values: { id, status: "cancelled" }, now: NOW })).toEqual({ status: "not-found" });
    // The patient's own appointment has no status a professional sets.
    const ownId = await addOwnAppointment(patient);
    expect(await changeAppointmentStatus({ actor: doctor, personId: patient.id, values: { id: ownId, status: "cancelled" }, now: NOW })).toEqual({ status: "not-found" });

    // Once the patient withdraws their consent (or blocks them), the author cannot change it any more.
    await getDb()
      .update(professionalAccesses)
      .set({ status: "withdrawn" })
      .where(and(eq(professionalAccesses.personId, patient.id), eq(professionalAccesses.professionalId, doctor.professional.id)));
    expect(await changeAppointmentStatus({ actor: doctor, personId: patient.id, values: { id, status: "cancelled" }, now: NOW })).toEqual({ status: "not-found" });
    expect(await findAppointmentsAddedBy({ actor: doctor, personId: patient.id, now: NOW })).toEqual([]);

    expect(await statusOf(id)).toBe("booked");
    expect((await agendaEventsOf(patient.id)).map((event) => event.action)).toEqual(["agenda.appointment-added", "agenda.appointment-added"]);
  });
});

describe("reminders", () => {
  it("takes at most 10 reminders on one day, even when added at once, and only in the future", async () => {
    const person = await createSignedInPerson();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) => addReminder({ actor: person.actor, values: { title: `Rappel ${index + 1}`, date: "10/12/2026" }, now: NOW })),
    );
    expect(results.filter((result) => result.status === "added")).toHaveLength(10);
    for (const refused of results.filter((result) => result.status !== "added")) {
      expect(refused).toEqual({ status: "invalid", fieldErrors: { date: [TOO_MANY_REMINDERS_MESSAGE] } });
    }
    const stored = await getDb().select({ slot: agendaReminders.slot }).from(agendaReminders).where(eq(agendaReminders.personId, person.id));
    expect(stored.map((row) => row.slot).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Another day is free.
    expect((await addReminder({ actor: person.actor, values: { title: "Autre jour", date: "11/12/2026" }, now: NOW })).status).toBe("added");
    // Today is not in the future.
    expect(await addReminder({ actor: person.actor, values: { title: "Aujourd'hui", date: "02/12/2026" }, now: NOW })).toEqual({
      status: "invalid",
      fieldErrors: { date: ["La date du rappel doit être dans le futur."] },
    });
  });

  it("the database itself refuses an eleventh slot", async () => {
    const person = await createSignedInPerson();
    await expect(getDb().insert(agendaReminders).values({ personId: person.id, title: "Forcé", remindOn: "2026-12-10", slot: 11 })).rejects.toThrow();
  });
});

describe("the reminder job", () => {
  it("sends one e-mail per appointment, reminder and due preventive item, however often it runs", async () => {
    const person = await createSignedInPerson();
    await addOwnAppointment(person, { date: "03/12/2026", time: "09:15" });
    await addOwnAppointment(person, { date: "05/12/2026", time: "09:15" }); // not tomorrow
    await addReminder({ actor: person.actor, values: { title: "Renouveler l'ordonnance", date: "03/12/2026" }, now: NOW });
    const child = await createSignedInPerson();
    // Two months old today: the 2-month vaccinations and examination are due.
    await getDb().update(insuredPersons).set({ birthDate: "2026-10-02" }).where(eq(insuredPersons.id, child.id));

    const first = await runAgendaReminderJob({ now: NOW });
    const second = await runAgendaReminderJob({ now: new Date(NOW.getTime() + 3_600_000) });
    expect(first.appointments).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ appointments: 0, reminders: 0, preventiveItems: 0 });

    const mails = await getDb().select().from(outgoingMessages).where(eq(outgoingMessages.recipient, person.email ?? ""));
    expect(mails.map((mail) => mail.subject).sort()).toEqual(["Vous avez un rappel demain", "Vous avez un rendez-vous demain"]);
    for (const mail of mails) {
      expect(mail.textBody).not.toContain("Dr Martin");
      expect(mail.textBody).not.toContain("ordonnance");
    }
    const childMails = await getDb().select().from(outgoingMessages).where(eq(outgoingMessages.recipient, child.email ?? ""));
    const childNotices = await getDb().select().from(notifications).where(eq(notifications.personId, child.id));
    // DTCaP-Hib-HepB, pneumococcus, rotavirus and the 2-month examination, each once.
    expect(childNotices.length).toBe(4);
    expect(childMails.length).toBe(childNotices.length);
    expect(new Set(childNotices.map((notice) => notice.dedupeKey)).size).toBe(childNotices.length);
  });

  it("the preventive e-mail honours the « prevention » switch; the centre still shows it", async () => {
    const child = await createSignedInPerson();
    await getDb().update(insuredPersons).set({ birthDate: "2026-11-02" }).where(eq(insuredPersons.id, child.id));
    await getDb().insert(emailPreferences).values({ personId: child.id, prevention: false });
    await runAgendaReminderJob({ now: NOW });
    expect((await getDb().select().from(notifications).where(eq(notifications.personId, child.id))).map((notice) => notice.kind)).toEqual(["preventive_item_due"]);
    expect(await getDb().select().from(outgoingMessages).where(eq(outgoingMessages.recipient, child.email ?? ""))).toEqual([]);
  });

  it("a cancelled professional appointment is not reminded", async () => {
    const patient = await createSignedInPerson();
    const doctor = await authorisedDoctor(patient.id);
    await addProfessionalAppointment({ actor: doctor, personId: patient.id, values: { date: "03/12/2026", time: "10:00", status: "cancelled" }, now: NOW });
    await runAgendaReminderJob({ now: NOW });
    expect(await getDb().select().from(notifications).where(eq(notifications.personId, patient.id))).toEqual([]);
  });
});

describe("preventive calendar", () => {
  it("lists the items due at the person's age with their status, and marking a vaccination done can add it to Vaccinations", async () => {
    const child = await createSignedInPerson();
    await getDb().update(insuredPersons).set({ birthDate: "2026-01-15" }).where(eq(insuredPersons.id, child.id));
    const calendar = await findPreventiveCalendar({ actor: child.actor, now: NOW });
    expect(calendar.filter((item) => item.kind === "child-exam")).toHaveLength(20);
    const twoMonths = calendar.find((item) => item.code === "vaccination-dtcap-hib-hepb-1");
    expect(twoMonths).toMatchObject({ dueOn: "2026-03-15", status: "not_specified", isStatusGiven: false });
    expect(calendar.find((item) => item.code === "vaccination-mmr-1")).toMatchObject({ dueOn: "2027-01-15", status: "to_plan" });

    const saved = await setPreventiveStatus({
      actor: child.actor,
      values: { itemCode: "vaccination-dtcap-hib-hepb-1", status: "done", doneOn: "16/03/2026", addToVaccinations: "oui" },
      now: NOW,
    });
    expect(saved.status).toBe("saved");
    const [vaccination] = await getDb().select().from(profileItems).where(and(eq(profileItems.personId, child.id), eq(profileItems.section, "vaccination")));
    expect(vaccination).toMatchObject({ startYear: 2026, startMonth: 3, startDay: 16, authorKind: "patient" });
    const after = await findPreventiveCalendar({ actor: child.actor, now: NOW });
    expect(after.find((item) => item.code === "vaccination-dtcap-hib-hepb-1")).toMatchObject({ status: "done", doneOn: "2026-03-16", isStatusGiven: true });

    expect(await setPreventiveStatus({ actor: child.actor, values: { itemCode: "child-exam-1-month", status: "done", doneOn: "01/01/2027" }, now: NOW })).toMatchObject({ status: "invalid" });
    expect(await setPreventiveStatus({ actor: child.actor, values: { itemCode: "inconnu", status: "done" }, now: NOW })).toEqual({ status: "not-found" });
  });
});

describe("iCalendar", () => {
  it("exports the agenda as .ics that ical.js reads back: each appointment and reminder, at its instant", async () => {
    const person = await createSignedInPerson();
    const id = await addOwnAppointment(person, { address: "12 rue de la Paix, Lyon" });
    await addReminder({ actor: person.actor, values: { title: "Prendre rendez-vous chez le dentiste", date: "15/12/2026" }, now: NOW });

    const calendar = new ICAL.Component(ICAL.parse(await exportAgenda({ actor: person.actor, now: NOW })));
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(2);
    const appointment = events.find((event) => event.uid === `appointment-${id}@monespacesante`);
    expect(appointment?.summary).toBe("Contrôle annuel");
    expect(appointment?.location).toBe("12 rue de la Paix, Lyon");
    expect(appointment?.startDate.toJSDate().toISOString()).toBe("2026-12-03T13:30:00.000Z");
    const reminder = events.find((event) => event.summary === "Rappel : Prendre rendez-vous chez le dentiste");
    expect(reminder?.startDate.isDate).toBe(true);
    expect(reminder?.startDate.toString()).toBe("2026-12-15");
  });

  it("the subscription address follows the agenda; renewing it ends the old one", async () => {
    const person = await createSignedInPerson();
    await addOwnAppointment(person);
    const { token: first } = await renewCalendarFeed({ actor: person.actor, now: NOW });
    const feed = await readCalendarFeed({ token: `${first}.ics`, now: NOW });
    expect(feed).not.toBeNull();
    expect(new ICAL.Component(ICAL.parse(feed!)).getAllSubcomponents("vevent")).toHaveLength(1);

    const { token: second } = await renewCalendarFeed({ actor: person.actor, now: new Date(NOW.getTime() + DAY_MS) });
    expect(second).not.toBe(first);
    expect(await readCalendarFeed({ token: first, now: NOW })).toBeNull();
    expect(await readCalendarFeed({ token: second, now: NOW })).not.toBeNull();
    expect(await readCalendarFeed({ token: "pas-un-jeton", now: NOW })).toBeNull();
    expect((await agendaEventsOf(person.id)).filter((event) => event.action === "agenda.calendar-feed-renewed")).toHaveLength(2);
  });
});

describe("the demo seed", () => {
  it("gives the demo patient two appointments ahead (one the demo doctor's, « Confirmé ») and a reminder, once however often it runs", async () => {
    await importRegister(buildDemoRegisterCsv());
    await seedDemoProfessionals();
    await seedDemoAgenda(NOW);
    expect(await seedDemoAgenda(NOW)).toEqual({ added: 0, alreadyPresent: 3 });
    const [person] = await getDb().select({ id: insuredPersons.id }).from(insuredPersons).where(eq(insuredPersons.nir, DEMO_ACTIVE_NIR));
    const upcoming = await getDb()
      .select({ authorKind: appointments.authorKind, status: appointments.status, withName: appointments.withName, startsAt: appointments.startsAt })
      .from(appointments)
      .where(eq(appointments.personId, person!.id))
      .orderBy(asc(appointments.startsAt));
    expect(upcoming.map(({ authorKind, status, withName }) => ({ authorKind, status, withName }))).toEqual([
      { authorKind: "patient", status: null, withName: "Cabinet de kinésithérapie des Lilas" },
      { authorKind: "professional", status: "booked", withName: "Dr Anne Leroy" },
    ]);
    expect(upcoming.every((appointment) => appointment.startsAt > NOW)).toBe(true);
    const reminders = await getDb().select({ remindOn: agendaReminders.remindOn }).from(agendaReminders).where(eq(agendaReminders.personId, person!.id));
    expect(reminders).toEqual([{ remindOn: "2026-12-07" }]);

    // Seeded again weeks later, once those have passed: upcoming ones again, without copies of the next ones.
    const later = new Date(NOW.getTime() + 30 * DAY_MS);
    expect(await seedDemoAgenda(later)).toEqual({ added: 3, alreadyPresent: 0 });
    expect(await seedDemoAgenda(later)).toEqual({ added: 0, alreadyPresent: 3 });
  });
});
