import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** Liveness and database reachability, for load balancers and the test harness. */
export async function GET() {
  await getDb().execute(sql`select 1`);
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
