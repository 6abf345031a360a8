import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { renderReceiptForFlow } from "@/lib/enrolment/opposition";

/** The receipt of the opposition recorded in this browser's flow; anyone else gets a 404. */
export async function GET() {
  const pdf = await renderReceiptForFlow(await readFlowToken(), new Date());
  if (!pdf) return new Response("Justificatif introuvable ou expiré.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'attachment; filename="justificatif-opposition-mon-espace-sante.pdf"',
      "Cache-Control": "no-store",
    },
  });
}
