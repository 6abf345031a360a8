import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { DOCUMENTS_PATH } from "@/lib/documents/paths";

export default function DocumentNotFound() {
  return (
    <>
      <PageTitle>Document introuvable</PageTitle>
      <p className="mt-4">Ce document n&apos;existe pas ou n&apos;est plus disponible.</p>
      <p className="mt-6">
        <Link href={DOCUMENTS_PATH} className="text-brand-700 underline">
          Retour à mes documents
        </Link>
      </p>
    </>
  );
}
