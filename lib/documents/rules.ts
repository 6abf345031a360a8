/** The limits of Documents (reference mes-data-model §1.1, §1.2): every message takes its numbers from here. */
export const documentRules = {
  /** "Titre" of a document. */
  titleMaxLength: 50,
  /** A folder's name. */
  folderNameMaxLength: 50,
  /** What the patient writes with « Signaler un problème ». */
  reportReasonMaxLength: 1000,
  /** Documents on one page of the list: the page stays light with a thousand documents. */
  pageSize: 50,
  /** "Mes derniers documents" on Accueil (SPEC §6). */
  latestCount: 5,
} as const;
