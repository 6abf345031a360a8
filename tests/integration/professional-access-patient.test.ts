import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, emergencyAccessSettings, professionalAccesses } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import {
  blockProfessional,
  findAccessAuthorisations,
  findEmergencySettings,
  setAdministrator,
  setEmergencySettings,
  unblockProfessional,
} from "@/lib/professional-access/authorisations";
import { DEFAULT_EMERGENCY_SETTINGS } from "@/lib/professional-access/decide";
import { createInsuredPerson, createProfessional, createSignedInPerson } from "@/tests/support/factories";
import { createProfessionalAccess } from "@/tests/support/professional-access";

const NOW = new Date("2026-06-10T10:00:00Z");

async function accessRow(id: string) {
  const [row] = await getDb().select().from(professionalAccesses).where(eq(professionalAccesses.id, id));
  return row!;
}

async function eventsOf(personId: string) {
  const rows = await getDb()
    .select({ action: activityEvents.action, targetType: activityEvents.targetType, onBehalfOf: activityEvents.onBehalfOf })
    .from(activityEvents)
    .where(eq(activityEvents.subjectPersonId, personId))
    .orderBy(asc(activityEvents.sequence));
  return rows.filter((row) => row.action.startsWith("professional-access."));
}

/** A parent acting on their child's space: the same account, the child as subject. */
function onChildSpace(parent: Actor, childId: string): Actor {
  return { ...parent, subject: { ...parent.subject, personId: childId, fullName: "Zoé Testeur", firstName: "Zoé", basis: "legal_representative" } };
}

describe("Autorisations d'accès: the lists", () => {
  it("lists authorised and blocked professionals apart, with since when and administrator; withdrawn ones on neither", async () => {
    const { id, actor } = await createSignedInPerson();
    const { professional: doctor } = await createProfessional({ lastName: "Leroy", firstName: "Anne" });
    const { professional: dentist } = await createProfessional({ lastName: "Martin", firstName: "Paul", professionCode: "40", specialty: null });
    const { professional: nurse } = await createProfessional({ lastName: "Petit", firstName: "Léa", professionCode: "60", specialty: null });
    await createProfessionalAccess(id, doctor.id, { isAdministrator: true });
    await createProfessionalAccess(id, dentist.id, { status: "blocked", statusSince: new Date("2026-02-01T08:00:00Z") });
    await createProfessionalAccess(id, nurse.id, { status: "withdrawn" });
    // Someone else's rows never show.
    const other = await createInsuredPerson();
    await createProfessionalAccess(other.id, nurse.id);

    const lists = await findAccessAuthorisations(actor);
    expect(lists.authorised).toMatchObject([{ fullName: "Anne Leroy", profession: "Médecin", specialty: "Médecine générale", isAdministrator: true }]);
    expect(lists.blocked).toMatchObject([{ fullName: "Paul Martin", profession: "Chirurgien-dentiste", since: new Date("2026-02-01T08:00:00Z"), isAdministrator: false }]);
  });
});

describe("Autorisations d'accès: block, unblock, administrators", () => {
  it("blocks (no longer an administrator), unblocks to withdrawn without restoring consent, and records each in the subject's history", async () => {
    const { id, actor } = await createSignedInPerson();
    const { professional } = await createProfessional();
    const access = await createProfessionalAccess(id, professional.id, { isAdministrator: true });

    expect(await blockProfessional({ actor, accessId: access.id, now: NOW })).toEqual({ status: "done" });
    expect(await accessRow(access.id)).toMatchObject({ status: "blocked", statusSince: NOW, isAdministrator: false });
    // Blocking twice changes nothing.
    expect(await blockProfessional({ actor, accessId: access.id, now: NOW })).toEqual({ status: "refused" });
    // A blocked professional cannot be named administrator.
    expect(await setAdministrator({ actor, accessId: access.id, isAdministrator: true, now: NOW })).toEqual({ status: "refused" });

    const later = new Date("2026-06-11T10:00:00Z");
    expect(await unblockProfessional({ actor, accessId: access.id, now: later })).toEqual({ status: "done" });
    expect(await accessRow(access.id)).toMatchObject({ status: "withdrawn", statusSince: later, isAdministrator: false });
    expect(await unblockProfessional({ actor, accessId: access.id, now: later })).toEqual({ status: "refused" });
    // Withdrawn is not authorised: no administrator either.
    expect(await setAdministrator({ actor, accessId: access.id, isAdministrator: true, now: later })).toEqual({ status: "refused" });

    expect(await eventsOf(id)).toEqual([
      { action: "professional-access.blocked", targetType: "professional_access", onBehalfOf: "self" },
      { action: "professional-access.unblocked", targetType: "professional_access", onBehalfOf: "self" },
    ]);
  });

  it("names and removes an administrator, only among authorised professionals", async () => {
    const { id, actor } = await createSignedInPerson();
    const { professional } = await createProfessional();
    const access = await createProfessionalAccess(id, professional.id);

    expect(await setAdministrator({ actor, accessId: access.id, isAdministrator: true, now: NOW })).toEqual({ status: "done" });
    expect((await accessRow(access.id)).isAdministrator).toBe(true);
    expect(await setAdministrator({ actor, accessId: access.id, isAdministrator: true, now: NOW })).toEqual({ status: "refused" });
    expect(await setAdministrator({ actor, accessId: access.id, isAdministrator: false, now: NOW })).toEqual({ status: "done" });
    expect((await accessRow(access.id)).isAdministrator).toBe(false);
    expect((await eventsOf(id)).map((event) => event.action)).toEqual([
      "professional-access.administrator-named",
      "professional-access.administrator-removed",
    ]);
  });

  it("finds nothing of another person's list: a denied write changes no row and records nothing", async () => {
    const { actor } = await createSignedInPerson();
    const other = await createInsuredPerson();
    const { professional } = await createProfessional();
    const theirs = await createProfessionalAccess(other.id, professional.id);
    const before = await accessRow(theirs.id);

    expect(await blockProfessional({ actor, accessId: theirs.id, now: NOW })).toEqual({ status: "not-found" });
    expect(await setAdministrator({ actor, accessId: theirs.id, isAdministrator: true, now: NOW })).toEqual({ status: "not-found" });
    expect(await blockProfessional({ actor, accessId: "not-a-uuid", now: NOW })).toEqual({ status: "not-found" });
    expect(await accessRow(theirs.id)).toEqual(before);
    expect(await eventsOf(other.id)).toEqual([]);
    expect(await eventsOf(actor.subject.personId)).toEqual([]);
  });

  it("lets a parent on their child's space manage the child's list, recorded on the child's history on their behalf", async () => {
    const { id: parentId, actor: parent } = await createSignedInPerson();
    const child = await createInsuredPerson({ firstNames: "Zoé", birthName: "Testeur", email: null, mobile: null });
    const { professional } = await createProfessional();
    const childAccess = await createProfessionalAccess(child.id, professional.id);
    const parentAccess = await createProfessionalAccess(parentId, professional.id);

    const onChild = onChildSpace(parent, child.id);
    expect(await findAccessAuthorisations(onChild)).toMatchObject({ authorised: [{ accessId: childAccess.id }], blocked: [] });
    expect(await blockProfessional({ actor: onChild, accessId: childAccess.id, now: NOW })).toEqual({ status: "done" });
    // On the child's space the parent's own row is out of reach.
    expect(await blockProfessional({ actor: onChild, accessId: parentAccess.id, now: NOW })).toEqual({ status: "not-found" });
    expect((await accessRow(parentAccess.id)).status).toBe("authorised");
    expect(await eventsOf(child.id)).toEqual([{ action: "professional-access.blocked", targetType: "professional_access", onBehalfOf: "legal_representative" }]);
  });
});

describe("Autorisations d'accès: the emergency switches", () => {
  it("reads the defaults when the patient never changed them: SAMU and others on, masked documents off", async () => {
    const { actor } = await createSignedInPerson();
    expect(await findEmergencySettings(actor)).toEqual(DEFAULT_EMERGENCY_SETTINGS);
  });

  it("keeps « Documents masqués » only while SAMU or « Autres professionnels de santé » is on; turning both off turns it off", async () => {
    const { id, actor } = await createSignedInPerson();
    const all = { allowsEmergencyMedicalService: true, allowsOtherProfessionals: true, includesMaskedDocuments: true };
    expect((await setEmergencySettings({ actor, requested: all, now: NOW })).settings).toEqual(all);
    const samuOnly = { allowsEmergencyMedicalService: true, allowsOtherProfessionals: false, includesMaskedDocuments: true };
    expect((await setEmergencySettings({ actor, requested: samuOnly, now: NOW })).settings).toEqual(samuOnly);
    const bothOff = { allowsEmergencyMedicalService: false, allowsOtherProfessionals: false, includesMaskedDocuments: true };
    const off = { allowsEmergencyMedicalService: false, allowsOtherProfessionals: false, includesMaskedDocuments: false };
    expect((await setEmergencySettings({ actor, requested: bothOff, now: NOW })).settings).toEqual(off);
    expect(await findEmergencySettings(actor)).toEqual(off);
    // The same switches again: nothing written, nothing recorded.
    await setEmergencySettings({ actor, requested: off, now: NOW });
    expect((await eventsOf(id)).map((event) => event.action)).toEqual(Array(3).fill("professional-access.emergency-settings-changed"));
  });

  it("is held by the database too: masked documents without a switch are refused", async () => {
    const person = await createInsuredPerson();
    await expect(
      getDb()
        .insert(emergencyAccessSettings)
        .values({ personId: person.id, allowsEmergencyMedicalService: false, allowsOtherProfessionals: false, includesMaskedDocuments: true }),
    ).rejects.toThrow();
    expect(await getDb().select().from(emergencyAccessSettings).where(eq(emergencyAccessSettings.personId, person.id))).toEqual([]);
  });

  it("changes only the subject's switches", async () => {
    const { actor } = await createSignedInPerson();
    const { actor: neighbour } = await createSignedInPerson();
    await setEmergencySettings({ actor, requested: { allowsEmergencyMedicalService: false, allowsOtherProfessionals: true, includesMaskedDocuments: false }, now: NOW });
    expect(await findEmergencySettings(neighbour)).toEqual(DEFAULT_EMERGENCY_SETTINGS);
  });
});
