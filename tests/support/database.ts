import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres, useDatabase } from "@/db/client";
import { createDatabase, databaseUrlFor, dropDatabases } from "./postgres-urls";

/** Gives each integration test file a database of its own, copied from the migrated template. */
let handle: DatabaseHandle | undefined;
let databaseName: string | undefined;

beforeAll(async () => {
  if (process.env.TEST_DATABASE === "postgres") {
    databaseName = await createDatabase("mes_test", { template: inject("postgresTemplate") });
    handle = openPostgres(databaseUrlFor(databaseName), { max: 4 });
  } else {
    const dump = new Blob([readFileSync(inject("pgliteTemplate"))]);
    handle = openPglite({ loadDataDir: dump });
  }
  useDatabase(handle);
});

afterAll(async () => {
  await handle?.close();
  if (databaseName) await dropDatabases([databaseName]);
});
