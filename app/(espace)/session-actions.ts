"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/access/current-actor";
import { chooseSubject } from "@/lib/access/subject-choice";
import { signOut } from "@/lib/auth/auth";
import { readSessionId } from "@/lib/auth/session-cookie";
import {
  type SessionTiming,
  extendSession,
  findLiveSession,
  logOut,
  logOutEverywhere,
  sessionTimingOf,
} from "@/lib/auth/sessions";
import { submittedForm } from "@/lib/validation";

/*
 * The session's own actions, shared by every page of the space: the header and the idle warning
 * get them as props from the layouts.
 */

/** "Se déconnecter": ends this session on the server, removes the cookie, back to the home page. */
export async function logoutAction(): Promise<void> {
  const sessionId = await readSessionId();
  if (sessionId) await logOut(sessionId, new Date());
  await signOut({ redirect: false });
  redirect("/?deconnexion=ok");
}

/** "Se déconnecter de tous les appareils": ends every session of the signed-in account. */
export async function logoutEverywhereAction(): Promise<void> {
  const now = new Date();
  const live = await findLiveSession(getDb(), await readSessionId(), { now, touch: false });
  if (live) await logOutEverywhere(live.accountId, now);
  await signOut({ redirect: false });
  redirect(live ? "/?deconnexion=partout" : "/?deconnexion=ok");
}

/** Reads the session's deadline without counting as activity. */
export async function readSessionTimingAction(): Promise<SessionTiming | null> {
  const now = new Date();
  return sessionTimingOf(await findLiveSession(getDb(), await readSessionId(), { now, touch: false }), now);
}

/** "Rester connecté": counts as activity, so the idle timeout starts again. */
export async function stayConnectedAction(): Promise<SessionTiming | null> {
  const now = new Date();
  const sessionId = await readSessionId();
  if (!sessionId) return null;
  return sessionTimingOf(await extendSession(getDb(), sessionId, now), now);
}

const profileChoiceSchema = z.object({ personId: z.string().max(100) });

/** "Changer de profil", then a name: opens that space, if this account may; else "not found". */
export async function changeProfileAction(submitted: unknown): Promise<void> {
  const parsed = profileChoiceSchema.safeParse(Object.fromEntries(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) notFound();
  const result = await chooseSubject({ actor, personId: parsed.data.personId, now: new Date() });
  if (result.status === "not-found") notFound();
  // Every segment shows the subject, the kept layouts too: the whole tree renders again.
  revalidatePath("/", "layout");
  redirect("/accueil");
}
