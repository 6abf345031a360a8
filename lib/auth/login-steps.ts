import "server-only";
import { redirect } from "next/navigation";
import type { AccountKind } from "@/db/schema";
import { deliverAfterResponse } from "@/lib/delivery";
import type { AuthFormState } from "@/lib/form-state";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";
import { LoginCodeRefused, signIn } from "./auth";
import { safeCallbackPath } from "./callback-path";
import { clearChallengeToken, readChallengeToken, writeChallengeToken } from "./challenge-cookie";
import { sendChallengeCode } from "./challenges";
import { stateOfCodeResult } from "./code-step-state";
import { checkLoginPassword } from "./login";
import { invalidCredentialsMessage, tooManyAttemptsMessage } from "./messages";
import { codeChannelSchema, loginPasswordSchema, oneTimeCodeSchema } from "./schemas";

/**
 * The three steps of a login — password, sending the code, the code — the same for both portals
 * (docs/decisions/0020-professional-login.md): only the account kind they open and their pages differ.
 */
export type LoginPortal = {
  kind: AccountKind;
  /** Where an attempt that expired, or was never started, sends the person back. */
  expiredPath: string;
  /** The code step's page, carrying what the form carried (the patient's way back). */
  codePagePath: (formData: FormData, { isNewCode }: { isNewCode: boolean }) => string;
  /** Where a verified login lands. */
  landingPath: (formData: FormData) => string;
};

export const PATIENT_LOGIN: LoginPortal = {
  kind: "patient",
  expiredPath: "/connexion?motif=tentative-expiree",
  codePagePath: (formData, { isNewCode }) =>
    `/connexion/code?callbackUrl=${encodeURIComponent(safeCallbackPath(formData.get("callbackUrl")))}${isNewCode ? "&envoi=nouveau" : ""}`,
  // Same-origin only: the destination is ours to choose, never Auth.js'.
  landingPath: (formData) => safeCallbackPath(formData.get("callbackUrl")),
};

export const PROFESSIONAL_LOGIN: LoginPortal = {
  kind: "professional",
  expiredPath: "/pro/connexion?motif=tentative-expiree",
  codePagePath: (_formData, { isNewCode }) => `/pro/connexion/code${isNewCode ? "?envoi=nouveau" : ""}`,
  landingPath: () => "/pro",
};

const channelSchema = codeChannelSchema("code de connexion");
const codeSchema = oneTimeCodeSchema("code de connexion");

/** "Se connecter": the identifier and password of an account of the portal's kind; the code step comes next. */
export async function submitLoginPassword(portal: LoginPortal, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const identifier = String(formData.get("identifier") ?? "").trim();
  const values = { identifier };
  const parsed = loginPasswordSchema.safeParse({ identifier, password: formData.get("password") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  const context = { clientAddress: await getClientAddress(), now: new Date() };
  const result = await checkLoginPassword(parsed.data, context, { kind: portal.kind });
  switch (result.status) {
    case "rate-limited":
      return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
    case "invalid-credentials":
      return { status: "error", message: invalidCredentialsMessage(result.failuresLeftBeforeLock), values };
    case "locked":
      // The owner learns of the lock by e-mail or SMS as well: send it once this answer is out.
      deliverAfterResponse();
      return { status: "error", lockedUntil: result.lockedUntil.toISOString(), values };
    case "password-verified":
      await writeChallengeToken("login", result.challengeToken);
      redirect(portal.codePagePath(formData, { isNewCode: false }));
  }
}

/** "Recevoir mon code", "Renvoyer un code": a one-time code to the chosen contact on file. */
export async function submitLoginCodeRequest(portal: LoginPortal, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = channelSchema.safeParse({ channel: formData.get("channel") ?? undefined });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await sendChallengeCode(
    await readChallengeToken("login"),
    "login",
    parsed.data.channel,
    { clientAddress: await getClientAddress(), now: new Date() },
    portal.kind,
  );
  if (result.status !== "sent") return stateOfCodeResult(result) ?? redirect(portal.expiredPath);
  deliverAfterResponse();
  redirect(portal.codePagePath(formData, { isNewCode: result.isNew && formData.get("resend") === "1" }));
}

/** "Valider": Auth.js' credentials provider checks the code and opens a session of the portal's kind only. */
export async function submitLoginCode(portal: LoginPortal, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = codeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const challengeToken = await readChallengeToken("login");
  if (!challengeToken) redirect(portal.expiredPath);
  try {
    await signIn("credentials", { challengeToken, code: parsed.data.code, kind: portal.kind, redirect: false });
  } catch (error) {
    if (error instanceof LoginCodeRefused) return stateOfCodeResult(error.result) ?? redirect(portal.expiredPath);
    throw error;
  }
  await clearChallengeToken("login");
  redirect(portal.landingPath(formData));
}
