import { Link } from "@/components/ui/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50">
      <nav aria-label="Pied de page" className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm">
        <Link className="text-brand-700 underline" href="/conditions-generales">
          Conditions Générales d&apos;Utilisation
        </Link>
        <Link className="text-brand-700 underline" href="/protection-des-donnees">
          Politique de protection des données personnelles
        </Link>
      </nav>
    </footer>
  );
}
