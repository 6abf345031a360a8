import { type SQL, sql } from "drizzle-orm";
import { boolean, customType, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { id, instant, lifecycleDates } from "./columns";
import { professionals } from "./professionals";
import { insuredPersons } from "./register";
import { foldedSql } from "./text-folding";

/**
 * Raw bytes; drizzle has no built-in bytea column. The drivers' bytes are viewed, not copied (a
 * document's object is up to 5 MB): postgres.js gives a Buffer of its own, PGlite a Uint8Array.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value),
});

/**
 * The DMP's document categories, by their codes (reference mes-data-model §1.3). The first nine
 * the patient may choose; "SYNTH_PML" (Synthèse médicale) and "DIR_ANT" (Directives anticipées)
 * are set by the service. Labels live in lib/documents.
 */
export const documentCategoryEnum = pgEnum("document_category", [
  "SYNTHESE",
  "ORD_SOIN",
  "RADIO_SC",
  "BIOLOGIE",
  "CPT_REND",
  "DEPISTAG",
  "CERT_MED",
  "DOC_ADM",
  "AUTR_DOC",
  "SYNTH_PML",
  "DIR_ANT",
]);

/**
 * Who added a document: the patient (or whoever acts for them), a health professional, an
 * establishment, the insurer (Assurance Maladie) or the service itself (Mon espace santé). What the
 * patient may do with it follows from this (lib/documents).
 */
export const documentAuthorKindEnum = pgEnum("document_author_kind", [
  "patient",
  "professional",
  "establishment",
  "insurer",
  "service",
]);

/** Where a document's encrypted bytes are kept: chosen by the DOCUMENT_STORAGE setting. */
export const documentStorageEnum = pgEnum("document_storage", ["database", "disk", "s3"]);

/** A person's folder in Documents. Names are unique per person, whatever their case. */
export const documentFolders = pgTable(
  "document_folders",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    /** At most 50 characters. */
    name: text().notNull(),
    ...lifecycleDates,
  },
  (table) => [uniqueIndex("document_folders_person_name_unique").on(table.personId, sql`lower(${table.name})`)],
);

/** A document of a person's record: its metadata and how to find and decrypt its bytes. */
export const documents = pgTable(
  "documents",
  {
    id: id(),
    /** Whose record it belongs to. */
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    /** At most 50 characters for the patient's own uploads. */
    title: text().notNull(),
    /** The title without accents or capitals, kept by the database: what the list searches and sorts by. */
    titleFolded: text().generatedAlwaysAs((): SQL => foldedSql(documents.title)),
    /** "Date du document": a calendar day, never in the future. */
    documentDate: date({ mode: "string" }).notNull(),
    category: documentCategoryEnum().notNull(),
    /**
     * The DMP document type (LOINC or TRE_A05 code, lib/documents/document-types.ts): what the
     * matrice d'habilitations decides on. A patient's upload takes its category's own code.
     */
    typeCode: text().notNull(),
    folderId: uuid().references(() => documentFolders.id, { onDelete: "set null" }),
    authorKind: documentAuthorKindEnum().notNull(),
    /** The account that added it (the patient or their representative); null for other authors. */
    authorAccountId: uuid().references(() => accounts.id),
    /** The professional of the directory who added it; null for other authors. */
    authorProfessionalId: uuid().references(() => professionals.id),
    /** The author's name as shown ("Dr Anne Leroy", "Assurance Maladie", "Mon espace santé"). */
    authorName: text().notNull(),
    /** The author's name folded like the title: the order "Ajouté par". */
    authorNameFolded: text().generatedAlwaysAs((): SQL => foldedSql(documents.authorName)),
    /** The type read from the bytes, one of lib/documents' accepted types. */
    mediaType: text().notNull(),
    /** Plaintext size in bytes. */
    byteSize: integer().notNull(),
    /** "Masquer aux professionnels". */
    isHiddenFromProfessionals: boolean().notNull().default(false),
    /** Set by the author of a minor's document; the patient's interface has no control for it. */
    isHiddenFromLegalRepresentatives: boolean().notNull().default(false),
    pinnedAt: instant(),
    /** "Signaler un problème": once per document. */
    reportedAt: instant(),
    /** What the patient said was wrong, kept with the report for the support team. */
    reportReason: text(),
    uploadedAt: instant().notNull().defaultNow(),
    // Envelope encryption (AES-256-GCM): the bytes are encrypted with a data key of their own,
    // which is kept here wrapped by the master key `masterKeyId`.
    storage: documentStorageEnum().notNull(),
    /** The object's key in its store. */
    storageKey: text().notNull(),
    masterKeyId: text().notNull(),
    wrappedDataKey: bytea().notNull(),
    ...lifecycleDates,
  },
  (table) => [
    index("documents_person_uploaded_index").on(table.personId, table.uploadedAt.desc(), table.id),
    index("documents_person_folder_index").on(table.personId, table.folderId),
    index("documents_master_key_index").on(table.masterKeyId),
    uniqueIndex("documents_storage_key_unique").on(table.storage, table.storageKey),
  ],
);

/** The "database" store: encrypted objects kept in PostgreSQL (the default; works on PGlite). */
export const documentObjects = pgTable("document_objects", {
  key: text().primaryKey(),
  bytes: bytea().notNull(),
  createdAt: instant().notNull().defaultNow(),
});

/** A person's document preferences: "Masquer aux professionnels" by default for new documents. */
export const documentSettings = pgTable("document_settings", {
  personId: uuid()
    .primaryKey()
    .references(() => insuredPersons.id),
  hideNewDocumentsFromProfessionals: boolean().notNull().default(false),
  ...lifecycleDates,
});
