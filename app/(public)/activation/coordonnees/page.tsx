import type { Metadata } from "next";
import { findActivationStep } from "../activation-step";
import { Link } from "@/components/ui/link";
import { ConfirmContactsForm, ContactChangeForm, ContactCodeForm } from "@/components/enrolment/contact-forms";
import { Alert } from "@/components/ui/alert";
import { formatMobileFr } from "@/lib/format";
import { confirmContactChangeAction, confirmContactsAction, requestContactChangeAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Je vérifie mes coordonnées de contact" };
const title = "Je vérifie mes coordonnées de contact";

type SearchParams = Promise<{ modifier?: string; verification?: string; modifiee?: string }>;

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const { modifier, modifiee } = await searchParams;
  const step = await findActivationStep(title);
  if ("refusal" in step) return step.refusal;
  const { state } = step;
  if (!state.areTermsAccepted) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <p className="mt-6">
          Acceptez d&apos;abord les conditions d&apos;utilisation :{" "}
          <Link className="text-brand-700 underline" href="/activation/conditions">
            revenir à l&apos;étape précédente
          </Link>
          .
        </p>
      </>
    );
  }
  const pending = state.pendingContactChange;
  const editing = !pending && (modifier === "email" || modifier === "mobile") ? modifier : null;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p className="mt-4">
        Ces informations sont indispensables pour assurer la sécurité de Mon espace santé : un code vous y sera envoyé à
        chaque connexion. Elles ont été transmises par votre caisse d&apos;assurance maladie.
      </p>
      {modifiee ? (
        <div className="mt-6">
          <Alert variant="success" role="status">
            Votre coordonnée a bien été vérifiée et modifiée.
          </Alert>
        </div>
      ) : null}
      <dl className="mt-6 space-y-6">
        <div>
          <dt className="font-semibold">Adresse e-mail</dt>
          <dd className="mt-1 break-all">{state.email ?? "Aucune adresse e-mail"}</dd>
          <dd className="mt-2">
            {editing === "email" ? (
              <ContactChangeForm action={requestContactChangeAction} kind="email" />
            ) : pending?.kind === "email" ? (
              <ContactCodeForm action={confirmContactChangeAction} kind="email" newValue={pending.newValue} />
            ) : (
              <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href="/activation/coordonnees?modifier=email">
                {state.email ? "Modifier l'adresse e-mail" : "Ajouter une adresse e-mail"}
              </Link>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Numéro de mobile</dt>
          <dd className="mt-1">{state.mobile ? formatMobileFr(state.mobile) : "Aucun numéro de mobile"}</dd>
          <dd className="mt-2">
            {editing === "mobile" ? (
              <ContactChangeForm action={requestContactChangeAction} kind="mobile" />
            ) : pending?.kind === "mobile" ? (
              <ContactCodeForm action={confirmContactChangeAction} kind="mobile" newValue={formatMobileFr(pending.newValue)} />
            ) : (
              <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href="/activation/coordonnees?modifier=mobile">
                {state.mobile ? "Modifier le numéro de mobile" : "Ajouter un numéro de mobile"}
              </Link>
            )}
          </dd>
        </div>
      </dl>
      <ConfirmContactsForm action={confirmContactsAction} />
    </>
  );
}
