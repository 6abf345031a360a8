import type { documentAuthorKindEnum } from "@/db/schema/documents";

export type DocumentAuthorKind = (typeof documentAuthorKindEnum.enumValues)[number];

/** What the patient (or whoever acts for them) may do with one document of their record. */
export type DocumentCapabilities = {
  /** Rename, re-date, re-categorise. */
  mayEdit: boolean;
  mayDelete: boolean;
  /** "Masquer aux professionnels" / "Rendre visible": any document, whoever added it. */
  mayChangeVisibility: boolean;
  mayPin: boolean;
  mayMove: boolean;
  /** "Signaler un problème": once per document. */
  mayReport: boolean;
};

/**
 * The one place that decides what the patient may do with a document, from who added it and
 * whether it was already reported (reference mes-data-model §1.6): their own uploads are theirs
 * to edit and delete; a document from a professional, an establishment, the insurer or the
 * service may only be masked, pinned, moved or reported.
 */
export function documentCapabilities(document: {
  authorKind: DocumentAuthorKind;
  reportedAt: Date | null;
}): DocumentCapabilities {
  const isOwnUpload = document.authorKind === "patient";
  return {
    mayEdit: isOwnUpload,
    mayDelete: isOwnUpload,
    mayChangeVisibility: true,
    mayPin: true,
    mayMove: true,
    mayReport: document.reportedAt === null,
  };
}

const AUTHOR_PHRASES: Record<Exclude<DocumentAuthorKind, "patient">, string> = {
  professional: "un professionnel de santé",
  establishment: "un établissement de santé",
  insurer: "l'Assurance Maladie",
  service: "Mon espace santé",
};

/**
 * The notice a document from someone else carries (SPEC §6), or null for the patient's own.
 * The author's name follows the kind when it says more ("un professionnel de santé (Dr Anne Leroy)").
 */
export function documentAuthorNotice(document: { authorKind: DocumentAuthorKind; authorName: string }): string | null {
  if (document.authorKind === "patient") return null;
  const phrase = AUTHOR_PHRASES[document.authorKind];
  const named =
    document.authorKind === "professional" || document.authorKind === "establishment"
      ? `${phrase} (${document.authorName})`
      : phrase;
  return `Ce document a été ajouté par ${named}. Il ne peut pas être modifié ou supprimé.`;
}
