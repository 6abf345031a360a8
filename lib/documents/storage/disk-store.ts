import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DocumentStore, StoredObject } from "./types";

/** Keys are ids we generate ([0-9a-f-]): nothing else may become a path. */
const SAFE_KEY = /^[0-9a-f-]{36}$/;

/**
 * A folder on disk, objects spread over 256 sub-folders by their first two characters. A write
 * goes to a temporary name first and is renamed into place, so a crash never leaves half an
 * object under a real key.
 */
export function createDiskStore(root: string): DocumentStore {
  const pathOf = (key: string) => {
    if (!SAFE_KEY.test(key)) throw new Error("invalid storage key");
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    kind: "disk",
    async put(_executor, key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomUUID()}.partial`;
      await writeFile(temporary, bytes, { flag: "wx", mode: 0o600 });
      await rename(temporary, target);
    },
    async get(_executor, key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(_executor, key) {
      await rm(pathOf(key), { force: true });
    },
    async *listOlderThan(_executor, before) {
      let folders: string[];
      try {
        folders = await readdir(root);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for (const folder of folders.sort()) {
        const batch: StoredObject[] = [];
        for (const name of (await readdir(path.join(root, folder)).catch(() => [])).sort()) {
          // Partial writes of a crashed upload are listed under their key too: the sweep removes them.
          const key = name.split(".")[0]!;
          if (!SAFE_KEY.test(key)) continue;
          const info = await stat(path.join(root, folder, name)).catch(() => null);
          if (info && info.mtime < before) {
            if (name === key) batch.push({ key, createdAt: info.mtime });
            else await rm(path.join(root, folder, name), { force: true });
          }
        }
        if (batch.length > 0) yield batch;
      }
    },
  };
}
