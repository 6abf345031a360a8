import type { NextAuthConfig } from "next-auth";
import { getSettings } from "@/lib/env";
import { authRules } from "./rules";

declare module "next-auth" {
  interface Session {
    /** The server-side session (sessions table) this browser holds; checked on every use. */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sessionId?: string;
  }
}

/**
 * Auth.js' session cookie, "__Secure-"-prefixed over HTTPS and split into ".0", ".1"… were it
 * ever longer than a cookie may be. The proxy only asks whether one is there.
 */
const SESSION_COOKIE_NAME = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE_NAME.test(name)) return true;
  return false;
}

/** The cookie's and the JWT's lifetime: the absolute session lifetime, 12 hours. */
export const SESSION_MAX_AGE_SECONDS = Math.floor(authRules.sessionLifetimeMs / 1000);

/**
 * The part of the Auth.js configuration that touches no database: the proxy decodes the session
 * cookie with it alone. The JWT carries nothing but the id of the server-side session, so that
 * revoking that row ends the session at once. Built per call so that the settings are read at
 * run time, not when `next build` loads the module.
 */
export function baseAuthConfig(): NextAuthConfig {
  const settings = getSettings();
  return {
    secret: settings.AUTH_SECRET,
    // The app sits behind our own reverse proxy (or runs alone); links in messages never come from the Host header.
    trustHost: true,
    useSecureCookies: settings.APP_ORIGIN.startsWith("https:"),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/connexion", error: "/connexion" },
    providers: [],
    logger: {
      // A refused code is an expected outcome, answered on the page: no stack trace in the logs.
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
      warn(code) {
        console.warn(`[auth] warning: ${code}`);
      },
      debug() {},
    },
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) return { sessionId: user.id };
        return token;
      },
      session({ session, token }) {
        return { ...session, sessionId: token.sessionId };
      },
    },
  };
}
