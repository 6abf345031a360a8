"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findProfessionalActor } from "@/lib/access/current-actor";
import { signOut } from "@/lib/auth/auth";
import { readSessionId } from "@/lib/auth/session-cookie";
import { type SessionTiming, extendSession, findLiveProfessionalSession, logOut, sessionTimingOf } from "@/lib/auth/sessions";

/** "Se déconnecter" on /pro: ends this professional session on the server, removes the cookie. */
export async function proLogoutAction(): Promise<void> {
  const actor = await findProfessionalActor();
  if (actor) await logOut(actor.session.id, new Date());
  await signOut({ redirect: false });
  redirect("/pro/connexion?motif=deconnexion");
}

/** The idle warning of /pro: the professional session's deadline, read without counting as activity. */
export async function readProSessionTimingAction(): Promise<SessionTiming | null> {
  const now = new Date();
  return sessionTimingOf(await findLiveProfessionalSession(getDb(), await readSessionId(), { now, touch: false }), now);
}

/** "Rester connecté" on /pro: counts as activity, for a professional's session only. */
export async function stayConnectedProAction(): Promise<SessionTiming | null> {
  const now = new Date();
  const live = await findLiveProfessionalSession(getDb(), await readSessionId(), { now, touch: false });
  if (!live) return null;
  return sessionTimingOf(await extendSession(getDb(), live.sessionId, now, { kind: "professional" }), now);
}
