import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { AccountKind, RepresentationBasis } from "@/db/schema";
import { auth } from "@/lib/auth/auth";
import { CURRENT_PATH_HEADER, safeCallbackPath } from "@/lib/auth/callback-path";
import { type LiveSession, findLiveSession } from "@/lib/auth/sessions";
import { displayName, usualFirstName } from "@/lib/register/person-name";

/**
 * Who is asking, and for whom, in this request: the signed-in account (who acts) and the
 * subject, the person whose space this request opens (whose data it is). The two differ when a
 * parent opens a child's space, a caregiver a helped person's, or (later) a professional a
 * patient's. Every domain function that reads or writes personal data takes it and scopes its
 * query to `subject.personId`; the subject was reached through a live representation, checked by
 * the one query that found the session (lib/auth/sessions.ts findLiveSession).
 * See docs/decisions/0009-actor-model.md.
 */
export type Actor = {
  account: { id: string; kind: AccountKind };
  session: { id: string };
  subject: {
    personId: string;
    fullName: string;
    firstName: string;
    /** On what ground the account opens this space: "on whose behalf" for the activity history. */
    basis: RepresentationBasis;
    representationId: string;
  };
};

/** The actor of a live session, as the domain sees it. */
export function actorOf(live: LiveSession): Actor {
  const { subject } = live;
  return {
    account: { id: live.accountId, kind: live.accountKind },
    session: { id: live.sessionId },
    subject: {
      personId: subject.personId,
      fullName: displayName(subject.person),
      firstName: usualFirstName(subject.person),
      basis: subject.basis,
      representationId: subject.representationId,
    },
  };
}

/**
 * The actor behind this request's session, or null: no session cookie, or a session revoked,
 * idle for 15 minutes, older than 12 hours, or whose account may open no space. One indexed
 * query, computed once per request (React cache) however many components ask; it records
 * activity at most once a minute.
 */
export const findActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const live = await findLiveSession(getDb(), session?.sessionId, { now: new Date(), touch: true });
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
