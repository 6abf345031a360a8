import { spawnSync } from "node:child_process";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** Dropping a database is only ever done to the benchmark's own. */
const BENCH_DATABASE_PATTERN = /^mes_bench[a-z0-9_]*$/;

function databaseNameOf(url: string): string {
  const name = new URL(url).pathname.slice(1);
  if (!BENCH_DATABASE_PATTERN.test(name)) {
    throw new Error(`the benchmark drops and recreates its database: "${name}" does not look like one (mes_bench…)`);
  }
  return name;
}

/** Drops and recreates the benchmark's database, then applies the migrations. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const handle = openPostgres(url, { max: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}

/** `npm run db:seed`, the demo register and demo accounts, as a newcomer would load them. */
export function seedDatabase(env: NodeJS.ProcessEnv): void {
  const result = spawnSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run db:seed failed (exit ${result.status ?? result.signal})`);
}

export async function countInsuredPersons(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ total: number }[]>`select count(*)::int as total from insured_persons`;
    return row?.total ?? 0;
  } finally {
    await sql.end();
  }
}
