import { expect, type Page } from "@playwright/test";
import type { TestAccount } from "../../e2e/support/accounts";
import { send, setCookiesOf } from "./http";
import { createClientAddress } from "../../e2e/support/test";
import { actionIdOf } from "./manifest";
import { adoptCookies, type CapturedAction, captureActionPost, outcomeOf, parseSetCookie, replayOf } from "./replay";

/** The three posts of a login, captured from the real pages: password, "Recevoir mon code", "Valider". */
export type LoginCaptures = { password: CapturedAction; sendCode: CapturedAction; verifyCode: CapturedAction };

const LOGIN_ATTEMPT_COOKIE = "mes_connexion";

/**
 * Logs in through the pages up to the code, capturing each post (the password's and the send's
 * are then replayed so that the browser moves on). The captures carry this browser's cookies.
 */
export async function captureLoginActions(page: Page, account: TestAccount): Promise<LoginCaptures> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": createClientAddress() });
  await page.goto("/connexion");
  await page.getByRole("textbox", { name: "Identifiant" }).fill(account.identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
  const password = await captureActionPost(page, actionIdOf("app/(auth)/connexion/actions.ts#loginPasswordAction"), () =>
    page.getByRole("button", { name: "Se connecter" }).click(),
  );
  await moveOn(page, password);

  await page.getByRole("radio", { name: "Par e-mail" }).check();
  const sendCode = await captureActionPost(page, actionIdOf("app/(auth)/connexion/code/actions.ts#sendLoginCodeAction"), () =>
    page.getByRole("button", { name: "Recevoir mon code" }).click(),
  );
  await moveOn(page, sendCode);

  await page.getByRole("textbox", { name: "Code de connexion" }).fill("000000");
  const verifyCode = await captureActionPost(page, actionIdOf("app/(auth)/connexion/code/actions.ts#verifyLoginCodeAction"), () =>
    page.getByRole("button", { name: "Valider" }).click(),
  );
  return { password, sendCode, verifyCode };
}

async function moveOn(page: Page, captured: CapturedAction): Promise<void> {
  const response = await send(replayOf(captured));
  const { redirect, result } = outcomeOf(response);
  expect(redirect, `replay of the captured ${captured.path} post (answer: ${JSON.stringify(result)})`).not.toBeNull();
  await adoptCookies(page, setCookiesOf(response));
  await page.goto(redirect!);
}

/** The login attempt a password step opened, as the Cookie header the next steps send; null when it opened none. */
export function loginAttemptCookieOf(setCookies: string[]): string | null {
  const cookie = setCookies.map(parseSetCookie).find((candidate) => candidate.name === LOGIN_ATTEMPT_COOKIE && !candidate.isDeleted);
  return cookie ? `${cookie.name}=${cookie.value}` : null;
}
