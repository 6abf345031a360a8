import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { requireProfessional } from "@/lib/access/current-actor";
import { formatDateTimeFr } from "@/lib/format";
import { proConversationPath } from "@/lib/messaging/paths";
import { findProfessionalConversations } from "@/lib/messaging/professional-queries";

export const metadata: Metadata = { title: "Messagerie professionnelle" };

/** The professional's conversations with their patients, the latest first; an unread one says so in words. */
export default async function ProMessagingPage() {
  const actor = await requireProfessional();
  const conversations = await findProfessionalConversations({ actor });
  return (
    <>
      <PageTitle>Messagerie</PageTitle>
      <p className="mt-4">Pour écrire à un nouveau patient, ouvrez son dossier puis choisissez « Écrire au patient ».</p>
      <section aria-labelledby="mes-conversations" className="mt-8">
        <h2 id="mes-conversations" className="text-xl font-bold text-slate-900">
          Mes conversations
        </h2>
        {conversations.length === 0 ? (
          <p className="mt-3">Vous n&apos;avez encore écrit à aucun patient.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
            {conversations.map((conversation) => (
              <li key={conversation.id} className="py-3">
                <Link
                  href={proConversationPath(conversation.id)}
                  prefetch={false}
                  className={`text-brand-700 underline ${conversation.unreadCount > 0 ? "font-bold" : "font-semibold"}`}
                >
                  {conversation.subject}
                  {conversation.unreadCount > 0 ? <span className="sr-only"> (non lu)</span> : null}
                </Link>
                <p className="mt-1 text-sm text-slate-700">
                  {conversation.patientName} · {formatDateTimeFr(conversation.lastMessageAt)}
                  {conversation.unreadCount > 0 ? ` · ${conversation.unreadCount} non lu${conversation.unreadCount > 1 ? "s" : ""}` : ""}
                  {conversation.closedAt ? " · Échange clos" : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
