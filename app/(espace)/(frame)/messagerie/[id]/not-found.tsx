import { Link } from "@/components/ui/link";

export default function ConversationNotFound() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">Conversation introuvable</h1>
      <p className="mt-4">Cette conversation n&apos;existe pas ou n&apos;est plus disponible.</p>
      <p className="mt-6">
        <Link href="/messagerie" className="text-brand-700 underline">
          Retour à mes conversations
        </Link>
      </p>
    </>
  );
}
