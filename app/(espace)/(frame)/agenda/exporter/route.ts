import { findActor } from "@/lib/access/current-actor";
import { exportAgenda } from "@/lib/agenda/feeds";
import { calendarHeaders } from "@/lib/agenda/ics";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** « Exporter mon agenda (.ics) »: the subject's appointments and reminders, as one file. */
export async function GET() {
  const actor = await findActor();
  if (!actor) return new Response("Connectez-vous pour exporter votre agenda.", { status: 401, headers: PLAIN });
  return new Response(await exportAgenda({ actor, now: new Date() }), { headers: calendarHeaders("agenda-mon-espace-sante.ics") });
}
