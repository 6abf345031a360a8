import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { MessageThread } from "@/components/messaging/message-thread";
import { RefreshAfterRead } from "@/components/messaging/refresh-after-read";
import { findConversation, openConversation } from "@/lib/messaging/queries";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { PageTitle } from "@/components/ui/page-title";

type ConversationPageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: ConversationPageProps): Promise<Metadata> {
  const actor = await requireOnboardedActor();
  const conversation = await findConversation({ actor, conversationId: (await params).id });
  return { title: conversation ? `${conversation.subject} – Messagerie` : "Conversation introuvable" };
}

export default async function ConversationPage({ params }: ConversationPageProps) {
  const actor = await requireOnboardedActor();
  // Scoped to the subject: someone else's conversation is "not found", exactly like a missing one.
  const conversation = await openConversation({ actor, conversationId: (await params).id, now: new Date() });
  if (!conversation) notFound();
  return (
    <>
      <p>
        <Link href="/messagerie" className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à mes conversations
        </Link>
      </p>
      <PageTitle className="mt-4">{conversation.subject}</PageTitle>
      <p className="mt-2 text-slate-700">Avec {conversation.counterpartName}</p>
      <MessageThread messages={conversation.messages} />
      {conversation.newlyReadCount > 0 ? <RefreshAfterRead /> : null}
    </>
  );
}
