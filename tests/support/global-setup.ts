import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { openPglite, openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { adminDatabaseUrl, databaseUrlFor } from "./postgres-urls";

/**
 * Migrates one template per run; each test file then starts from a copy of it
 * (CREATE DATABASE … TEMPLATE on PostgreSQL, a data-folder dump on PGlite).
 */
export default async function setup(project: TestProject) {
  const kind = project.name;
  if (kind === "postgres") {
    const template = `mes_template_${process.pid}`;
    const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template}`);
    await admin.unsafe(`CREATE DATABASE ${template}`);
    const handle = openPostgres(databaseUrlFor(template), { max: 1 });
    await migrateDatabase(handle);
    await handle.close();
    project.provide("postgresTemplate", template);
    return async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  if (kind === "pglite") {
    const handle = openPglite();
    await migrateDatabase(handle);
    const client = (handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
    const dump = await client.dumpDataDir("none");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mes-pglite-")), "template.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    project.provide("pgliteTemplate", file);
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
    pgliteTemplate: string;
  }
}
