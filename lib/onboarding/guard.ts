import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/access/actor";
import { requireActor } from "@/lib/access/current-actor";

/**
 * The gate of every page of the space's frame: a signed-in actor (else /connexion) whose subject
 * is done with the first-login questionnaire (else /questionnaire). Cached per request, so the
 * layout and the page it wraps share one check.
 */
export const requireOnboardedActor = cache(async (): Promise<Actor> => {
  const actor = await requireActor();
  // Read with the session in the same query (lib/auth/sessions.ts findLiveSession): no query of its own.
  if (!actor.subject.hasCompletedQuestionnaire) redirect("/questionnaire");
  return actor;
});
