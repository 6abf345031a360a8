import "server-only";
import { type SQL, and, eq } from "drizzle-orm";
import { documentFolders, documents } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";

/**
 * The one rule of which documents a request reaches: the subject's own, except, for a legal
 * representative, those their author made invisible to legal representatives (a minor's secret
 * care, SPEC §6 "Mes proches"). Anything else is not found, exactly like a missing document.
 */
export function isReachableDocument(actor: Actor): SQL {
  const owned = isOwnedBySubject(actor, documents.personId);
  if (actor.subject.basis !== "legal_representative") return owned;
  return and(owned, eq(documents.isHiddenFromLegalRepresentatives, false)) as SQL;
}

/** A folder of the subject's; anyone else's is not found. */
export function isReachableFolder(actor: Actor): SQL {
  return isOwnedBySubject(actor, documentFolders.personId);
}
