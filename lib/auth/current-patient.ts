import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { displayName, usualFirstName } from "@/lib/register/person-name";
import { auth } from "./auth";
import { CURRENT_PATH_HEADER, safeCallbackPath } from "./callback-path";
import { findLiveSession } from "./sessions";

export { logoutAction, logoutEverywhereAction } from "./session-actions";

/** The signed-in insured person, as every page, action and route handler of the space sees them. */
export type CurrentPatient = {
  personId: string;
  sessionId: string;
  firstName: string;
  fullName: string;
};

/**
 * The person behind this request's session, or null: no session cookie, or a session revoked,
 * idle for 15 minutes, or older than 12 hours. Each call records activity (at most one write a
 * minute); within one request the answer is computed once.
 */
export const findCurrentPatient = cache(async (): Promise<CurrentPatient | null> => {
  const session = await auth();
  const live = await findLiveSession(getDb(), session?.sessionId, { now: new Date(), touch: true });
  if (!live) return null;
  return {
    personId: live.subject.personId,
    sessionId: live.sessionId,
    firstName: usualFirstName(live.subject.person),
    fullName: displayName(live.subject.person),
  };
});

/** The path this request asked for, as the proxy recorded it, to come back to after logging in. */
export async function readCurrentPath(): Promise<string> {
  return safeCallbackPath((await headers()).get(CURRENT_PATH_HEADER));
}

/** The signed-in person; anyone else is sent to the login page, and back here afterwards. */
export async function requirePatient(): Promise<CurrentPatient> {
  const patient = await findCurrentPatient();
  if (!patient) redirect(`/connexion?callbackUrl=${encodeURIComponent(await readCurrentPath())}`);
  return patient;
}
