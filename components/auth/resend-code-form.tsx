"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { AuthFormAction, AuthFormState } from "@/lib/form-state";
import { LockedNotice } from "./locked-notice";

type ResendCodeFormProps = {
  action: AuthFormAction;
  channel: "email" | "sms";
  /** The other contact on file, if any, to receive the code there instead. */
  otherChannel: { channel: "email" | "sms"; label: string } | null;
  callbackUrl?: string;
};

const idle: AuthFormState = { status: "idle" };

/** "Renvoyer un code": a new code replaces the previous one, on the same channel or the other. */
export function ResendCodeForm({ action, channel, otherChannel, callbackUrl }: ResendCodeFormProps) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <section aria-labelledby="renvoi-code" className="mt-10 border-t border-slate-200 pt-6">
      <h2 id="renvoi-code" className="text-xl font-semibold text-brand-900">
        Vous n&apos;avez pas reçu le code ?
      </h2>
      <p className="mt-2">Un nouveau code remplace le précédent, qui n&apos;est alors plus valable.</p>
      {state.lockedUntil ? (
        <div className="mt-4">
          <LockedNotice lockedUntil={state.lockedUntil} role="alert" />
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <div className="mt-4 flex flex-col gap-3 sm:flex-row">
        <form action={formAction}>
          {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
          <input type="hidden" name="channel" value={channel} />
          <input type="hidden" name="resend" value="1" />
          <SubmitButton variant="secondary">Renvoyer un code</SubmitButton>
        </form>
        {otherChannel ? (
          <form action={formAction}>
            {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
            <input type="hidden" name="channel" value={otherChannel.channel} />
            <input type="hidden" name="resend" value="1" />
            <SubmitButton variant="secondary">{otherChannel.label}</SubmitButton>
          </form>
        ) : null}
      </div>
    </section>
  );
}
