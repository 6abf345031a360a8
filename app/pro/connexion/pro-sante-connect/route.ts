import { signIn } from "@/lib/auth/auth";
import { PRO_SANTE_CONNECT_PROVIDER_ID, isProSanteConnectConfigured } from "@/lib/auth/pro-sante-connect";

/**
 * "Se connecter avec Pro Santé Connect": starts the OpenID Connect flow (state, nonce and PKCE
 * cookies, then the redirect to PSC). It takes no input; a link rather than a form, because the
 * CSP's form-action 'self' would stop a form's redirect to PSC. Without PSC configured: not found.
 */
export async function GET(): Promise<Response> {
  if (!isProSanteConnectConfigured()) return new Response("Not Found", { status: 404 });
  // signIn redirects (to PSC) by throwing Next's redirect.
  await signIn(PRO_SANTE_CONNECT_PROVIDER_ID, { redirectTo: "/pro" });
  throw new Error("signIn did not redirect");
}
