/** The addresses of Documents, one place for pages, links and redirects. */
export const DOCUMENTS_PATH = "/documents";
export const ADD_DOCUMENT_PATH = "/documents/ajouter";
export const FOLDERS_PATH = "/documents/dossiers";

export function documentPath(documentId: string): string {
  return `${DOCUMENTS_PATH}/${documentId}`;
}

/** Where an upload leads: the new document's page, which says it was added. */
export const ADDED_STATUS = "ajoute";

export function addedDocumentPath(documentId: string): string {
  return `${documentPath(documentId)}?statut=${ADDED_STATUS}`;
}

/** The file, shown inline (the preview frame) — served by the file route (lib/documents content). */
export function documentFilePath(documentId: string): string {
  return `${documentPath(documentId)}/fichier`;
}

/** The same file as a download ("Télécharger"). */
export function documentDownloadPath(documentId: string): string {
  return `${documentFilePath(documentId)}?telechargement=1`;
}
