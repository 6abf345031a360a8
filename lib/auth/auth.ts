import "server-only";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getClientAddress } from "@/lib/http/client-address";
import { baseAuthConfig } from "./auth.config";
import { type RefusedLoginCode, verifyLoginCode } from "./login";
import { proSanteConnectProvider, proSanteConnectSettings, proSanteConnectSignIn } from "./pro-sante-connect";

/**
 * A refused code, carried out of Auth.js to the login action so that the page can say why
 * (wrong code and tries left, lock, expiry). Its `code` never reaches a URL: the action signs in
 * without Auth.js' redirect.
 */
export class LoginCodeRefused extends CredentialsSignin {
  readonly result: RefusedLoginCode;

  constructor(result: RefusedLoginCode) {
    super();
    this.result = result;
    this.code = result.status;
  }
}

const credentialsSchema = z.object({
  challengeToken: z.string().min(1).max(200),
  code: z.string().max(20),
  /** Which login page signs in: a professional's attempt opens nothing from /connexion, nor a patient's from /pro. */
  kind: z.enum(["patient", "professional"]).default("patient"),
});

/**
 * Auth.js with a credentials provider that opens a session only for a verified one-time code
 * (the password was checked at the previous step, which bound this login attempt,
 * `challengeToken` from an HttpOnly cookie, to the account), and, when configured, Pro Santé
 * Connect for /pro (lib/auth/pro-sante-connect.ts).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = baseAuthConfig();
  const psc = proSanteConnectSettings();
  return {
    ...base,
    providers: [
      Credentials({
        id: "credentials",
        credentials: { challengeToken: {}, code: {}, kind: {} },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new LoginCodeRefused({ status: "attempt-expired" });
          const { kind, ...attempt } = parsed.data;
          const context = { clientAddress: await getClientAddress(), now: new Date(), userAgent: request.headers.get("user-agent") };
          const result = await verifyLoginCode(attempt, context, { kind });
          if (result.status !== "verified") throw new LoginCodeRefused(result);
          return { id: result.sessionId };
        },
      }),
      ...(psc ? [proSanteConnectProvider(psc)] : []),
    ],
    callbacks: {
      ...base.callbacks,
      async signIn(params) {
        return proSanteConnectSignIn(params, { userAgent: (await headers()).get("user-agent") });
      },
    },
  };
});
