import { findActor } from "@/lib/access/current-actor";
import { findAppointment } from "@/lib/agenda/appointments";
import { buildAgendaCalendar, calendarHeaders } from "@/lib/agenda/ics";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** « Exporter ce rendez-vous (.ics) »: one of the subject's appointments; anyone else's is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await findActor();
  if (!actor) return new Response("Connectez-vous pour exporter ce rendez-vous.", { status: 401, headers: PLAIN });
  const appointment = await findAppointment({ actor, id: (await params).id });
  if (!appointment) return new Response("Ce rendez-vous n'existe pas.", { status: 404, headers: PLAIN });
  const now = new Date();
  const calendar = buildAgendaCalendar({ appointments: [appointment], reminders: [], name: "Rendez-vous – Mon espace santé", now });
  return new Response(calendar, { headers: calendarHeaders("rendez-vous.ics") });
}
