import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The server actions the build under test exposes, from Next.js' own server-reference
 * manifest: every exported function of a "use server" module that a page or a client component
 * imports becomes a public POST endpoint, listed there with its id, whether or not a form uses it.
 */
export type BuiltAction = { id: string; name: string };

type ServerReferenceManifest = { node: Record<string, { filename: string; exportedName: string }> };

/** Where `next build` wrote the app: next.config.mjs reads the same variable. */
const distDir = process.env.NEXT_DIST_DIR || ".next";

let cached: BuiltAction[] | undefined;

/** Every server action of the build, named "<source file>#<export>". */
export function listBuiltActions(): BuiltAction[] {
  if (!cached) {
    const file = path.join(distDir, "server", "server-reference-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as ServerReferenceManifest;
    cached = Object.entries(manifest.node).map(([id, entry]) => ({ id, name: `${entry.filename}#${entry.exportedName}` }));
  }
  return cached;
}

export function actionIdOf(name: string): string {
  const action = listBuiltActions().find((candidate) => candidate.name === name);
  if (!action) throw new Error(`the build exposes no server action named ${name}`);
  return action.id;
}
