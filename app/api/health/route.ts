import { pingDatabase } from "@/lib/health/ping";

/** Liveness and database reachability, for load balancers and the test harness. */
export async function GET() {
  await pingDatabase();
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
