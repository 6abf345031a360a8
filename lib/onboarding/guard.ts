import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/access/actor";
import { requireActor } from "@/lib/access/current-actor";
import { isQuestionnaireCompleted } from "./questionnaire";

/**
 * The gate of every page of the space's frame: a signed-in actor (else /connexion) whose subject
 * is done with the first-login questionnaire (else /questionnaire). Cached per request, so the
 * layout and the page it wraps share one check.
 */
export const requireOnboardedActor = cache(async (): Promise<Actor> => {
  const actor = await requireActor();
  if (!(await isQuestionnaireCompleted({ actor }))) redirect("/questionnaire");
  return actor;
});
