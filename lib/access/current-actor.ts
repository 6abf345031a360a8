import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { CURRENT_PATH_HEADER, safeCallbackPath } from "@/lib/auth/callback-path";
import { readSessionId } from "@/lib/auth/session-cookie";
import { findLiveProfessionalSession, findLiveSession } from "@/lib/auth/sessions";
import { type Actor, type ProfessionalActor, actorOf, professionalActorOf } from "./actor";

/**
 * The actor behind this request's session, or null: no session cookie, or a session revoked,
 * idle for 15 minutes, older than 12 hours, or whose account may open no space. One indexed
 * query, computed once per request (React cache) however many components ask; it records
 * activity at most once a minute.
 */
export const findActor = cache(async (): Promise<Actor | null> => {
  const live = await findLiveSession(getDb(), await readSessionId(), { now: new Date(), touch: true });
  return live ? actorOf(live) : null;
});

/** The path this request asked for, as the proxy recorded it, to come back to after logging in. */
export async function readCurrentPath(): Promise<string> {
  return safeCallbackPath((await headers()).get(CURRENT_PATH_HEADER));
}

/** The actor of this request; anyone else is sent to the login page, and back here afterwards. */
export async function requireActor(): Promise<Actor> {
  const actor = await findActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(await readCurrentPath())}`);
  return actor;
}

/**
 * The professional behind this request's session (/pro), or null: no session, a patient's
 * session, or one revoked, idle or too old. The same one indexed query as findActor, once per request.
 */
export const findProfessionalActor = cache(async (): Promise<ProfessionalActor | null> => {
  const live = await findLiveProfessionalSession(getDb(), await readSessionId(), { now: new Date(), touch: true });
  return live ? professionalActorOf(live) : null;
});

/** The professional of this request; anyone else (a patient's session included) is sent to /pro/connexion. */
export async function requireProfessional(): Promise<ProfessionalActor> {
  const actor = await findProfessionalActor();
  if (!actor) redirect("/pro/connexion");
  return actor;
}
