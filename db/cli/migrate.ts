import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";

const handle = getDatabaseHandle();
await migrateDatabase(handle);
console.log(`Migrations applied (${handle.kind}).`);
await handle.close();
