import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, measurements, measurementTargets } from "@/db/schema";
import { BLOOD_PRESSURE, BODY_MASS_INDEX, HEIGHT, WEIGHT } from "@/lib/medical-profile/measures";
import { MEASUREMENT_MESSAGES } from "@/lib/medical-profile/measures-input";
import { findMeasurementHistory, findMeasurementOverview } from "@/lib/medical-profile/measures-queries";
import { addMeasurement, deleteMeasurement, removeMeasurementTarget, setMeasurementTarget } from "@/lib/medical-profile/measures-records";
import { createSignedInPerson } from "@/tests/support/factories";

/** Noon in Paris on 2 December 2026: the tests' clock. */
const NOW = new Date("2026-12-02T11:00:00Z");

async function rowsOf(personId: string) {
  return getDb().select().from(measurements).where(eq(measurements.personId, personId)).orderBy(asc(measurements.measuredAt));
}

async function eventsOf(personId: string) {
  const rows = await getDb()
    .select({ action: activityEvents.action, group: activityEvents.group, targetType: activityEvents.targetType, targetId: activityEvents.targetId })
    .from(activityEvents)
    .where(eq(activityEvents.subjectPersonId, personId))
    .orderBy(asc(activityEvents.sequence));
  return rows.filter((row) => row.action.startsWith("medical-profile."));
}

async function add(actor: Parameters<typeof addMeasurement>[0]["actor"], values: Record<string, string>) {
  const result = await addMeasurement({ actor, values, now: NOW });
  if (result.status !== "added") throw new Error(`not added: ${JSON.stringify(result)}`);
  return result.measurementId;
}

describe("measurements", () => {
  it("stores a blood pressure as one row, systolic and diastolic, with its event in « Documents de santé »", async () => {
    const person = await createSignedInPerson();
    const id = await add(person.actor, { type: "tension-arterielle", systolic: "128", diastolic: "84", date: "02/12/2026", time: "08:15" });

    const [row] = await rowsOf(person.id);
    expect(row).toMatchObject({
      id,
      code: BLOOD_PRESSURE.code,
      value: 128,
      diastolicValue: 84,
      unit: "mm[Hg]",
      authorKind: "patient",
      measuredAt: new Date("2026-12-02T07:15:00Z"),
    });
    expect(await eventsOf(person.id)).toEqual([
      { action: "medical-profile.measurement-added", group: "health_documents", targetType: "measurement", targetId: id },
    ]);
    const history = await findMeasurementHistory({ actor: person.actor, kind: BLOOD_PRESSURE });
    expect(history.points.map((point) => [point.value, point.diastolicValue, point.mayDelete])).toEqual([[128, 84, true]]);
  });

  it("writes nothing when the systolic is not above the diastolic, or a value is out of its range", async () => {
    const person = await createSignedInPerson();
    expect(
      await addMeasurement({
        actor: person.actor,
        values: { type: "tension-arterielle", systolic: "80", diastolic: "95", date: "02/12/2026", time: "08:15" },
        now: NOW,
      }),
    ).toEqual({ status: "invalid", fieldErrors: { systolic: [MEASUREMENT_MESSAGES.systolicNotAboveDiastolic] } });
    expect(
      await addMeasurement({ actor: person.actor, values: { type: "temperature", value: "98,6", date: "02/12/2026", time: "08:15" }, now: NOW }),
    ).toEqual({ status: "invalid", fieldErrors: { value: ["La valeur doit être comprise entre 30 °C et 45 °C."] } });
    expect(
      await addMeasurement({ actor: person.actor, values: { type: "poids", value: "62", date: "03/12/2026", time: "08:15" }, now: NOW }),
    ).toEqual({ status: "invalid", fieldErrors: { date: [MEASUREMENT_MESSAGES.futureDate] } });
    expect(await rowsOf(person.id)).toEqual([]);
    expect(await eventsOf(person.id)).toEqual([]);
  });

  it("refuses, in the database too, a blood pressure whose systolic is not above its diastolic", async () => {
    const person = await createSignedInPerson();
    await expect(
      getDb().insert(measurements).values({
        personId: person.id,
        code: BLOOD_PRESSURE.code,
        value: 80,
        diastolicValue: 90,
        unit: BLOOD_PRESSURE.storedUnit,
        measuredAt: NOW,
      }),
    ).rejects.toThrow();
  });

  it("computes IMC from the latest height and the latest weight, and never stores it", async () => {
    const person = await createSignedInPerson();
    await add(person.actor, { type: "taille", value: "1,60", date: "01/01/2026", time: "09:00" });
    await add(person.actor, { type: "poids", value: "70", date: "01/02/2026", time: "09:00" });
    await add(person.actor, { type: "taille", value: "1,75", date: "01/03/2026", time: "09:00" });
    // Older than the latest weight: it is not the one IMC uses.
    await add(person.actor, { type: "poids", value: "90", date: "15/01/2026", time: "09:00" });
    expect(
      await addMeasurement({ actor: person.actor, values: { type: "imc", value: "22", date: "01/03/2026", time: "09:00" }, now: NOW }),
    ).toEqual({ status: "invalid", fieldErrors: { type: [MEASUREMENT_MESSAGES.computedType] } });

    const overview = await findMeasurementOverview({ actor: person.actor });
    const bodyMassIndex = overview.find((entry) => entry.kind === BODY_MASS_INDEX);
    // 70 kg / 1,75 m² = 22,86.
    expect(bodyMassIndex?.latest).toMatchObject({ value: 22.9, mayDelete: false, measuredAt: new Date("2026-03-01T08:00:00Z") });
    expect(overview.find((entry) => entry.kind === WEIGHT)?.latest?.value).toBe(70);
    expect(overview.find((entry) => entry.kind === HEIGHT)?.latest?.value).toBe(175);
    expect((await rowsOf(person.id)).some((row) => row.code === BODY_MASS_INDEX.code)).toBe(false);

    // Its history: at each height or weight, from the latest of each known then (90/1,60², 70/1,60², 70/1,75²).
    const history = await findMeasurementHistory({ actor: person.actor, kind: BODY_MASS_INDEX });
    expect(history.points.map((point) => point.value)).toEqual([22.9, 27.3, 35.2]);
  });

  it("has no IMC without both a height and a weight", async () => {
    const person = await createSignedInPerson();
    await add(person.actor, { type: "poids", value: "70", date: "01/02/2026", time: "09:00" });
    const overview = await findMeasurementOverview({ actor: person.actor });
    expect(overview.find((entry) => entry.kind === BODY_MASS_INDEX)?.latest).toBeNull();
    expect((await findMeasurementHistory({ actor: person.actor, kind: BODY_MASS_INDEX })).points).toEqual([]);
  });

  it("lets the patient delete their own measurement, with its event, but not one a professional or a service added", async () => {
    const person = await createSignedInPerson();
    const own = await add(person.actor, { type: "poids", value: "70", date: "01/02/2026", time: "09:00" });
    const [fromService] = await getDb()
      .insert(measurements)
      .values({ personId: person.id, code: WEIGHT.code, value: 71, unit: "kg", measuredAt: NOW, authorKind: "service", authorName: "Ma balance connectée" })
      .returning({ id: measurements.id });

    const history = await findMeasurementHistory({ actor: person.actor, kind: WEIGHT });
    expect(history.points.map((point) => [point.value, point.mayDelete, point.authorName])).toEqual([
      [71, false, "Ma balance connectée"],
      [70, true, null],
    ]);
    expect(await deleteMeasurement({ actor: person.actor, measurementId: fromService!.id, now: NOW })).toEqual({ status: "not-permitted", kind: WEIGHT });
    expect(await deleteMeasurement({ actor: person.actor, measurementId: own, now: NOW })).toEqual({ status: "deleted", kind: WEIGHT });
    expect((await rowsOf(person.id)).map((row) => row.id)).toEqual([fromService!.id]);
    expect((await eventsOf(person.id)).map((event) => [event.action, event.targetId])).toEqual([
      ["medical-profile.measurement-added", own],
      ["medical-profile.measurement-deleted", own],
    ]);
  });

  it("sets, changes and removes a personal target, each with its event", async () => {
    const person = await createSignedInPerson();
    expect(await setMeasurementTarget({ actor: person.actor, kind: WEIGHT, values: { target: "65" }, now: NOW })).toEqual({ status: "saved", value: 65 });
    expect(await setMeasurementTarget({ actor: person.actor, kind: WEIGHT, values: { target: "63,5" }, now: NOW })).toEqual({ status: "saved", value: 63.5 });
    expect((await findMeasurementHistory({ actor: person.actor, kind: WEIGHT })).target).toBe(63.5);
    const targets = await getDb().select().from(measurementTargets).where(eq(measurementTargets.personId, person.id));
    expect(targets.map((target) => [target.code, target.value, target.unit])).toEqual([[WEIGHT.code, 63.5, "kg"]]);

    expect(await setMeasurementTarget({ actor: person.actor, kind: WEIGHT, values: { target: "4000" }, now: NOW })).toMatchObject({ status: "invalid" });
    expect(await setMeasurementTarget({ actor: person.actor, kind: BLOOD_PRESSURE, values: { target: "120" }, now: NOW })).toMatchObject({
      status: "invalid",
    });
    expect((await findMeasurementHistory({ actor: person.actor, kind: WEIGHT })).target).toBe(63.5);

    expect(await removeMeasurementTarget({ actor: person.actor, kind: WEIGHT, now: NOW })).toEqual({ status: "removed" });
    expect(await removeMeasurementTarget({ actor: person.actor, kind: WEIGHT, now: NOW })).toEqual({ status: "absent" });
    expect((await findMeasurementHistory({ actor: person.actor, kind: WEIGHT })).target).toBeNull();
    expect((await eventsOf(person.id)).map((event) => [event.action, event.targetType])).toEqual([
      ["medical-profile.measurement-target-set", "measurement_target"],
      ["medical-profile.measurement-target-set", "measurement_target"],
      ["medical-profile.measurement-target-removed", "measurement_target"],
    ]);
  });

  it("never reaches another person's measurements or target: not found, nothing changed", async () => {
    const owner = await createSignedInPerson();
    const stranger = await createSignedInPerson();
    const id = await add(owner.actor, { type: "poids", value: "70", date: "01/02/2026", time: "09:00" });
    await setMeasurementTarget({ actor: owner.actor, kind: WEIGHT, values: { target: "65" }, now: NOW });

    expect(await deleteMeasurement({ actor: stranger.actor, measurementId: id, now: NOW })).toEqual({ status: "not-found" });
    expect(await deleteMeasurement({ actor: stranger.actor, measurementId: "pas-un-identifiant", now: NOW })).toEqual({ status: "not-found" });
    expect(await removeMeasurementTarget({ actor: stranger.actor, kind: WEIGHT, now: NOW })).toEqual({ status: "absent" });
    expect((await findMeasurementHistory({ actor: stranger.actor, kind: WEIGHT })).points).toEqual([]);
    expect((await findMeasurementHistory({ actor: stranger.actor, kind: WEIGHT })).target).toBeNull();
    expect((await findMeasurementOverview({ actor: stranger.actor })).every((entry) => entry.latest === null)).toBe(true);

    expect((await rowsOf(owner.id)).map((row) => row.id)).toEqual([id]);
    const [target] = await getDb()
      .select()
      .from(measurementTargets)
      .where(and(eq(measurementTargets.personId, owner.id), eq(measurementTargets.code, WEIGHT.code)));
    expect(target?.value).toBe(65);
    expect(await eventsOf(stranger.id)).toEqual([]);
  });
});
