import "server-only";
import { cookies } from "next/headers";
import { getSettings } from "@/lib/env";
import type { ChallengePurpose } from "./challenges";
import { authRules } from "./rules";

const COOKIE_NAMES: Record<ChallengePurpose, string> = {
  login: "mes_connexion",
  "password-reset": "mes_mot_de_passe_oublie",
};

/** A login attempt's (or reset's) token travels only in an HttpOnly cookie, never in a URL or a form. */
export async function readChallengeToken(purpose: ChallengePurpose): Promise<string | undefined> {
  return (await cookies()).get(COOKIE_NAMES[purpose])?.value;
}

export async function writeChallengeToken(purpose: ChallengePurpose, token: string): Promise<void> {
  (await cookies()).set(COOKIE_NAMES[purpose], token, {
    httpOnly: true,
    sameSite: "lax",
    secure: getSettings().APP_ORIGIN.startsWith("https:"),
    path: "/",
    // The database decides when an attempt ends; the cookie only needs to outlive it.
    maxAge: Math.floor((2 * authRules.challengeLifetimeMs) / 1000),
  });
}

export async function clearChallengeToken(purpose: ChallengePurpose): Promise<void> {
  (await cookies()).delete(COOKIE_NAMES[purpose]);
}
