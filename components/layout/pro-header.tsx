import { Link } from "@/components/ui/link";
import { SubmitButton } from "@/components/forms/submit-button";

type ProHeaderProps = {
  professional: { fullName: string; professionDescription: string };
  logoutAction: () => Promise<void>;
  /** Patients' messages the professional has not read yet: said in words next to « Messagerie ». */
  unreadMessages: number;
};

/** The header of the professionals' portal: who is signed in, their profession, "Se déconnecter". */
export function ProHeader({ professional, logoutAction, unreadMessages }: ProHeaderProps) {
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
      <nav aria-label="Navigation professionnelle" className="mx-auto max-w-5xl px-4 pb-3">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/pro" className="font-semibold text-brand-700 underline">
              Rechercher un patient
            </Link>
          </li>
          <li>
            <Link href="/pro/messagerie" className="font-semibold text-brand-700 underline">
              Messagerie
              {unreadMessages > 0 ? (
                <span className="ml-2 rounded-full bg-danger-700 px-2 py-0.5 text-xs font-bold text-white">
                  {unreadMessages}
                  <span className="sr-only"> {unreadMessages > 1 ? "messages non lus" : "message non lu"}</span>
                </span>
              ) : null}
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
