import "server-only";
import type { UploadForm } from "@/lib/documents/upload";
import type { UploadOutcome } from "@/lib/documents/upload-request";
import type { SendResult } from "./mailbox";
import { MESSAGE_FIELDS } from "./schemas";

/** What the message forms' fields are called in the domain, and back to the form's names for their errors. */
const FORM_NAME_OF = { subject: MESSAGE_FIELDS.subject, body: MESSAGE_FIELDS.body, attachments: MESSAGE_FIELDS.attachments } as const;

/** The typed fields of a message form, as sendMessage reads them. */
export function messageValuesOf(form: UploadForm): Record<string, unknown> {
  return { subject: form.fields[MESSAGE_FIELDS.subject], body: form.fields[MESSAGE_FIELDS.body] };
}

/**
 * A send's result as the upload path answers it (lib/documents/upload-request.ts): where to go,
 * or the errors on the form's fields with what was typed (never the files).
 */
export function messageUploadOutcome(result: SendResult, form: UploadForm, sentLocation: (conversationId: string) => string): UploadOutcome {
  switch (result.status) {
    case "sent":
      return { status: "added", location: sentLocation(result.conversationId) };
    case "not-found":
      return { status: "refused", httpStatus: 404, answer: { status: "error", message: "Cette conversation est introuvable : le message n'a pas été envoyé." } };
    case "closed":
      return {
        status: "refused",
        httpStatus: 409,
        answer: { status: "error", message: "Le professionnel a clos cet échange : vous ne pourrez répondre que lorsqu'il vous aura écrit de nouveau." },
      };
    case "invalid": {
      const fieldErrors = Object.fromEntries(
        Object.entries(result.errors).map(([field, message]) => [FORM_NAME_OF[field as keyof typeof FORM_NAME_OF], message ? [message] : undefined]),
      );
      const values = {
        [MESSAGE_FIELDS.subject]: (form.fields[MESSAGE_FIELDS.subject] ?? "").slice(0, 200),
        [MESSAGE_FIELDS.body]: (form.fields[MESSAGE_FIELDS.body] ?? "").slice(0, 10_000),
      };
      return { status: "refused", httpStatus: 422, answer: { status: "error", message: "Le message n'a pas été envoyé : corrigez les erreurs signalées.", fieldErrors, values } };
    }
  }
}
