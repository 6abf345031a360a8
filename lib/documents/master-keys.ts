import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type DocumentSettings, getDocumentSettings } from "@/lib/env";

/** AES-256: every master key and data key is 32 bytes. */
export const KEY_BYTES = 32;

export type MasterKeyRing = {
  /** The key new data keys are wrapped with: the last one listed. */
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
};

/** "id:base64key,id2:base64key" → the ring; the last pair is current. */
export function parseMasterKeys(text: string): MasterKeyRing {
  const keys = new Map<string, Buffer>();
  let currentId = "";
  for (const pair of text.trim().split(",")) {
    const separator = pair.indexOf(":");
    const id = pair.slice(0, separator).trim();
    const key = Buffer.from(pair.slice(separator + 1).trim(), "base64");
    if (!id || key.byteLength !== KEY_BYTES) throw new Error("each master key must read id:base64key, the key 32 bytes long");
    if (keys.has(id)) throw new Error(`master key id ${id} is listed twice`);
    keys.set(id, key);
    currentId = id;
  }
  if (!currentId) throw new Error("no master key");
  return { currentId, keys };
}

/** A new pair, as an operator would add it (and as development creates its first one). */
export function generateMasterKeyEntry(id = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`): string {
  return `${id}:${randomBytes(KEY_BYTES).toString("base64")}`;
}

/**
 * Development and tests need no configuration: the first use writes a key to the data folder
 * (.data/, never committed) and later runs read it back. Created exclusively ("wx"), so two test
 * workers starting at once end with one key between them.
 */
function readOrCreateKeyFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${generateMasterKeyEntry("dev1")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8");
}

let cached: { source: string; ring: MasterKeyRing } | undefined;

/**
 * The master keys in force: DOCUMENT_MASTER_KEYS, or outside production the data folder's file.
 * Production without them never gets here: the settings refuse to start (lib/env.ts).
 */
export function getMasterKeyRing(settings: DocumentSettings = getDocumentSettings()): MasterKeyRing {
  const source =
    settings.DOCUMENT_MASTER_KEYS ??
    (settings.NODE_ENV === "production"
      ? (() => {
          throw new Error("DOCUMENT_MASTER_KEYS is required in production");
        })()
      : readOrCreateKeyFile(settings.DOCUMENT_MASTER_KEYS_FILE));
  if (cached?.source !== source) cached = { source, ring: parseMasterKeys(source) };
  return cached.ring;
}
