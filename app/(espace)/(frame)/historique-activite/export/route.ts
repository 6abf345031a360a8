import { activityCsvFilename, activityCsvHeader, activityCsvLine } from "@/lib/activity/csv";
import { parseActivityQuery } from "@/lib/activity/filters";
import { streamActivity } from "@/lib/activity/history";
import { findActor } from "@/lib/access/current-actor";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * "Exporter (CSV)": the filtered history of the signed-in person, streamed batch by batch so that
 * a long history never sits whole in memory. Nobody else's events can be asked for: the subject
 * comes from the session, never from the request.
 */
export async function GET(request: Request) {
  const actor = await findActor();
  if (!actor) return new Response("Connectez-vous pour exporter votre historique.", { status: 401, headers: NO_STORE });
  const params: Record<string, string> = {};
  // The first value of a repeated parameter, as the page reads it.
  for (const [name, value] of new URL(request.url).searchParams) params[name] ??= value;
  const query = parseActivityQuery(params);
  if (query.status === "invalid") {
    return new Response("Filtres invalides : corrigez-les sur la page Historique d'activité.", { status: 400, headers: NO_STORE });
  }
  const batches = streamActivity({ actor, filters: query.filters });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(activityCsvHeader()));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(activityCsvLine).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${activityCsvFilename(new Date())}"`,
      "X-Content-Type-Options": "nosniff",
      ...NO_STORE,
    },
  });
}
