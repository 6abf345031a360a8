import type { Metadata } from "next";
import { ConversationList } from "@/components/messaging/conversation-list";
import { Link } from "@/components/ui/link";
import { NEW_CONVERSATION_PATH } from "@/lib/messaging/paths";
import { findConversations, findCorrespondents, findMessagingAddress } from "@/lib/messaging/queries";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Messagerie" };

export default async function MessagingPage() {
  const actor = await requireOnboardedActor();
  const [address, conversations, correspondents] = await Promise.all([
    findMessagingAddress({ actor }),
    findConversations({ actor }),
    findCorrespondents({ actor }),
  ]);
  return (
    <>
      <PageTitle>Messagerie</PageTitle>
      <section aria-labelledby="mon-adresse" className="mt-6 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4">
        <h2 id="mon-adresse" className="font-semibold text-slate-900">
          Mon adresse de messagerie à communiquer à mes professionnels de santé
        </h2>
        <p className="mt-2 break-all font-mono text-lg text-slate-900">{address}</p>
        <p className="mt-3 text-slate-700">Seul un professionnel de santé peut débuter un échange.</p>
      </section>
      {correspondents.length > 0 ? (
        <p className="mt-6">
          <Link href={NEW_CONVERSATION_PATH} className="font-semibold text-brand-700 underline">
            Écrire à un professionnel
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="mes-conversations" className="mt-8">
        <h2 id="mes-conversations" className="text-xl font-bold text-brand-900">
          Mes conversations
        </h2>
        <ConversationList conversations={conversations} now={new Date()} />
      </section>
    </>
  );
}
