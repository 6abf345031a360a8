import { describe, expect, it } from "vitest";
import { checksumOf, listMigrationFiles, readRecordedChecksums } from "@/db/migration-checksums";

describe("committed migrations", () => {
  const recorded = readRecordedChecksums();
  const files = listMigrationFiles();

  it("each have the checksum recorded when they landed (npm run db:checksums)", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !recorded[file])).toEqual([]);
  });

  it("never change once landed: put a change in a new migration", () => {
    const changed = files.filter((file) => recorded[file] && recorded[file] !== checksumOf(file));
    expect(changed).toEqual([]);
  });

  it("are all still there", () => {
    expect(Object.keys(recorded).filter((file) => !files.includes(file))).toEqual([]);
  });
});
