import { notFound } from "next/navigation";
import { findOutboxLetterPdf } from "@/lib/delivery/outbox";
import { isOutboxEnabled } from "@/lib/env";

export const dynamic = "force-dynamic";

/** A postal letter of the local outbox, as the PDF that would be printed and posted. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isOutboxEnabled()) notFound();
  const { id } = await params;
  const pdf = await findOutboxLetterPdf(id);
  if (!pdf) notFound();
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="courrier-${id}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
