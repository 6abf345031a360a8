import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PublicFrame } from "@/components/layout/public-frame";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Page introuvable" };

/**
 * Any address the app does not know. Ours rather than Next.js' default, which is in English and
 * styled inline (the CSP blocks inline styles).
 */
export default function NotFound() {
  return (
    <PublicFrame>
      <PageTitle>Page introuvable</PageTitle>
      <p className="mt-4">Cette page n&apos;existe pas ou n&apos;est plus disponible. Vérifiez l&apos;adresse saisie.</p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline">
          Retour à l&apos;accueil
        </Link>
      </p>
    </PublicFrame>
  );
}
