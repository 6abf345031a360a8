import { findProfessionalActor } from "@/lib/access/current-actor";
import { handleUploadBy } from "@/lib/documents/upload-request";
import { depositDocument } from "@/lib/professional-access/deposit";
import { PRO_DEPOSIT_FIELDS, PRO_DOCUMENT_ADDED_STATUS, proAddDocumentPath, proPatientPath } from "@/lib/professional-access/paths";
import { isUuid } from "@/lib/validation";

/** The deposit's fields as depositDocument names them, and back to the form's names for its errors. */
const FORM_NAME_OF = { title: PRO_DEPOSIT_FIELDS.title, documentDate: PRO_DEPOSIT_FIELDS.date, typeCode: PRO_DEPOSIT_FIELDS.category, file: PRO_DEPOSIT_FIELDS.file } as const;

/**
 * "Ajouter un document" on /pro: the form's multipart post, read by the one upload path
 * (lib/documents/upload-request.ts, its streaming limit) for the professional's session; every
 * rule of the deposit is depositDocument's (lib/professional-access/deposit.ts).
 */
export async function POST(request: Request) {
  // The form's page, for the JavaScript-less answer; the patient is named by the form, checked by depositDocument.
  const url = new URL(request.url);
  const named = url.searchParams.get(PRO_DEPOSIT_FIELDS.patient);
  return handleUploadBy(request, findProfessionalActor, {
    formPath: named && isUuid(named) ? proAddDocumentPath(named) : "/pro",
    store: async (actor, form, now) => {
      const personId = form.fields[PRO_DEPOSIT_FIELDS.patient] ?? "";
      const result = await depositDocument({
        actor,
        personId,
        values: {
          title: form.fields[PRO_DEPOSIT_FIELDS.title],
          documentDate: form.fields[PRO_DEPOSIT_FIELDS.date],
          typeCode: form.fields[PRO_DEPOSIT_FIELDS.category],
        },
        file: form.file,
        now,
      });
      if (result.status === "not-found") {
        return { status: "refused", httpStatus: 404, answer: { status: "error", message: "Ce dossier est introuvable : le document n'a pas été ajouté." } };
      }
      if (result.status === "invalid") {
        const fieldErrors = Object.fromEntries(
          Object.entries(result.errors).map(([field, message]) => [FORM_NAME_OF[field as keyof typeof FORM_NAME_OF], message ? [message] : undefined]),
        );
        const values = {
          [PRO_DEPOSIT_FIELDS.title]: form.fields[PRO_DEPOSIT_FIELDS.title] ?? "",
          [PRO_DEPOSIT_FIELDS.date]: form.fields[PRO_DEPOSIT_FIELDS.date] ?? "",
          [PRO_DEPOSIT_FIELDS.category]: form.fields[PRO_DEPOSIT_FIELDS.category] ?? "",
        };
        return {
          status: "refused",
          httpStatus: 422,
          answer: { status: "error", message: "Le document n'a pas été ajouté : corrigez les erreurs signalées.", fieldErrors, values },
        };
      }
      return { status: "added", location: `${proPatientPath(personId)}?statut=${PRO_DOCUMENT_ADDED_STATUS}` };
    },
  });
}
