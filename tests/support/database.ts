import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres, useDatabase } from "@/db/client";
import { adminDatabaseUrl, databaseUrlFor } from "./postgres-urls";

/** Gives each integration test file a database of its own, copied from the migrated template. */
let handle: DatabaseHandle | undefined;
let databaseName: string | undefined;

beforeAll(async () => {
  if (process.env.TEST_DATABASE === "postgres") {
    databaseName = `mes_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${databaseName} TEMPLATE ${inject("postgresTemplate")}`);
    await admin.end();
    handle = openPostgres(databaseUrlFor(databaseName), { max: 4 });
  } else {
    const dump = new Blob([readFileSync(inject("pgliteTemplate"))]);
    handle = openPglite({ loadDataDir: dump });
  }
  useDatabase(handle);
});

afterAll(async () => {
  await handle?.close();
  if (databaseName) {
    const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
});
