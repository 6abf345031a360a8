import "server-only";
import { eq } from "drizzle-orm";
import type { OIDCConfig } from "next-auth/providers";
import { getDb } from "@/db/client";
import { accounts, professionals } from "@/db/schema";
import { recordAccountActivity } from "@/lib/activity/record";
import { type Settings, getSettings } from "@/lib/env";
import { createSession } from "./sessions";

/**
 * Pro Santé Connect (PSC), the national OpenID Connect login of health professionals, as a second
 * way into /pro (docs/decisions/0020-professional-login.md). PSC vouches for who the professional
 * is; the session it opens is OUR server-side session, exactly as the one-time code step opens one.
 */

export const PRO_SANTE_CONNECT_PROVIDER_ID = "pro-sante-connect";

/** The three settings PSC needs, all set or all unset (lib/env.ts checks that). */
export type ProSanteConnectSettings = { issuer: string; clientId: string; clientSecret: string };

export function proSanteConnectSettings(settings: Settings = getSettings()): ProSanteConnectSettings | null {
  const { PSC_ISSUER: issuer, PSC_CLIENT_ID: clientId, PSC_CLIENT_SECRET: clientSecret } = settings;
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : null;
}

/** Whether /pro/connexion offers "Se connecter avec Pro Santé Connect". */
export function isProSanteConnectConfigured(settings: Settings = getSettings()): boolean {
  return proSanteConnectSettings(settings) !== null;
}

export type ProSanteConnectClaims = Record<string, unknown>;

/**
 * The Auth.js OpenID Connect provider of PSC: discovery from the issuer, the ID token's issuer,
 * audience, signature and nonce checked by Auth.js (oauth4webapi), state and PKCE on the callback.
 * The profile Auth.js builds is never a session: the signIn callback opens ours.
 */
export function proSanteConnectProvider({ issuer, clientId, clientSecret }: ProSanteConnectSettings): OIDCConfig<ProSanteConnectClaims> {
  return {
    id: PRO_SANTE_CONNECT_PROVIDER_ID,
    name: "Pro Santé Connect",
    type: "oidc",
    issuer,
    clientId,
    clientSecret,
    checks: ["state", "nonce", "pkce"],
    authorization: { params: { scope: "openid scope_all" } },
    profile(claims) {
      return { id: `psc:${String(claims.sub ?? "")}` };
    },
  };
}

/** An RPPS: 11 digits. PSC's national id of a professional is "8" followed by it. */
const RPPS = /^\d{11}$/;
const NATIONAL_ID = /^8(\d{11})$/;

/** The claims that may carry the professional's national id, most specific first. */
const ID_CLAIMS = ["SubjectNameID", "preferred_username", "sub"] as const;

/**
 * The RPPS of the claims: the first of SubjectNameID, preferred_username, sub that reads as
 * "8" + RPPS (PSC's national id) or as a bare 11-digit RPPS; null when none does.
 */
export function rppsFromClaims(claims: ProSanteConnectClaims): string | null {
  for (const name of ID_CLAIMS) {
    const value = claims[name];
    if (typeof value !== "string") continue;
    const trimmed = value.trim();
    const national = NATIONAL_ID.exec(trimmed);
    if (national?.[1]) return national[1];
    if (RPPS.test(trimmed)) return trimmed;
  }
  return null;
}

export type ProSanteConnectLoginResult =
  | { status: "session-opened"; sessionId: string; accountId: string; isNewAccount: boolean }
  | { status: "unknown-professional" };

/**
 * After PSC vouched for the claims: the professional of the directory with that RPPS, their
 * account (made at their first PSC login, without a password), our server-side session and the
 * login event, in one transaction. Only a professional account is ever found or made here: a
 * patient cannot get a session this way.
 */
export async function openProSanteConnectSession(
  claims: ProSanteConnectClaims,
  { now, userAgent }: { now: Date; userAgent?: string | null },
): Promise<ProSanteConnectLoginResult> {
  const rpps = rppsFromClaims(claims);
  if (!rpps) return { status: "unknown-professional" };
  return getDb().transaction(async (tx): Promise<ProSanteConnectLoginResult> => {
    const [professional] = await tx.select({ id: professionals.id }).from(professionals).where(eq(professionals.rpps, rpps)).limit(1);
    if (!professional) return { status: "unknown-professional" };
    // The professional's account, made at their first PSC login if the directory has them: no password.
    const created = await tx
      .insert(accounts)
      .values({ kind: "professional", professionalId: professional.id, identifier: `psc.${rpps}`, passwordHash: null })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    const [account] = await tx.select().from(accounts).where(eq(accounts.professionalId, professional.id)).for("update").limit(1);
    if (!account || account.kind !== "professional") return { status: "unknown-professional" };
    const isNewAccount = created.length > 0;
    const sessionId = await createSession(tx, { accountId: account.id, userAgent, now });
    await recordAccountActivity(tx, account, { action: "auth.login-succeeded", target: { type: "session", id: sessionId } }, now);
    return { status: "session-opened", sessionId, accountId: account.id, isNewAccount };
  });
}

/** Where a PSC login the directory does not know lands: /pro/connexion says why. */
export const PRO_SANTE_CONNECT_REFUSED_PATH = "/pro/connexion?motif=psc-inconnu";

/**
 * Auth.js' signIn callback, for PSC logins (any other provider passes): Auth.js has checked the ID
 * token (issuer, audience, signature, nonce) and the callback (state, PKCE); the directory decides
 * and our session is opened here, its id put in `user.id` where the credentials provider puts it,
 * for the jwt callback (auth.config.ts) to carry. Refused: Auth.js redirects to the page saying why.
 */
export async function proSanteConnectSignIn(
  { user, account, profile }: { user: { id?: string }; account?: { provider: string } | null; profile?: ProSanteConnectClaims },
  { userAgent }: { userAgent?: string | null },
): Promise<true | string> {
  if (account?.provider !== PRO_SANTE_CONNECT_PROVIDER_ID) return true;
  if (!profile) return PRO_SANTE_CONNECT_REFUSED_PATH;
  const result = await openProSanteConnectSession(profile, { now: new Date(), userAgent });
  if (result.status !== "session-opened") return PRO_SANTE_CONNECT_REFUSED_PATH;
  user.id = result.sessionId;
  return true;
}
