import type { Page } from "@playwright/test";
import { holdCookie, mintSessionCookie } from "../../security/support/credentials";

/**
 * Signs a person in without the login pages, for journeys that begin in the space: the
 * server-side session a verified code opens, in Auth.js' cookie. Logging in through the pages is
 * login.spec.ts's and keyboard-login.spec.ts's journey; elsewhere it would only repeat it.
 */
export async function signIn(page: Page, personId: string): Promise<void> {
  await holdCookie(page, await mintSessionCookie(personId));
}
