import { createHash, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { sql } from "../../e2e/support/register";
import { e2eServer } from "../../e2e/support/server";

/**
 * Valid credentials of someone else, made the way the app makes them (a random token whose
 * SHA-256 is stored; Auth.js' sealed JWT around a server-side session), for the replays that
 * carry "another person's cookie". Each is a genuine, live credential: what it must not do is
 * open the victim's data.
 */

/** The cookie each kind of credential travels in (lib/enrolment/flow-cookie.ts, lib/auth/challenge-cookie.ts, Auth.js over http). */
export const CREDENTIAL_COOKIES = {
  flow: "mes_parcours",
  "login-attempt": "mes_connexion",
  "reset-attempt": "mes_mot_de_passe_oublie",
  session: "authjs.session-token",
} as const;

export type Credential = keyof typeof CREDENTIAL_COOKIES;

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

function createOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A live server-side session of `personId` (or of a professional, named by their directory id),
 * in the cookie Auth.js sets after a verified code.
 */
export async function mintSessionCookie(personId: string): Promise<string> {
  const [session] = await sql<{ id: string }[]>`
    insert into sessions (account_id, expires_at, user_agent)
    select id, now() + interval '12 hours', 'attack suite' from accounts where person_id = ${personId} or professional_id = ${personId} returning id`;
  const token = await encode({
    token: { sessionId: session!.id },
    secret: e2eServer.authSecret,
    salt: CREDENTIAL_COOKIES.session,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return `${CREDENTIAL_COOKIES.session}=${token}`;
}

/** The stage an enrolment flow has reached: what its owner proved and chose so far. */
export type FlowStage = { codeVerifiedAt?: Date | null; termsAcceptedAt?: Date | null; contactsConfirmedAt?: Date | null };

/** A live enrolment flow of `personId` at `stage`, in its cookie; contacts start as the register's. */
export async function mintFlowCookie(personId: string, stage: FlowStage = {}): Promise<string> {
  const token = createOpaqueToken();
  await sql`
    insert into enrolment_flows (token_hash, person_id, code_verified_at, terms_accepted_at, contacts_confirmed_at, email, mobile, expires_at)
    select ${hashToken(token)}, id, ${stage.codeVerifiedAt ?? null}, ${stage.termsAcceptedAt ?? null}, ${stage.contactsConfirmedAt ?? null},
           email, mobile, now() + interval '1 hour'
    from insured_persons where id = ${personId}`;
  return `${CREDENTIAL_COOKIES.flow}=${token}`;
}

/** A live login attempt (password accepted) or password reset (identity proved) of `personId`, in its cookie. */
export async function mintChallengeCookie(
  personId: string,
  purpose: "login" | "password-reset",
  { isCodeVerified = false }: { isCodeVerified?: boolean } = {},
): Promise<string> {
  const token = createOpaqueToken();
  await sql`
    insert into auth_challenges (token_hash, account_id, purpose, first_factor_at, code_verified_at, expires_at)
    select ${hashToken(token)}, id, ${purpose}, now(), ${isCodeVerified ? new Date() : null}, now() + interval '30 minutes'
    from accounts where person_id = ${personId} or professional_id = ${personId}`;
  return `${purpose === "login" ? CREDENTIAL_COOKIES["login-attempt"] : CREDENTIAL_COOKIES["reset-attempt"]}=${token}`;
}

/** Gives the browser a credential minted above ("name=value"), as if the app had set its cookie. */
export async function holdCookie(page: Page, cookie: string): Promise<void> {
  const separator = cookie.indexOf("=");
  await page.context().addCookies([
    { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: e2eServer.origin, httpOnly: true, sameSite: "Lax" },
  ]);
}
