import type { FormState } from "@/lib/form-state";
import type { DocumentChange } from "./changes";

/** The words of an outcome no field explains. */
export const DOCUMENT_NOT_FOUND_MESSAGE = "Ce document n'existe pas ou n'est plus disponible.";
export const FOLDER_NOT_FOUND_MESSAGE = "Ce dossier n'existe pas ou n'est plus disponible.";

/**
 * What a Documents form shows after its action: the change's outcome in French, with the values
 * typed so that the form refills itself after an error.
 */
export function formStateOf(
  change: DocumentChange,
  { success, refused, notFound = DOCUMENT_NOT_FOUND_MESSAGE, values }: { success?: string; refused?: string; notFound?: string; values?: Record<string, string> },
): FormState {
  switch (change.status) {
    case "done":
      return { status: "success", message: success };
    case "invalid":
      return { status: "error", fieldErrors: change.fieldErrors, values };
    case "not-found":
      return { status: "error", message: notFound, values };
    case "refused":
      return { status: "error", message: refused ?? "Cette action n'est pas possible sur ce document.", values };
  }
}
