import "server-only";
import { redirect } from "next/navigation";
import { deliverAfterResponse } from "@/lib/delivery";
import type { AuthFormState, FormState } from "@/lib/form-state";
import { getClientAddress } from "@/lib/http/client-address";
import { type IdentityProof, identityNotMatchedMessage } from "@/lib/register/identity";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";
import { auth, signOut } from "./auth";
import { clearChallengeToken, readChallengeToken, writeChallengeToken } from "./challenge-cookie";
import { sendChallengeCode } from "./challenges";
import { stateOfCodeResult } from "./code-step-state";
import { tooManyAttemptsMessage } from "./messages";
import {
  PATIENT_RECOVERY,
  PROFESSIONAL_RECOVERY,
  type ProfessionalProof,
  type RecoveryPortal,
  completePasswordReset,
  sendIdentifierReminder,
  startPasswordReset,
  verifyPasswordResetCode,
} from "./recovery";
import { codeChannelSchema, newPasswordSchema, oneTimeCodeSchema } from "./schemas";

/**
 * The steps of "Identifiant oublié ?" and "Mot de passe oublié ?" — the proof, sending the code,
 * the code, the new password — the same for both portals, as the login's (login-steps.ts): only
 * the account kind (lib/auth/recovery.ts) and the pages differ.
 */
export type RecoveryPages<Proof> = {
  portal: RecoveryPortal<Proof>;
  /** The first step's page: where an expired reset starts again (with `?motif=demande-expiree`). */
  resetPath: string;
  codePath: string;
  newPasswordPath: string;
  /** Where a changed password lands, told so. */
  changedPath: string;
  /** The answer when the proof matches no account of the portal: never which detail differed. */
  notMatchedMessage: string;
  /** The answer to "Identifiant oublié ?", the same whether the proof matched or not. */
  identifierSentMessage: string;
};

export const PATIENT_RECOVERY_PAGES: RecoveryPages<IdentityProof> = {
  portal: PATIENT_RECOVERY,
  resetPath: "/mot-de-passe-oublie",
  codePath: "/mot-de-passe-oublie/code",
  newPasswordPath: "/mot-de-passe-oublie/nouveau",
  changedPath: "/connexion?motif=mot-de-passe-modifie",
  notMatchedMessage: identityNotMatchedMessage("compte Mon espace santé activé"),
  identifierSentMessage:
    "Si ces informations correspondent à un compte Mon espace santé activé, votre identifiant vient d'être envoyé à l'adresse e-mail enregistrée dans votre compte (ou, à défaut, par SMS au numéro de mobile enregistré). Pensez à vérifier vos courriers indésirables.",
};

export const PROFESSIONAL_RECOVERY_PAGES: RecoveryPages<ProfessionalProof> = {
  portal: PROFESSIONAL_RECOVERY,
  resetPath: "/pro/connexion/mot-de-passe-oublie",
  codePath: "/pro/connexion/mot-de-passe-oublie/code",
  newPasswordPath: "/pro/connexion/mot-de-passe-oublie/nouveau",
  changedPath: "/pro/connexion?motif=mot-de-passe-modifie",
  notMatchedMessage:
    "Ces informations ne correspondent à aucun compte professionnel. Vérifiez votre identifiant et votre numéro RPPS.",
  identifierSentMessage:
    "Si ce numéro RPPS correspond à un compte professionnel, son identifiant vient d'être envoyé à l'adresse e-mail enregistrée pour ce compte (ou, à défaut, par SMS au numéro de mobile enregistré). Pensez à vérifier vos courriers indésirables.",
};

const channelSchema = codeChannelSchema("code de vérification");
const codeSchema = oneTimeCodeSchema("code de vérification");

const expiredPath = (pages: { resetPath: string }) => `${pages.resetPath}?motif=demande-expiree`;

/** "Identifiant oublié ?": the identifier to the contact on file; the same words whether or not the proof matched. */
export async function submitIdentifierReminder<Proof>(pages: RecoveryPages<Proof>, proof: Proof, values: Record<string, string>): Promise<FormState> {
  const result = await sendIdentifierReminder(proof, { clientAddress: await getClientAddress(), now: new Date() }, pages.portal);
  if (result.status === "rate-limited") return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
  // Sent after the answer, so that its duration does not tell whether there was anything to send.
  deliverAfterResponse();
  return { status: "success", message: pages.identifierSentMessage };
}

/** "Mot de passe oublié ?", first step: a proof that matches opens a reset bound to this browser. */
export async function submitPasswordResetStart<Proof>(pages: RecoveryPages<Proof>, proof: Proof, values: Record<string, string>): Promise<FormState> {
  const result = await startPasswordReset(proof, { clientAddress: await getClientAddress(), now: new Date() }, pages.portal);
  if (result.status === "rate-limited") return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
  if (result.status === "not-matched") return { status: "error", message: pages.notMatchedMessage, values };
  await writeChallengeToken("password-reset", result.challengeToken);
  redirect(pages.codePath);
}

/** "Recevoir mon code", "Renvoyer un code": the code of this reset to the chosen contact on file. */
export async function submitResetCodeRequest<Proof>(pages: RecoveryPages<Proof>, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = channelSchema.safeParse({ channel: formData.get("channel") ?? undefined });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await sendChallengeCode(
    await readChallengeToken("password-reset"),
    "password-reset",
    parsed.data.channel,
    { clientAddress: await getClientAddress(), now: new Date() },
    pages.portal.kind,
  );
  if (result.status !== "sent") return stateOfCodeResult(result) ?? redirect(expiredPath(pages));
  deliverAfterResponse();
  redirect(result.isNew && formData.get("resend") === "1" ? `${pages.codePath}?envoi=nouveau` : pages.codePath);
}

/** "Valider": the code sent for this reset; the new password comes next. */
export async function submitResetCode<Proof>(pages: RecoveryPages<Proof>, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = codeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await verifyPasswordResetCode(
    { challengeToken: await readChallengeToken("password-reset"), code: parsed.data.code },
    { clientAddress: await getClientAddress(), now: new Date() },
    pages.portal,
  );
  if (result.status !== "verified") return stateOfCodeResult(result) ?? redirect(expiredPath(pages));
  redirect(pages.newPasswordPath);
}

/** "Changer mon mot de passe". Never returns the passwords: the form starts again empty after an error. */
export async function submitNewPassword<Proof>(pages: RecoveryPages<Proof>, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = newPasswordSchema.safeParse({
    password: formData.get("password") ?? "",
    passwordConfirmation: formData.get("passwordConfirmation") ?? "",
  });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await completePasswordReset(
    { challengeToken: await readChallengeToken("password-reset"), password: parsed.data.password },
    { now: new Date() },
    pages.portal,
  );
  if (result.status === "attempt-expired") redirect(expiredPath(pages));
  if (result.status === "invalid") return { status: "error", fieldErrors: result.fieldErrors };
  await clearChallengeToken("password-reset");
  // Every session of the account was revoked; this browser's cookie, if any, goes too.
  if (await auth()) await signOut({ redirect: false });
  deliverAfterResponse();
  redirect(pages.changedPath);
}
