import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, documentFolders, documentObjects, documents, documentSettings } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import {
  createFolder,
  deleteDocument,
  deleteFolder,
  moveDocument,
  renameFolder,
  reportDocument,
  setAllDocumentsVisibility,
  setDefaultVisibility,
  setDocumentPinned,
  setDocumentVisibility,
  updateDocumentDetails,
} from "@/lib/documents/changes";
import { type DocumentListFilters, parseDocumentListQuery } from "@/lib/documents/list-query";
import { findDocument, findDocumentPage, findFolders, findLatestDocuments, findVisibilitySummary } from "@/lib/documents/queries";
import { documentRules } from "@/lib/documents/rules";
import { createDocument, createDocumentFolder, createSignedInPerson } from "@/tests/support/factories";

const NOW = new Date("2026-06-10T10:00:00Z");
const ALL: DocumentListFilters = { category: null, folder: null, search: "", sort: "recent" };

async function titlesOf(actor: Actor, filters: Partial<DocumentListFilters> = {}) {
  const page = await findDocumentPage({ actor, filters: { ...ALL, ...filters }, page: 1 });
  return page.documents.map((document) => document.title);
}

async function rowOf(documentId: string) {
  const [row] = await getDb().select().from(documents).where(eq(documents.id, documentId));
  return row;
}

async function actionsOf(personId: string) {
  const rows = await getDb()
    .select({ action: activityEvents.action, group: activityEvents.group, targetType: activityEvents.targetType })
    .from(activityEvents)
    .where(eq(activityEvents.subjectPersonId, personId))
    .orderBy(asc(activityEvents.sequence));
  return rows.filter((row) => row.action.startsWith("documents."));
}

describe("the list of documents", () => {
  it("sorts newest (document date, then upload), oldest, by title and by author, pinned documents first", async () => {
    const { id, actor } = await createSignedInPerson();
    await createDocument(id, { title: "bilan sanguin", documentDate: "2026-01-05", authorName: "Laboratoire Bio" });
    await createDocument(id, { title: "Échographie", documentDate: "2026-03-01", uploadedAt: new Date("2026-03-02T08:00:00Z"), authorName: "Dr Émile Zola" });
    await createDocument(id, { title: "Ordonnance", documentDate: "2026-03-01", uploadedAt: new Date("2026-03-03T08:00:00Z"), authorName: "camille Testeur" });
    await createDocument(id, { title: "Zona, certificat", documentDate: "2025-12-24", authorName: "Assurance Maladie" });

    expect(await titlesOf(actor)).toEqual(["Ordonnance", "Échographie", "bilan sanguin", "Zona, certificat"]);
    expect(await titlesOf(actor, { sort: "ancien" })).toEqual(["Zona, certificat", "bilan sanguin", "Échographie", "Ordonnance"]);
    // Accents and case do not move a title: "Échographie" sorts among the E.
    expect(await titlesOf(actor, { sort: "titre-az" })).toEqual(["bilan sanguin", "Échographie", "Ordonnance", "Zona, certificat"]);
    expect(await titlesOf(actor, { sort: "titre-za" })).toEqual(["Zona, certificat", "Ordonnance", "Échographie", "bilan sanguin"]);
    expect(await titlesOf(actor, { sort: "auteur-az" })).toEqual(["Zona, certificat", "Ordonnance", "Échographie", "bilan sanguin"]);
    expect(await titlesOf(actor, { sort: "auteur-za" })).toEqual(["bilan sanguin", "Échographie", "Ordonnance", "Zona, certificat"]);

    const [zona] = (await findDocumentPage({ actor, filters: { ...ALL, search: "zona" }, page: 1 })).documents;
    expect(await setDocumentPinned({ actor, documentId: zona!.id, isPinned: true, now: NOW })).toEqual({ status: "done" });
    expect(await titlesOf(actor)).toEqual(["Zona, certificat", "Ordonnance", "Échographie", "bilan sanguin"]);
    expect(await titlesOf(actor, { sort: "titre-za" })).toEqual(["Zona, certificat", "Ordonnance", "Échographie", "bilan sanguin"]);
    expect(await titlesOf(actor, { sort: "ancien" })).toEqual(["Zona, certificat", "bilan sanguin", "Échographie", "Ordonnance"]);
  });

  it("searches titles whatever the accents and the case, and takes what is typed literally", async () => {
    const { id, actor } = await createSignedInPerson();
    await createDocument(id, { title: "Échographie abdominale" });
    await createDocument(id, { title: "ECHOGRAPHIE DU COEUR" });
    await createDocument(id, { title: "Radio 100% normale" });
    await createDocument(id, { title: "Radio_genou" });

    expect((await titlesOf(actor, { search: "echo" })).sort()).toEqual(["ECHOGRAPHIE DU COEUR", "Échographie abdominale"]);
    expect(await titlesOf(actor, { search: "ÉCHOGRAPHIE ABD" })).toEqual(["Échographie abdominale"]);
    expect(await titlesOf(actor, { search: "cœur" })).toEqual([]);
    expect(await titlesOf(actor, { search: "%" })).toEqual(["Radio 100% normale"]);
    expect(await titlesOf(actor, { search: "_" })).toEqual(["Radio_genou"]);
    expect(await titlesOf(actor, { search: "scanner" })).toEqual([]);
  });

  it("filters by category and by folder, « Aucun dossier » included, from the query string", async () => {
    const { id, actor } = await createSignedInPerson();
    const folder = await createDocumentFolder(id, "Grossesse");
    await createDocument(id, { title: "Prise de sang", category: "BIOLOGIE", folderId: folder.id });
    await createDocument(id, { title: "Ordonnance", category: "ORD_SOIN" });
    await createDocument(id, { title: "Bilan", category: "BIOLOGIE" });

    const byCategory = parseDocumentListQuery({ categorie: "BIOLOGIE" });
    expect((await titlesOf(actor, byCategory)).sort()).toEqual(["Bilan", "Prise de sang"]);
    expect(await titlesOf(actor, parseDocumentListQuery({ dossier: folder.id }))).toEqual(["Prise de sang"]);
    expect((await titlesOf(actor, parseDocumentListQuery({ dossier: "aucun" }))).sort()).toEqual(["Bilan", "Ordonnance"]);
    expect(await titlesOf(actor, parseDocumentListQuery({ categorie: "BIOLOGIE", dossier: "aucun" }))).toEqual(["Bilan"]);
    // Values no form sends are dropped rather than refused.
    expect(parseDocumentListQuery({ categorie: "DROP TABLE", dossier: "x", tri: "?", page: "-3" })).toEqual({ ...ALL, page: 1 });
  });

  it("shows pages of documentRules.pageSize, and the last page for a page past the end", async () => {
    const { id, actor } = await createSignedInPerson();
    const count = documentRules.pageSize + 3;
    await getDb()
      .insert(documents)
      .values(
        Array.from({ length: count }, (_, index) => ({
          personId: id,
          title: `Document ${String(index).padStart(3, "0")}`,
          documentDate: "2026-01-01",
          category: "AUTR_DOC" as const,
          typeCode: "EXPPAT_2",
          authorKind: "patient" as const,
          authorName: "Camille Testeur",
          mediaType: "text/plain",
          byteSize: 10,
          storage: "database" as const,
          storageKey: randomUUID(),
          masterKeyId: "test",
          wrappedDataKey: new Uint8Array(),
        })),
      );
    const first = await findDocumentPage({ actor, filters: { ...ALL, sort: "titre-az" }, page: 1 });
    expect(first).toMatchObject({ total: count, page: 1, pageCount: 2 });
    expect(first.documents).toHaveLength(documentRules.pageSize);
    const beyond = await findDocumentPage({ actor, filters: { ...ALL, sort: "titre-az" }, page: 9 });
    expect(beyond.page).toBe(2);
    expect(beyond.documents.map((document) => document.title)).toEqual(["Document 050", "Document 051", "Document 052"]);
  });

  it("gives Accueil the five last added", async () => {
    const { id, actor } = await createSignedInPerson();
    for (let index = 1; index <= 7; index += 1) {
      await createDocument(id, { title: `Ajout ${index}`, documentDate: "2020-01-01", uploadedAt: new Date(Date.UTC(2026, 0, index)) });
    }
    expect((await findLatestDocuments({ actor })).map((document) => document.title)).toEqual(["Ajout 7", "Ajout 6", "Ajout 5", "Ajout 4", "Ajout 3"]);
  });
});

describe("what the patient may do with a document, enforced on the server", () => {
  it("lets them edit and delete their own upload, its bytes with it, each with its event", async () => {
    const { id, actor } = await createSignedInPerson();
    const document = await createDocument(id);
    await getDb().insert(documentObjects).values({ key: document.storageKey, bytes: new Uint8Array([1, 2, 3]) });

    expect(
      await updateDocumentDetails({ actor, documentId: document.id, title: "Radio du genou", documentDate: "2026-02-01", category: "RADIO_SC", now: NOW }),
    ).toEqual({ status: "done" });
    expect(await rowOf(document.id)).toMatchObject({ title: "Radio du genou", documentDate: "2026-02-01", category: "RADIO_SC" });

    expect(await deleteDocument({ actor, documentId: document.id, now: NOW })).toEqual({ status: "done" });
    expect(await rowOf(document.id)).toBeUndefined();
    expect(await getDb().select().from(documentObjects).where(eq(documentObjects.key, document.storageKey))).toEqual([]);
    expect(await actionsOf(id)).toEqual([
      { action: "documents.details-changed", group: "health_documents", targetType: "document" },
      { action: "documents.deleted", group: "health_documents", targetType: "document" },
    ]);
  });

  it.each(["professional", "establishment", "insurer", "service"] as const)(
    "refuses to edit or delete a document from the %s, and lets it be masked, pinned, moved and reported",
    async (authorKind) => {
      const { id, actor } = await createSignedInPerson();
      const document = await createDocument(id, { authorKind, authorName: "Dr Anne Leroy" });
      const folder = await createDocumentFolder(id);
      const before = await rowOf(document.id);

      expect(
        await updateDocumentDetails({ actor, documentId: document.id, title: "Autre titre", documentDate: "2026-02-01", category: "AUTR_DOC", now: NOW }),
      ).toEqual({ status: "refused" });
      expect(await deleteDocument({ actor, documentId: document.id, now: NOW })).toEqual({ status: "refused" });
      expect(await rowOf(document.id)).toEqual(before);
      expect(await actionsOf(id)).toEqual([]);

      expect(await setDocumentVisibility({ actor, documentId: document.id, isHidden: true, now: NOW })).toEqual({ status: "done" });
      expect(await setDocumentPinned({ actor, documentId: document.id, isPinned: true, now: NOW })).toEqual({ status: "done" });
      expect(await moveDocument({ actor, documentId: document.id, folderId: folder.id, now: NOW })).toEqual({ status: "done" });
      expect(await reportDocument({ actor, documentId: document.id, reason: "Ce n'est pas moi", now: NOW })).toEqual({ status: "done" });
      expect(await rowOf(document.id)).toMatchObject({ isHiddenFromProfessionals: true, pinnedAt: NOW, folderId: folder.id, reportedAt: NOW });
      const detail = await findDocument({ actor, documentId: document.id });
      expect(detail?.authorNotice).toMatch(/Il ne peut pas être modifié ou supprimé\.$/);
      expect(detail?.capabilities).toMatchObject({ mayEdit: false, mayDelete: false, mayReport: false });
    },
  );

  it("takes one report per document, with its reason", async () => {
    const { id, actor } = await createSignedInPerson();
    const document = await createDocument(id);
    expect(await reportDocument({ actor, documentId: document.id, reason: "Le document est illisible.", now: NOW })).toEqual({ status: "done" });
    expect(await reportDocument({ actor, documentId: document.id, reason: "Encore", now: new Date(NOW.getTime() + 1000) })).toEqual({
      status: "refused",
    });
    expect(await rowOf(document.id)).toMatchObject({ reportedAt: NOW, reportReason: "Le document est illisible." });
    expect((await actionsOf(id)).map((event) => event.action)).toEqual(["documents.reported"]);
  });

  it("masks and shows again, one by one and all at once, and keeps a default for new documents", async () => {
    const { id, actor } = await createSignedInPerson();
    const first = await createDocument(id);
    const second = await createDocument(id, { authorKind: "professional" });

    expect(await setDocumentVisibility({ actor, documentId: first.id, isHidden: true, now: NOW })).toEqual({ status: "done" });
    expect(await findVisibilitySummary({ actor })).toEqual({ hideNewDocumentsFromProfessionals: false, documentCount: 2, hiddenCount: 1 });
    await setAllDocumentsVisibility({ actor, isHidden: true, now: NOW });
    expect((await rowOf(second.id))?.isHiddenFromProfessionals).toBe(true);
    await setAllDocumentsVisibility({ actor, isHidden: false, now: NOW });
    expect([(await rowOf(first.id))?.isHiddenFromProfessionals, (await rowOf(second.id))?.isHiddenFromProfessionals]).toEqual([false, false]);

    await setDefaultVisibility({ actor, hideNewDocuments: true, now: NOW });
    expect((await findVisibilitySummary({ actor })).hideNewDocumentsFromProfessionals).toBe(true);
    // Asking again for what already stands writes nothing.
    await setDefaultVisibility({ actor, hideNewDocuments: true, now: NOW });
    await setDocumentVisibility({ actor, documentId: first.id, isHidden: false, now: NOW });
    expect((await actionsOf(id)).map((event) => event.action)).toEqual([
      "documents.hidden",
      "documents.all-hidden",
      "documents.all-shown",
      "documents.default-visibility-changed",
    ]);
    const [settings] = await getDb().select().from(documentSettings).where(eq(documentSettings.personId, id));
    expect(settings?.hideNewDocumentsFromProfessionals).toBe(true);
  });
});

describe("folders", () => {
  it("are unique per person whatever the case, with a French message on the field", async () => {
    const { id, actor } = await createSignedInPerson();
    const other = await createSignedInPerson();
    expect(await createFolder({ actor, name: "Grossesse", now: NOW })).toEqual({ status: "done" });
    expect(await createFolder({ actor, name: "GROSSESSE", now: NOW })).toEqual({
      status: "invalid",
      fieldErrors: { name: ["Vous avez déjà un dossier portant ce nom : choisissez-en un autre."] },
    });
    // Another person may have a folder of the same name.
    expect(await createFolder({ actor: other.actor, name: "grossesse", now: NOW })).toEqual({ status: "done" });

    const vaccins = await createDocumentFolder(id, "Vaccins");
    expect(await renameFolder({ actor, folderId: vaccins.id, name: "grossesse", now: NOW })).toMatchObject({ status: "invalid" });
    expect(await renameFolder({ actor, folderId: vaccins.id, name: "Vaccinations", now: NOW })).toEqual({ status: "done" });
    expect((await findFolders({ actor })).map((folder) => folder.name)).toEqual(["Grossesse", "Vaccinations"]);
  });

  it("let documents move in and out, and send them back to « Aucun dossier » when deleted", async () => {
    const { id, actor } = await createSignedInPerson();
    const folder = await createDocumentFolder(id, "Genou");
    const document = await createDocument(id);
    expect(await moveDocument({ actor, documentId: document.id, folderId: folder.id, now: NOW })).toEqual({ status: "done" });
    expect(await findFolders({ actor })).toEqual([{ id: folder.id, name: "Genou", documentCount: 1 }]);
    expect((await findDocument({ actor, documentId: document.id }))?.folderName).toBe("Genou");

    expect(await deleteFolder({ actor, folderId: folder.id, now: NOW })).toEqual({ status: "done" });
    expect(await rowOf(document.id)).toMatchObject({ folderId: null });
    expect(await findFolders({ actor })).toEqual([]);
    expect((await actionsOf(id)).map((event) => [event.action, event.targetType])).toEqual([
      ["documents.moved", "document"],
      ["documents.folder-deleted", "document_folder"],
    ]);
  });
});

describe("another person's documents and folders are not found", () => {
  it("for every read and every change, and nothing of theirs changes", async () => {
    const owner = await createSignedInPerson();
    const { id: strangerId, actor: stranger } = await createSignedInPerson();
    const document = await createDocument(owner.id);
    const folder = await createDocumentFolder(owner.id, "Privé");
    const strangersFolder = await createDocumentFolder(strangerId, "À moi");
    const before = await rowOf(document.id);
    const documentId = document.id;

    expect(await findDocument({ actor: stranger, documentId })).toBeNull();
    expect(await titlesOf(stranger)).toEqual([]);
    expect(await findLatestDocuments({ actor: stranger })).toEqual([]);
    expect((await findFolders({ actor: stranger })).map((found) => found.name)).toEqual(["À moi"]);

    const notFound = { status: "not-found" };
    expect(await setDocumentVisibility({ actor: stranger, documentId, isHidden: true, now: NOW })).toEqual(notFound);
    expect(await setDocumentPinned({ actor: stranger, documentId, isPinned: true, now: NOW })).toEqual(notFound);
    expect(await reportDocument({ actor: stranger, documentId, reason: "x", now: NOW })).toEqual(notFound);
    expect(await updateDocumentDetails({ actor: stranger, documentId, title: "x", documentDate: "2026-01-01", category: "AUTR_DOC", now: NOW })).toEqual(
      notFound,
    );
    expect(await moveDocument({ actor: stranger, documentId, folderId: strangersFolder.id, now: NOW })).toEqual(notFound);
    expect(await deleteDocument({ actor: stranger, documentId, now: NOW })).toEqual(notFound);
    expect(await renameFolder({ actor: stranger, folderId: folder.id, name: "Volé", now: NOW })).toEqual(notFound);
    expect(await deleteFolder({ actor: stranger, folderId: folder.id, now: NOW })).toEqual(notFound);
    await setAllDocumentsVisibility({ actor: stranger, isHidden: true, now: NOW });
    // A document of one's own cannot be moved into someone else's folder either.
    const own = await createDocument(strangerId);
    expect(await moveDocument({ actor: stranger, documentId: own.id, folderId: folder.id, now: NOW })).toEqual({
      status: "invalid",
      fieldErrors: { folderId: ["Choisissez un dossier dans la liste."] },
    });
    expect(await setDocumentPinned({ actor: stranger, documentId: "pas-un-id", isPinned: true, now: NOW })).toEqual(notFound);

    expect(await rowOf(document.id)).toEqual(before);
    expect(await getDb().select().from(documentFolders).where(and(eq(documentFolders.id, folder.id), eq(documentFolders.name, "Privé")))).toHaveLength(1);
    expect(await actionsOf(owner.id)).toEqual([]);
  });

  it("keeps a document its author made invisible to legal representatives away from them", async () => {
    const child = await createSignedInPerson();
    const secret = await createDocument(child.id, { authorKind: "professional", isHiddenFromLegalRepresentatives: true, title: "Consultation" });
    const parent: Actor = { ...child.actor, subject: { ...child.actor.subject, basis: "legal_representative" } };
    expect(await findDocument({ actor: parent, documentId: secret.id })).toBeNull();
    expect(await titlesOf(parent)).toEqual([]);
    expect(await setDocumentVisibility({ actor: parent, documentId: secret.id, isHidden: true, now: NOW })).toEqual({ status: "not-found" });
    expect(await findDocument({ actor: child.actor, documentId: secret.id })).not.toBeNull();
  });
});
