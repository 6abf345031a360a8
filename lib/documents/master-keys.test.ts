import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDocumentSettings } from "@/lib/env";
import { generateMasterKeyEntry, getMasterKeyRing, parseMasterKeys } from "./master-keys";

describe("the documents' master keys", () => {
  it("reads id:key pairs, the last one current", () => {
    const first = generateMasterKeyEntry("2025");
    const second = generateMasterKeyEntry("2026");
    const ring = parseMasterKeys(`${first},${second}`);
    expect(ring.currentId).toBe("2026");
    expect([...ring.keys.keys()]).toEqual(["2025", "2026"]);
    expect(() => parseMasterKeys(`${first},${first}`)).toThrow(/twice/);
  });

  it("creates one in the data folder on first use outside production, and reads it back afterwards", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mes-keys-")), "sous-dossier", "document-master-keys");
    const settings = { ...getDocumentSettings(), DOCUMENT_MASTER_KEYS: undefined, DOCUMENT_MASTER_KEYS_FILE: file };
    const ring = getMasterKeyRing(settings);
    expect(ring.currentId).toBe("dev1");
    expect(readFileSync(file, "utf8")).toMatch(/^dev1:[A-Za-z0-9+/]{43}=\n$/);
    expect(getMasterKeyRing(settings).keys.get("dev1")).toEqual(ring.keys.get("dev1"));
  });
});
