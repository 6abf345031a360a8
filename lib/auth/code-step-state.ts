import type { AuthFormState } from "@/lib/form-state";
import type { SendChallengeCodeResult } from "./challenges";
import type { RefusedLoginCode } from "./login";
import { expiredCodeMessage, tooManyAttemptsMessage, wrongCodeMessage } from "./messages";

/** Every answer of a code step (sending or checking, login or password reset) other than success. */
export type CodeStepRefusal = Exclude<SendChallengeCodeResult, { status: "sent" }> | RefusedLoginCode;

/**
 * What the code step's form shows for a refusal; null when the attempt itself is over, and the
 * person must start again from the step before (each flow has its own page for that).
 */
export function stateOfCodeResult(result: CodeStepRefusal): AuthFormState | null {
  switch (result.status) {
    case "attempt-expired":
      return null;
    case "rate-limited":
      return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds) };
    case "locked":
      return { status: "error", lockedUntil: result.lockedUntil.toISOString() };
    case "channel-unavailable":
      return {
        status: "error",
        fieldErrors: { channel: ["Ce moyen de réception n'est pas disponible pour votre compte : choisissez-en un autre."] },
      };
    case "wrong-code":
      return { status: "error", fieldErrors: { code: [wrongCodeMessage(result.remainingAttempts)] } };
    case "code-expired":
      return { status: "error", fieldErrors: { code: [expiredCodeMessage] } };
  }
}
