import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import S3rver from "s3rver";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, documentFolders, documentObjects, documentSettings, documents, messageAttachments, professionalAccesses } from "@/db/schema";
import { activityOf } from "@/lib/activity/record";
import { readDocumentContent, removeDocumentContent, storeDocument } from "@/lib/documents/content";
import { rotateMasterKeys, sweepOrphanObjects } from "@/lib/documents/maintenance";
import { getDocumentStore } from "@/lib/documents/storage";
import { UPLOAD_FIELDS, type UploadForm, addUploadedDocument } from "@/lib/documents/upload";
import { readPatientAttachment } from "@/lib/messaging/attachment-content";
import { startConversationAsProfessional } from "@/lib/messaging/mailbox";
import { createProfessional, createSignedInPerson } from "@/tests/support/factories";
import { KNOWN_SENTENCE, pdfFile, textFile } from "@/tests/support/document-files";

const key = () => randomBytes(32).toString("base64");
const FIRST_KEYS = `k1:${key()}`;
const SECOND_KEY = `k2:${key()}`;
const NOW = new Date("2026-03-10T09:00:00Z");

function form(overrides: Record<string, string> = {}, file: UploadForm["file"] = { name: "compte-rendu.pdf", bytes: pdfFile() }): UploadForm {
  return {
    fields: { [UPLOAD_FIELDS.title]: "Compte rendu", [UPLOAD_FIELDS.date]: "03/02/2026", [UPLOAD_FIELDS.category]: "CPT_REND", ...overrides },
    file,
  };
}

async function upload(person: Awaited<ReturnType<typeof createSignedInPerson>>, uploadForm = form()) {
  const result = await addUploadedDocument(getDb(), { actor: person.actor, form: uploadForm, now: NOW });
  if (result.status !== "added") throw new Error(`not added: ${JSON.stringify(result.fieldErrors)}`);
  return result.documentId;
}

async function rowOf(documentId: string) {
  const [row] = await getDb().select().from(documents).where(eq(documents.id, documentId));
  return row!;
}

async function objectOf(storageKey: string) {
  const [row] = await getDb().select().from(documentObjects).where(eq(documentObjects.key, storageKey));
  return row?.bytes;
}

async function counts() {
  return {
    documents: await getDb().$count(documents),
    objects: await getDb().$count(documentObjects),
    events: await getDb().$count(activityEvents),
  };
}

/** Every file under a folder, read whole: where plaintext would show if it were stored. */
function filesUnder(folder: string): Buffer[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)));
}

const holdsSentence = (bytes: Uint8Array) => Buffer.from(bytes).includes(Buffer.from(KNOWN_SENTENCE, "utf8"));

beforeEach(() => {
  vi.stubEnv("DOCUMENT_MASTER_KEYS", FIRST_KEYS);
  vi.stubEnv("DOCUMENT_STORAGE", "database");
});

afterEach(() => vi.unstubAllEnvs());

describe("adding a document (database store)", () => {
  it("stores a patient's upload encrypted, authored by them, with its event in « Documents de santé »", async () => {
    const person = await createSignedInPerson();
    const documentId = await upload(person);
    const row = await rowOf(documentId);
    expect(row).toMatchObject({
      personId: person.id,
      title: "Compte rendu",
      documentDate: "2026-02-03",
      category: "CPT_REND",
      authorKind: "patient",
      authorAccountId: person.accountId,
      authorName: person.actor.subject.fullName,
      mediaType: "application/pdf",
      byteSize: pdfFile().byteLength,
      isHiddenFromProfessionals: false,
      storage: "database",
      masterKeyId: "k1",
    });
    const object = await objectOf(row.storageKey);
    expect(object).toBeDefined();
    expect(holdsSentence(object!)).toBe(false);
    expect(holdsSentence(row.wrappedDataKey)).toBe(false);
    const [event] = await getDb()
      .select()
      .from(activityEvents)
      .where(and(eq(activityEvents.subjectPersonId, person.id), eq(activityEvents.action, "documents.added")));
    expect(event).toMatchObject({ group: "health_documents", targetType: "document", targetId: documentId, actorAccountId: person.accountId });
  });

  it("gives the bytes back to their owner, recording each opening and download", async () => {
    const person = await createSignedInPerson();
    const documentId = await upload(person);
    const opened = await readDocumentContent(getDb(), { actor: person.actor, documentId, purpose: "open", now: NOW });
    expect(opened.status).toBe("found");
    if (opened.status === "found") {
      expect(Buffer.compare(opened.bytes, pdfFile())).toBe(0);
      expect(opened.mediaType).toBe("application/pdf");
    }
    await readDocumentContent(getDb(), { actor: person.actor, documentId, purpose: "download", now: NOW });
    const actions = await getDb()
      .select({ action: activityEvents.action, group: activityEvents.group })
      .from(activityEvents)
      .where(and(eq(activityEvents.subjectPersonId, person.id), eq(activityEvents.targetId, documentId)));
    expect(actions.map((event) => event.action).sort()).toEqual(["documents.added", "documents.downloaded", "documents.opened"]);
    expect(new Set(actions.map((event) => event.group))).toEqual(new Set(["health_documents"]));
  });

  it("hides a new document from professionals when the person chose that by default", async () => {
    const person = await createSignedInPerson();
    await getDb().insert(documentSettings).values({ personId: person.id, hideNewDocumentsFromProfessionals: true });
    expect((await rowOf(await upload(person))).isHiddenFromProfessionals).toBe(true);
  });

  it("files it in one of the person's folders, and refuses another person's folder", async () => {
    const person = await createSignedInPerson();
    const other = await createSignedInPerson();
    const [mine] = await getDb().insert(documentFolders).values({ personId: person.id, name: "Cardiologie" }).returning();
    const [theirs] = await getDb().insert(documentFolders).values({ personId: other.id, name: "Secret" }).returning();
    expect((await rowOf(await upload(person, form({ [UPLOAD_FIELDS.folder]: mine!.id })))).folderId).toBe(mine!.id);
    const before = await counts();
    const refused = await addUploadedDocument(getDb(), { actor: person.actor, form: form({ [UPLOAD_FIELDS.folder]: theirs!.id }), now: NOW });
    expect(refused).toMatchObject({ status: "invalid", fieldErrors: { [UPLOAD_FIELDS.folder]: ["Choisissez un dossier de la liste."] } });
    expect(await counts()).toEqual(before);
  });

  it("reports every wrong field at once in French and writes nothing", async () => {
    const person = await createSignedInPerson();
    const before = await counts();
    const result = await addUploadedDocument(getDb(), {
      actor: person.actor,
      form: form(
        { [UPLOAD_FIELDS.title]: "x".repeat(51), [UPLOAD_FIELDS.date]: "11/03/2026", [UPLOAD_FIELDS.category]: "SYNTH_PML" },
        { name: "compte-rendu.txt", bytes: pdfFile() },
      ),
      now: NOW,
    });
    expect(result).toMatchObject({
      status: "invalid",
      fieldErrors: {
        [UPLOAD_FIELDS.title]: ["Le titre ne peut pas dépasser 50 caractères."],
        [UPLOAD_FIELDS.date]: ["La date du document ne peut pas être dans le futur."],
        [UPLOAD_FIELDS.category]: ["Choisissez une catégorie dans la liste."],
        [UPLOAD_FIELDS.file]: [expect.stringMatching(/^L'extension « \.txt » du fichier ne correspond pas à son contenu \(PDF\)/)],
      },
      values: { [UPLOAD_FIELDS.title]: "x".repeat(51), [UPLOAD_FIELDS.date]: "11/03/2026" },
    });
    const missing = await addUploadedDocument(getDb(), { actor: person.actor, form: { fields: {}, file: null }, now: NOW });
    expect(missing).toMatchObject({
      status: "invalid",
      fieldErrors: {
        [UPLOAD_FIELDS.file]: ["Choisissez un fichier."],
        [UPLOAD_FIELDS.title]: ["Saisissez un titre."],
        [UPLOAD_FIELDS.date]: ["Saisissez la date du document."],
      },
    });
    expect(await counts()).toEqual(before);
  });

  it("accepts today's date in Paris", async () => {
    const person = await createSignedInPerson();
    const lateEvening = new Date("2026-03-10T23:30:00Z"); // 00:30 on 11 March in Paris
    const result = await addUploadedDocument(getDb(), { actor: person.actor, form: form({ [UPLOAD_FIELDS.date]: "11/03/2026" }), now: lateEvening });
    expect(result.status).toBe("added");
  });
});

describe("reading a document", () => {
  it("answers not found for another person's document, or an id that is none, and records nothing", async () => {
    const owner = await createSignedInPerson();
    const stranger = await createSignedInPerson();
    const documentId = await upload(owner);
    const before = await counts();
    for (const id of [documentId, "00000000-0000-4000-8000-000000000000", "pas-un-id"]) {
      expect(await readDocumentContent(getDb(), { actor: stranger.actor, documentId: id, purpose: "download", now: NOW })).toEqual({
        status: "not-found",
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a flipped byte, a truncated object and a wrapped key changed, never serving the bytes", async () => {
    const person = await createSignedInPerson();
    const read = (documentId: string) => readDocumentContent(getDb(), { actor: person.actor, documentId, purpose: "open", now: NOW });
    const flipped = await upload(person);
    const truncated = await upload(person);
    const rekeyed = await upload(person);
    const flippedRow = await rowOf(flipped);
    const flippedBytes = Buffer.from((await objectOf(flippedRow.storageKey))!);
    flippedBytes[40]! ^= 0x01;
    await getDb().update(documentObjects).set({ bytes: flippedBytes }).where(eq(documentObjects.key, flippedRow.storageKey));
    const truncatedRow = await rowOf(truncated);
    const truncatedBytes = (await objectOf(truncatedRow.storageKey))!;
    await getDb().update(documentObjects).set({ bytes: truncatedBytes.subarray(0, truncatedBytes.byteLength - 1) }).where(eq(documentObjects.key, truncatedRow.storageKey));
    const rekeyedRow = await rowOf(rekeyed);
    const wrapped = Buffer.from(rekeyedRow.wrappedDataKey);
    wrapped[20]! ^= 0x80;
    await getDb().update(documents).set({ wrappedDataKey: wrapped }).where(eq(documents.id, rekeyed));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await counts();
    for (const documentId of [flipped, truncated, rekeyed]) expect(await read(documentId)).toEqual({ status: "refused" });
    expect(await counts()).toEqual(before);
    expect(errors).toHaveBeenCalledTimes(3);
  });

  it("refuses two documents whose objects were swapped, even of the same person", async () => {
    const person = await createSignedInPerson();
    const first = await rowOf(await upload(person));
    const second = await rowOf(await upload(person, form({}, { name: "notes.txt", bytes: textFile() })));
    await getDb().transaction(async (tx) => {
      await tx.update(documents).set({ storageKey: `swap-${first.storageKey}` }).where(eq(documents.id, first.id));
      await tx.update(documents).set({ storageKey: first.storageKey }).where(eq(documents.id, second.id));
      await tx.update(documents).set({ storageKey: second.storageKey }).where(eq(documents.id, first.id));
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    for (const documentId of [first.id, second.id]) {
      expect(await readDocumentContent(getDb(), { actor: person.actor, documentId, purpose: "open", now: NOW })).toEqual({ status: "refused" });
    }
  });

  it("removes a deleted document's object in the deleting transaction (database store)", async () => {
    const person = await createSignedInPerson();
    const row = await rowOf(await upload(person));
    await getDb().transaction(async (tx) => {
      await removeDocumentContent(tx, { storage: row.storage, storageKey: row.storageKey });
      await tx.delete(documents).where(eq(documents.id, row.id));
    });
    expect(await objectOf(row.storageKey)).toBeUndefined();
  });
});

describe("the disk store", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), "mes-documents-disk-"));
    vi.stubEnv("DOCUMENT_STORAGE", "disk");
    vi.stubEnv("DOCUMENT_STORAGE_DIR", folder);
  });

  it("keeps only ciphertext on disk and reads it back", async () => {
    const person = await createSignedInPerson();
    const documentId = await upload(person, form({}, { name: "notes.txt", bytes: textFile() }));
    const row = await rowOf(documentId);
    expect(row.storage).toBe("disk");
    expect(await objectOf(row.storageKey)).toBeUndefined();
    const stored = filesUnder(folder);
    expect(stored).toHaveLength(1);
    expect(holdsSentence(stored[0]!)).toBe(false);
    const read = await readDocumentContent(getDb(), { actor: person.actor, documentId, purpose: "open", now: NOW });
    expect(read.status === "found" && read.bytes.toString("utf8")).toBe(textFile().toString("utf8"));
  });

  it("removes the object it wrote when the row cannot be committed", async () => {
    const person = await createSignedInPerson();
    const before = await counts();
    await expect(
      storeDocument(getDb(), {
        // No such person: the insert fails on its foreign key, after the object was written.
        personId: "00000000-0000-4000-8000-000000000000",
        title: "Orphelin",
        documentDate: "2026-01-01",
        category: "AUTR_DOC",
        authorKind: "patient",
        authorAccountId: person.accountId,
        authorName: "X",
        bytes: textFile(),
        mediaType: "text/plain",
        recordedAs: activityOf(person.actor),
        now: NOW,
      }),
    ).rejects.toThrow();
    expect(filesUnder(folder)).toHaveLength(0);
    expect(await counts()).toEqual(before);
  });
});

describe("the S3 store (a local S3-compatible server)", () => {
  const bucket = "mes-documents-test";
  let server: S3rver;
  let folder: string;
  let endpoint: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "mes-documents-s3-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: folder, configureBuckets: [{ name: bucket, configs: [] }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await server.close();
  });

  beforeEach(() => {
    vi.stubEnv("DOCUMENT_STORAGE", "s3");
    vi.stubEnv("S3_ENDPOINT", endpoint);
    vi.stubEnv("S3_BUCKET", bucket);
    vi.stubEnv("S3_REGION", "us-east-1");
    vi.stubEnv("S3_ACCESS_KEY_ID", "S3RVER");
    vi.stubEnv("S3_SECRET_ACCESS_KEY", "S3RVER");
    vi.stubEnv("S3_FORCE_PATH_STYLE", "true");
  });

  it("keeps only ciphertext in the bucket and reads it back", async () => {
    const person = await createSignedInPerson();
    const documentId = await upload(person);
    const row = await rowOf(documentId);
    expect(row.storage).toBe("s3");
    const stored = filesUnder(folder);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some(holdsSentence)).toBe(false);
    const object = await getDocumentStore("s3").get(getDb(), row.storageKey);
    expect(object?.byteLength).toBeGreaterThan(pdfFile().byteLength);
    const read = await readDocumentContent(getDb(), { actor: person.actor, documentId, purpose: "download", now: NOW });
    expect(read.status === "found" && Buffer.compare(read.bytes, pdfFile())).toBe(0);
  });

  it("sweeps an object a crash left without its row, and keeps the others", async () => {
    const person = await createSignedInPerson();
    const kept = await rowOf(await upload(person));
    const store = getDocumentStore("s3");
    // The crash: the object was written, the process died before the row's transaction.
    await store.put(getDb(), "6a0e1f8c-1111-4111-8111-000000000001", Buffer.from("chiffré"));
    const young = await sweepOrphanObjects(getDb(), { now: new Date() });
    expect(young.s3.removed).toBe(0);
    const later = await sweepOrphanObjects(getDb(), { now: new Date(Date.now() + 2 * 3_600_000) });
    expect(later.s3.removed).toBe(1);
    expect(await store.get(getDb(), "6a0e1f8c-1111-4111-8111-000000000001")).toBeNull();
    expect(await store.get(getDb(), kept.storageKey)).not.toBeNull();
  });
});

describe("orphans in the database and on disk", () => {
  it("removes objects no row refers to once past the grace period, in every store, and keeps the rest", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "mes-documents-sweep-"));
    vi.stubEnv("DOCUMENT_STORAGE_DIR", folder);
    const person = await createSignedInPerson();
    const kept = await rowOf(await upload(person));
    const orphanKey = "6a0e1f8c-2222-4222-8222-000000000002";
    await getDocumentStore("database").put(getDb(), orphanKey, Buffer.from("chiffré"));
    await getDocumentStore("disk").put(getDb(), orphanKey, Buffer.from("chiffré"));
    const diskFile = path.join(folder, orphanKey.slice(0, 2), orphanKey);
    expect(statSync(diskFile).isFile()).toBe(true);

    const now = new Date(Date.now() + 2 * 3_600_000);
    const report = await sweepOrphanObjects(getDb(), { now });
    expect(report.database.removed).toBeGreaterThanOrEqual(1);
    expect(report.disk).toEqual({ checked: 1, removed: 1 });
    expect(await objectOf(orphanKey)).toBeUndefined();
    expect(filesUnder(folder)).toHaveLength(0);
    expect(await objectOf(kept.storageKey)).toBeDefined();
    const read = await readDocumentContent(getDb(), { actor: person.actor, documentId: kept.id, purpose: "open", now: NOW });
    expect(read.status).toBe("found");
  });
});

describe("rotating the master key", () => {
  it("re-wraps every data key under the new key, objects untouched, and resumes after an interruption", async () => {
    const person = await createSignedInPerson();
    const ids = [];
    for (let index = 0; index < 5; index += 1) ids.push(await upload(person));
    const before = new Map<string, { object: Uint8Array; wrapped: Uint8Array }>();
    for (const id of ids) {
      const row = await rowOf(id);
      before.set(id, { object: (await objectOf(row.storageKey))!, wrapped: row.wrappedDataKey });
    }
    // One document whose wrapped key was damaged: reported and passed over, never blocking the others.
    const damaged = await rowOf(await upload(person));
    const wrapped = Buffer.from(damaged.wrappedDataKey);
    wrapped[30]! ^= 0x04;
    await getDb().update(documents).set({ wrappedDataKey: wrapped }).where(eq(documents.id, damaged.id));
    const underFirstKey = await getDb().$count(documents, eq(documents.masterKeyId, "k1"));

    vi.stubEnv("DOCUMENT_MASTER_KEYS", `${FIRST_KEYS},${SECOND_KEY}`);
    // Interrupted after its first batch.
    const first = await rotateMasterKeys(getDb(), { batchSize: 2, maxBatches: 1 });
    expect(first.rewrapped + first.failedIds.length).toBe(2);
    expect(first.remaining).toBe(underFirstKey - first.rewrapped);
    const resumed = await rotateMasterKeys(getDb(), { batchSize: 2 });
    expect(resumed.failedIds).toContain(damaged.id);
    expect(resumed.remaining).toBe(resumed.failedIds.length);
    expect(first.rewrapped + resumed.rewrapped).toBe(underFirstKey - resumed.failedIds.length);
    expect(await rotateMasterKeys(getDb())).toMatchObject({ rewrapped: 0, remaining: resumed.remaining });

    // Readable with the new key alone: the old one can now be retired.
    vi.stubEnv("DOCUMENT_MASTER_KEYS", SECOND_KEY);
    for (const id of ids) {
      const row = await rowOf(id);
      expect(row.masterKeyId).toBe("k2");
      expect(Buffer.compare(Buffer.from((await objectOf(row.storageKey))!), Buffer.from(before.get(id)!.object))).toBe(0);
      expect(Buffer.compare(Buffer.from(row.wrappedDataKey), Buffer.from(before.get(id)!.wrapped))).not.toBe(0);
      const read = await readDocumentContent(getDb(), { actor: person.actor, documentId: id, purpose: "open", now: NOW });
      expect(read.status === "found" && Buffer.compare(read.bytes, pdfFile())).toBe(0);
    }
  });

  it("re-wraps message attachments' data keys too, bound to the attachment as when they were stored", async () => {
    const patient = await createSignedInPerson();
    const pro = await createProfessional();
    await getDb().insert(professionalAccesses).values({ personId: patient.id, professionalId: pro.professional.id, status: "authorised", isAdministrator: false, statusSince: NOW });
    const sent = await startConversationAsProfessional({
      actor: pro.actor,
      personId: patient.id,
      values: { subject: "Vos résultats", body: "Voici le compte rendu." },
      form: { files: [{ name: "resultats.pdf", bytes: pdfFile() }, { name: "autre.pdf", bytes: pdfFile() }] },
      now: NOW,
    });
    if (sent.status !== "sent") throw new Error(`not sent: ${sent.status}`);
    const before = await getDb().select().from(messageAttachments).where(eq(messageAttachments.personId, patient.id));
    expect(before.map((row) => row.masterKeyId)).toEqual(["k1", "k1"]);

    vi.stubEnv("DOCUMENT_MASTER_KEYS", `${FIRST_KEYS},${SECOND_KEY}`);
    const report = await rotateMasterKeys(getDb(), { batchSize: 1 });
    expect(report.attachments).toEqual({ rewrapped: 2, failedIds: [], remaining: 0 });
    // The sums count both tables (the damaged document of the test above stays among the remaining).
    expect(report.remaining).toBe(report.documents.remaining + report.attachments.remaining);

    // Readable with the new key alone, object untouched, by the patient's own reader.
    vi.stubEnv("DOCUMENT_MASTER_KEYS", SECOND_KEY);
    for (const old of before) {
      const [row] = await getDb().select().from(messageAttachments).where(eq(messageAttachments.id, old.id));
      expect(row!.masterKeyId).toBe("k2");
      expect(Buffer.compare(Buffer.from(row!.wrappedDataKey), Buffer.from(old.wrappedDataKey))).not.toBe(0);
      expect(row!.storageKey).toBe(old.storageKey);
      const read = await readPatientAttachment({ actor: patient.actor, conversationId: sent.conversationId, attachmentId: row!.id, purpose: "open", now: NOW });
      expect(read.status === "found" && Buffer.compare(read.bytes, pdfFile())).toBe(0);
    }
  });

  it("refuses a document whose master key is no longer configured", async () => {
    const person = await createSignedInPerson();
    const documentId = await upload(person);
    vi.stubEnv("DOCUMENT_MASTER_KEYS", `other:${key()}`);
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await readDocumentContent(getDb(), { actor: person.actor, documentId, purpose: "open", now: NOW })).toEqual({ status: "refused" });
  });
});
