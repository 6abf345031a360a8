// npm run db:checksums: records the checksum of every migration that has none yet (run it once,
// right after `npm run db:generate`). It never changes a checksum already recorded: a landed
// migration that no longer matches is an error to fix, by restoring the file, not by recording it.
import { existsSync, writeFileSync } from "node:fs";
import { checksumOf, checksumsFile, listMigrationFiles, readRecordedChecksums } from "../migration-checksums";

const recorded = existsSync(checksumsFile) ? readRecordedChecksums() : {};
const next = { ...recorded };
let changed = 0;
for (const file of listMigrationFiles()) {
  const checksum = checksumOf(file);
  if (!recorded[file]) {
    next[file] = checksum;
    changed += 1;
    console.log(`recorded ${file}`);
  } else if (recorded[file] !== checksum) {
    console.error(`${file} changed since it landed: restore it, and put the change in a new migration.`);
    process.exitCode = 1;
  }
}
if (changed > 0) writeFileSync(checksumsFile, `${JSON.stringify(next, null, 2)}\n`);
if (changed === 0 && !process.exitCode) console.log("every migration already has its checksum");
