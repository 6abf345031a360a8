import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";

export default function ConversationNotFound() {
  return (
    <>
      <PageTitle>Conversation introuvable</PageTitle>
      <p className="mt-4">Cette conversation n&apos;existe pas ou n&apos;est plus disponible.</p>
      <p className="mt-6">
        <Link href="/messagerie" className="text-brand-700 underline">
          Retour à mes conversations
        </Link>
      </p>
    </>
  );
}
