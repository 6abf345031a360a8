"use server";

import { refresh } from "next/cache";
import { notFound } from "next/navigation";
import { requireProfessional } from "@/lib/access/current-actor";
import type { FormState } from "@/lib/form-state";
import { closeConversation } from "@/lib/messaging/mailbox";
import { submittedForm } from "@/lib/validation";

/** « Clore l'échange » ([FIN]): closeConversation decides; someone else's conversation is not found. */
export async function closeConversationAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireProfessional();
  const conversationId = submittedForm(submitted).get("conversation");
  const result = await closeConversation({ actor, conversationId: typeof conversationId === "string" ? conversationId : "", now: new Date() });
  switch (result.status) {
    case "not-found":
      notFound();
    case "already-closed":
      return { status: "error", message: "Cet échange est déjà clos." };
    case "closed":
      refresh();
      return { status: "success", message: "L'échange est clos : le patient ne pourra plus répondre tant que vous ne lui aurez pas écrit de nouveau." };
  }
}
