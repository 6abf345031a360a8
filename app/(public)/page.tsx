import { Link } from "@/components/ui/link";
import { SignedOutNotice } from "@/components/auth/signed-out-notice";
import { PageTitle } from "@/components/ui/page-title";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ deconnexion?: string }> }) {
  const { deconnexion } = await searchParams;
  return (
    <>
      <SignedOutNotice reason={deconnexion} />
      <PageTitle>Mon espace santé</PageTitle>
      <p className="mt-4 text-lg">
        Un espace numérique personnel et sécurisé pour stocker vos documents de santé, échanger avec vos
        professionnels de santé et garder la main sur qui voit quoi.
      </p>
      <div className="mt-8 flex flex-col gap-4 sm:flex-row">
        <Link
          href="/activation"
          className="rounded bg-brand-700 px-5 py-3 text-center font-semibold text-white hover:bg-brand-900"
        >
          Activer ou s&apos;opposer à Mon espace santé
        </Link>
        <Link
          href="/connexion"
          className="rounded border-2 border-brand-700 px-5 py-3 text-center font-semibold text-brand-700 hover:bg-brand-50"
        >
          Se connecter
        </Link>
      </div>
    </>
  );
}
