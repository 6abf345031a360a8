"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";

/** « Clore l'échange » ([FIN]) on the professional's conversation. */
export function CloseConversationForm({ action, conversationId }: { action: FormAction; conversationId: string }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="mt-4 space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="conversation" value={conversationId} />
      <p className="text-slate-700">Le patient ne pourra plus répondre tant que vous ne lui aurez pas écrit de nouveau.</p>
      <SubmitButton variant="secondary">Clore l&apos;échange</SubmitButton>
    </form>
  );
}
