import { readCalendarFeed } from "@/lib/agenda/feeds";
import { calendarHeaders } from "@/lib/agenda/ics";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * The private subscription address a phone's calendar reads: no session, the token alone
 * (lib/agenda/feeds.ts). An unknown, renewed or lapsed token is "not found", like any wrong address.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const calendar = await readCalendarFeed({ token: (await params).token, now: new Date() });
  if (calendar === null) return new Response("Cette adresse d'abonnement n'existe pas ou a été renouvelée.", { status: 404, headers: PLAIN });
  return new Response(calendar, { headers: calendarHeaders(null) });
}
