"use server";

import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { auth, signOut } from "./auth";
import { authRules } from "./rules";
import { extendSession, findLiveSession, revokeAllSessions, revokeSession, sessionDeadline } from "./sessions";

/** "Se déconnecter": ends this session on the server, removes the cookie, back to the home page. */
export async function logoutAction(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) await revokeSession(getDb(), session.sessionId, "logout", new Date());
  await signOut({ redirect: false });
  redirect("/?deconnexion=ok");
}

/** "Se déconnecter de tous les appareils": ends every session of the signed-in person. */
export async function logoutEverywhereAction(): Promise<void> {
  const now = new Date();
  const session = await auth();
  const live = await findLiveSession(getDb(), session?.sessionId, { now, touch: false });
  if (live) await revokeAllSessions(getDb(), live.accountId, "logout-everywhere", now);
  await signOut({ redirect: false });
  redirect(live ? "/?deconnexion=partout" : "/?deconnexion=ok");
}

/**
 * How long the session has left if nothing happens, for the idle warning; null once it has
 * ended. A duration rather than an instant: the browser's clock may be wrong.
 */
export type SessionTiming = { remainingMs: number; warningMs: number };

function timingOf(live: { lastActiveAt: Date; expiresAt: Date } | null, now: Date): SessionTiming | null {
  if (!live) return null;
  return { remainingMs: sessionDeadline(live).getTime() - now.getTime(), warningMs: authRules.idleWarningMs };
}

/** Reads the session's deadline without counting as activity. */
export async function readSessionTimingAction(): Promise<SessionTiming | null> {
  const now = new Date();
  const session = await auth();
  return timingOf(await findLiveSession(getDb(), session?.sessionId, { now, touch: false }), now);
}

/** "Rester connecté": counts as activity, so the idle timeout starts again. */
export async function stayConnectedAction(): Promise<SessionTiming | null> {
  const now = new Date();
  const session = await auth();
  if (!session?.sessionId) return null;
  return timingOf(await extendSession(getDb(), session.sessionId, now), now);
}
