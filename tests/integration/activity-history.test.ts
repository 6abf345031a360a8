import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents } from "@/db/schema";
import { hashActivity } from "@/lib/activity/hash";
import { findActivityPage, streamActivity } from "@/lib/activity/history";
import { NO_FILTERS, parseActivityQuery } from "@/lib/activity/filters";
import type { Actor } from "@/lib/access/actor";
import { type ActivityEventInput, SYSTEM_ACTOR, activityOf, recordActivity } from "@/lib/activity/record";
import { verifyActivityChains } from "@/lib/activity/verify";
import { createActiveAccount, createInsuredPerson } from "@/tests/support/factories";

/** Someone reading the person's history, in the shape of a request's actor: only the subject matters to a read. */
function readerOf(personId: string): Actor {
  return {
    account: { id: randomUUID(), kind: "patient", mayOpenOtherSpaces: false },
    session: { id: randomUUID() },
    subject: {
      personId,
      fullName: "Camille Testeur",
      firstName: "Camille",
      basis: "self",
      representationId: randomUUID(),
      hasCompletedQuestionnaire: true,
    },
  };
}

function login(subjectPersonId: string, at: Date): ActivityEventInput {
  return { subjectPersonId, actor: { kind: "patient", accountId: null }, action: "auth.login-succeeded", at };
}

async function eventsOf(subjectPersonId: string) {
  return getDb()
    .select()
    .from(activityEvents)
    .where(eq(activityEvents.subjectPersonId, subjectPersonId))
    .orderBy(asc(activityEvents.sequence));
}

/** The database's own refusal (PostgreSQL's error, wrapped by the driver). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    let text = "";
    for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) text += ` ${(current as Error).message}`;
    return text;
  }
  return "accepted";
}

describe("activity events are append-only, in the database itself", () => {
  it("refuses UPDATE, DELETE and TRUNCATE, and keeps the row as it was", async () => {
    const person = await createInsuredPerson();
    const id = await recordActivity(getDb(), login(person.id, new Date("2026-05-04T10:00:00Z")));
    const db = getDb();

    expect(await refusal(db.update(activityEvents).set({ actorName: "Quelqu'un d'autre" }).where(eq(activityEvents.id, id)))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(db.delete(activityEvents).where(eq(activityEvents.id, id)))).toMatch(/append-only: DELETE refused/);
    expect(await refusal(db.execute(sql`truncate activity_events`))).toMatch(/append-only: TRUNCATE refused/);
    expect(await refusal(db.execute(sql`delete from activity_events`))).toMatch(/append-only: DELETE refused/);

    const [row] = await eventsOf(person.id);
    expect(row).toMatchObject({ id, actorName: "Camille Testeur", action: "auth.login-succeeded" });
  });
});

describe("recordActivity", () => {
  it("chains each event to the same subject's previous one, and names the actor", async () => {
    const person = await createInsuredPerson({ firstNames: "Léa Marie", birthName: "Durand", usageName: "Petit" });
    const other = await createInsuredPerson();
    const start = new Date("2026-05-04T10:00:00Z");
    await recordActivity(getDb(), login(person.id, start));
    await recordActivity(getDb(), login(other.id, start));
    await recordActivity(getDb(), {
      subjectPersonId: person.id,
      actor: SYSTEM_ACTOR,
      action: "medical-profile.measurement-added",
      target: { type: "measurement", id: randomUUID().toUpperCase() },
      at: new Date(start.getTime() + 1000),
    });

    const [first, second] = await eventsOf(person.id);
    expect(first).toMatchObject({ sequence: 1, previousHash: null, actorName: "Léa Petit", actorKind: "patient", group: "general", onBehalfOf: "self" });
    expect(second).toMatchObject({
      sequence: 2,
      previousHash: first!.hash,
      actorName: "Mon espace santé",
      actorKind: "system",
      group: "health_documents",
      targetType: "measurement",
    });
    // Stored as the database gives it back, so that the hash can be checked again later.
    expect(second!.targetId).toBe(second!.targetId!.toLowerCase());
    const { hash, ...content } = second!;
    expect(hashActivity(content)).toBe(hash);
    expect((await eventsOf(other.id)).map((event) => [event.sequence, event.previousHash])).toEqual([[1, null]]);
  });

  it("records who acted for whom from the request's actor: a parent in their child's space", async () => {
    const parent = await createActiveAccount();
    const child = await createInsuredPerson({ firstNames: "Noé", birthName: "Testeur" });
    const actor: Actor = {
      account: { id: parent.accountId, kind: "patient", mayOpenOtherSpaces: true },
      session: { id: randomUUID() },
      subject: {
        personId: child.id,
        fullName: "Noé Testeur",
        firstName: "Noé",
        basis: "legal_representative",
        representationId: randomUUID(),
        hasCompletedQuestionnaire: false,
      },
    };
    await recordActivity(getDb(), { ...activityOf(actor), action: "messaging.message-read", at: new Date("2026-05-05T10:00:00Z") });
    const [event] = await eventsOf(child.id);
    expect(event).toMatchObject({
      actorKind: "patient",
      actorAccountId: parent.accountId,
      actorName: "Camille Testeur",
      onBehalfOf: "legal_representative",
    });
    expect(await eventsOf(parent.person.id)).toEqual([]);
  });

  it("is written in the caller's transaction: rolled back with it", async () => {
    const person = await createInsuredPerson();
    await expect(
      getDb().transaction(async (tx) => {
        await recordActivity(tx, login(person.id, new Date()));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await eventsOf(person.id)).toEqual([]);
  });

  it("does not fork a subject's chain when writers append at the same time", async () => {
    const person = await createInsuredPerson();
    const at = new Date("2026-05-04T12:00:00Z");
    // On PostgreSQL these are separate connections racing for the subject's lock; PGlite has one connection and runs them in turn.
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        getDb().transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(${(index % 3) / 100})`);
          await recordActivity(tx, login(person.id, new Date(at.getTime() + index)));
        }),
      ),
    );
    const events = await eventsOf(person.id);
    expect(events.map((event) => event.sequence)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    events.forEach((event, index) => expect(event.previousHash).toBe(index === 0 ? null : events[index - 1]!.hash));
    const report = await verifyActivityChains(getDb());
    expect(report.breaks.filter((found) => found.subjectPersonId === person.id)).toEqual([]);
  });
});

describe("verifyActivityChains (npm run activity:verify)", () => {
  async function subjectWithThreeEvents() {
    const person = await createInsuredPerson();
    const start = new Date("2026-06-01T08:00:00Z");
    for (let index = 0; index < 3; index += 1) await recordActivity(getDb(), login(person.id, new Date(start.getTime() + index * 60_000)));
    return { person, events: await eventsOf(person.id) };
  }

  function breaksOf(report: Awaited<ReturnType<typeof verifyActivityChains>>, subjectPersonId: string) {
    return report.breaks.filter((found) => found.subjectPersonId === subjectPersonId).map(({ sequence, reason }) => ({ sequence, reason }));
  }

  it("finds no break in chains written by recordActivity", async () => {
    const { person } = await subjectWithThreeEvents();
    const report = await verifyActivityChains(getDb());
    expect(report.events).toBeGreaterThanOrEqual(3);
    expect(report.subjects).toBeGreaterThanOrEqual(1);
    expect(breaksOf(report, person.id)).toEqual([]);
  });

  it("reports an event inserted with a wrong hash, and one that does not chain to its predecessor", async () => {
    const { person, events } = await subjectWithThreeEvents();
    const last = events[2]!;
    const forged = {
      id: randomUUID(),
      subjectPersonId: person.id,
      sequence: 4,
      at: new Date("2026-06-01T09:00:00Z"),
      actorKind: "patient" as const,
      actorAccountId: null,
      actorName: "Camille Testeur",
      onBehalfOf: "self" as const,
      action: "auth.logged-out",
      group: "general" as const,
      targetType: null,
      targetId: null,
      isEmergency: false,
      previousHash: last.hash,
    };
    await getDb().insert(activityEvents).values({ ...forged, hash: "0".repeat(64) });
    const unchained = { ...forged, id: randomUUID(), sequence: 5, previousHash: "f".repeat(64) };
    await getDb().insert(activityEvents).values({ ...unchained, hash: hashActivity(unchained) });

    expect(breaksOf(await verifyActivityChains(getDb()), person.id)).toEqual([
      { sequence: 4, reason: "altered" },
      { sequence: 5, reason: "unlinked" },
    ]);
  });

  it("reports rows changed or removed with the triggers disabled by a superuser", async () => {
    const { person, events } = await subjectWithThreeEvents();
    const [first, second] = events as [(typeof events)[0], (typeof events)[0]];
    // The test connects as the database's superuser, who alone can switch the triggers off.
    const db = getDb();
    await db.execute(sql`alter table activity_events disable trigger activity_events_no_update_or_delete`);
    try {
      await db.update(activityEvents).set({ actorName: "Un inconnu" }).where(eq(activityEvents.id, first.id));
      await db.delete(activityEvents).where(eq(activityEvents.id, second.id));
    } finally {
      await db.execute(sql`alter table activity_events enable trigger activity_events_no_update_or_delete`);
    }
    expect(breaksOf(await verifyActivityChains(db), person.id)).toEqual([
      { sequence: 1, reason: "altered" },
      { sequence: 3, reason: "missing" },
    ]);
    expect(await refusal(db.delete(activityEvents).where(eq(activityEvents.id, first.id)))).toMatch(/append-only/);
  });
});

describe("the history page's reads", () => {
  /** `count` logins one minute apart from `start`. */
  async function subjectWithEvents(count: number, start = new Date("2026-03-01T00:00:00Z")) {
    const person = await createInsuredPerson();
    // One transaction for them all: a commit per event would make this test slow, not the code.
    await getDb().transaction(async (tx) => {
      for (let index = 0; index < count; index += 1) {
        const event = login(person.id, new Date(start.getTime() + index * 60_000));
        await recordActivity(tx, { ...event, actor: { ...event.actor, name: "Camille Testeur" } });
      }
    });
    return person;
  }

  it("pages 100 events at a time, newest first, by keyset, forwards and back", async () => {
    const person = await subjectWithEvents(205);
    const first = await findActivityPage({ actor: readerOf(person.id), filters: NO_FILTERS, cursor: null });
    expect(first.events).toHaveLength(100);
    expect(first.newerCursor).toBeNull();
    expect(first.events[0]!.at.toISOString()).toBe("2026-03-01T03:24:00.000Z");
    expect(first.events[0]).toMatchObject({ label: "Connexion", actorKindLabel: "Titulaire ou représentant", groupLabel: "Général" });

    const second = await findActivityPage({ actor: readerOf(person.id), filters: NO_FILTERS, cursor: parseCursor("avant", first.olderCursor) });
    const third = await findActivityPage({ actor: readerOf(person.id), filters: NO_FILTERS, cursor: parseCursor("avant", second.olderCursor) });
    expect(second.events).toHaveLength(100);
    expect(third.events).toHaveLength(5);
    expect(third.olderCursor).toBeNull();
    const all = [...first.events, ...second.events, ...third.events];
    expect(new Set(all.map((event) => event.id)).size).toBe(205);
    expect(all.map((event) => event.at.getTime())).toEqual([...all.map((event) => event.at.getTime())].sort((a, b) => b - a));

    const back = await findActivityPage({ actor: readerOf(person.id), filters: NO_FILTERS, cursor: parseCursor("apres", third.newerCursor) });
    expect(back.events.map((event) => event.id)).toEqual(second.events.map((event) => event.id));
    const backToFirst = await findActivityPage({ actor: readerOf(person.id), filters: NO_FILTERS, cursor: parseCursor("apres", back.newerCursor) });
    expect(backToFirst.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    expect(backToFirst.newerCursor).toBeNull();
  });

  it("keeps events of the same instant apart by id across a page boundary", async () => {
    const person = await createInsuredPerson();
    const at = new Date("2026-03-02T10:00:00Z");
    await getDb().transaction(async (tx) => {
      for (let index = 0; index < 103; index += 1) await recordActivity(tx, login(person.id, at));
    });
    const first = await findActivityPage({ actor: readerOf(person.id), filters: NO_FILTERS, cursor: null });
    const second = await findActivityPage({ actor: readerOf(person.id), filters: NO_FILTERS, cursor: parseCursor("avant", first.olderCursor) });
    expect(new Set([...first.events, ...second.events].map((event) => event.id)).size).toBe(103);
  });

  it("filters by period in Paris days, by actor kind and by group", async () => {
    const person = await createInsuredPerson();
    // 22:30 UTC on 31 March is 00:30 on 1 April in Paris (summer time).
    await recordActivity(getDb(), login(person.id, new Date("2026-03-31T21:30:00Z")));
    await recordActivity(getDb(), login(person.id, new Date("2026-03-31T22:30:00Z")));
    await recordActivity(getDb(), {
      subjectPersonId: person.id,
      actor: SYSTEM_ACTOR,
      action: "medical-profile.item-added",
      at: new Date("2026-04-02T21:59:00Z"),
    });
    await recordActivity(getDb(), login(person.id, new Date("2026-04-02T22:00:00Z")));

    async function labelsFor(query: Record<string, string>) {
      const parsed = parseActivityQuery(query);
      if (parsed.status !== "valid") throw new Error(JSON.stringify(parsed.fieldErrors));
      const page = await findActivityPage({ actor: readerOf(person.id), filters: parsed.filters, cursor: null });
      return page.events.map((event) => event.at.toISOString());
    }

    expect(await labelsFor({ du: "01/04/2026", au: "02/04/2026" })).toEqual(["2026-04-02T21:59:00.000Z", "2026-03-31T22:30:00.000Z"]);
    expect(await labelsFor({ acteur: "system" })).toEqual(["2026-04-02T21:59:00.000Z"]);
    expect(await labelsFor({ groupe: "general", au: "01/04/2026" })).toEqual(["2026-03-31T22:30:00.000Z", "2026-03-31T21:30:00.000Z"]);
    expect(await labelsFor({ groupe: "third_party_services" })).toEqual([]);
  });

  it("answers bad filters with French messages by field", () => {
    const parsed = parseActivityQuery({ du: "31/02/2026", au: "", acteur: "pirate", groupe: "x" });
    expect(parsed).toMatchObject({
      status: "invalid",
      fieldErrors: {
        du: ["La date de début doit être une date réelle au format JJ/MM/AAAA."],
        acteur: ["Choisissez un auteur dans la liste."],
        groupe: ["Choisissez une catégorie dans la liste."],
      },
    });
    expect(parseActivityQuery({ du: "02/04/2026", au: "01/04/2026" })).toMatchObject({
      status: "invalid",
      fieldErrors: { au: ["La date de fin doit être le même jour que la date de début ou après."] },
    });
    expect(parseActivityQuery({ avant: "'; drop table activity_events; --" })).toMatchObject({ status: "valid", cursor: null });
  });

  it("streams the whole filtered list for the export, and only the subject's", async () => {
    const person = await subjectWithEvents(1_001);
    const other = await subjectWithEvents(2);
    const seen: string[] = [];
    for await (const batch of streamActivity({ actor: readerOf(person.id), filters: NO_FILTERS })) seen.push(...batch.map((event) => event.id));
    expect(seen).toHaveLength(1_001);
    expect(new Set(seen).size).toBe(1_001);
    const others = await eventsOf(other.id);
    expect(seen.some((id) => others.some((event) => event.id === id))).toBe(false);
  }, 120_000);
});

function parseCursor(name: "avant" | "apres", cursor: string | null) {
  expect(cursor).not.toBeNull();
  const parsed = parseActivityQuery({ [name]: cursor as string });
  if (parsed.status !== "valid" || !parsed.cursor) throw new Error(`not a cursor: ${cursor}`);
  return parsed.cursor;
}

