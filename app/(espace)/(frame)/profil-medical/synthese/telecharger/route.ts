import { findActor } from "@/lib/access/current-actor";
import { contentDisposition } from "@/lib/http/content-disposition";
import { downloadMedicalSynthesis } from "@/lib/medical-profile/synthesis";
import { SYNTHESIS_FIELDS, parseSynthesisSections } from "@/lib/medical-profile/synthesis-form";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * "Télécharger la synthèse (PDF)": the chosen sections (`?rubrique=…`, repeated) of the signed-in
 * subject's profile, as an attachment. The subject comes from the session, never from the request.
 */
export async function GET(request: Request) {
  const actor = await findActor();
  if (!actor) return new Response("Connectez-vous pour télécharger votre synthèse.", { status: 401, headers: PLAIN });
  const sections = parseSynthesisSections(new URL(request.url).searchParams.getAll(SYNTHESIS_FIELDS.sections));
  if (sections.status === "invalid") {
    return new Response(`${sections.fieldErrors[SYNTHESIS_FIELDS.sections]?.[0] ?? ""} Revenez à la page « Partager une synthèse ».`, { status: 400, headers: PLAIN });
  }
  const { bytes, filename } = await downloadMedicalSynthesis({ actor, sections: sections.sections, now: new Date() });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition("attachment", filename),
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
