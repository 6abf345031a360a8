import { Link } from "@/components/ui/link";
import { SubmitButton } from "@/components/forms/submit-button";

type ProHeaderProps = {
  professional: { fullName: string; professionDescription: string };
  logoutAction: () => Promise<void>;
};

/** The header of the professionals' portal: who is signed in, their profession, "Se déconnecter". */
export function ProHeader({ professional, logoutAction }: ProHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/pro" className="text-lg font-bold text-brand-900">
          Mon espace santé <span className="font-normal">· Professionnels de santé</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p className="text-slate-900">
            <span className="sr-only">Connecté en tant que : </span>
            <span className="block font-semibold">{professional.fullName}</span>
            <span className="block text-sm">{professional.professionDescription}</span>
          </p>
          <form action={logoutAction} className="[&>button]:w-auto">
            <SubmitButton variant="secondary">Se déconnecter</SubmitButton>
          </form>
        </div>
      </div>
    </header>
  );
}
