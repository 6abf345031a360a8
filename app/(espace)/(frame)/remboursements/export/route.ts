import { findActor } from "@/lib/access/current-actor";
import { statementCsvFilename, statementCsvHeader, statementCsvLine } from "@/lib/reimbursements/csv";
import { parseStatementQuery } from "@/lib/reimbursements/filters";
import { streamStatementLines } from "@/lib/reimbursements/queries";
import { reimbursementScopeOf } from "@/lib/reimbursements/scope";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * "Exporter (CSV)": the filtered statement of the signed-in person (and of the children they
 * represent, a minor's secret care left out), streamed batch by batch so that ten thousand lines
 * never sit whole in memory. Whose lines may be asked for comes from the session, never the request.
 */
export async function GET(request: Request) {
  const actor = await findActor();
  if (!actor) return new Response("Connectez-vous pour exporter vos remboursements.", { status: 401, headers: NO_STORE });
  const now = new Date();
  const scope = await reimbursementScopeOf(actor, { now, includeChildren: true });
  const params: Record<string, string> = {};
  // The first value of a repeated parameter, as the page reads it.
  for (const [name, value] of new URL(request.url).searchParams) params[name] ??= value;
  const query = parseStatementQuery(
    params,
    scope.beneficiaries.map((beneficiary) => beneficiary.personId),
  );
  if (query.status === "invalid") {
    return new Response("Filtres invalides : corrigez-les sur la page Remboursements.", { status: 400, headers: NO_STORE });
  }
  const batches = streamStatementLines({ scope, filters: query.filters });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(statementCsvHeader()));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(statementCsvLine).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${statementCsvFilename(now)}"`,
      "X-Content-Type-Options": "nosniff",
      ...NO_STORE,
    },
  });
}
