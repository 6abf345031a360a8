import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ReceptionForm } from "@/components/enrolment/reception-form";
import { WrongContactsHelp } from "@/components/enrolment/wrong-contacts-help";
import type { RadioOption } from "@/components/forms/radio-group";
import { Alert } from "@/components/ui/alert";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { expiredFlowMessage } from "@/lib/enrolment/messages";
import { findReceptionOptions } from "@/lib/enrolment/request-code";
import { chooseReceptionAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Envoi du code provisoire" };

export default async function ReceptionPage() {
  const reception = await findReceptionOptions(await readFlowToken(), new Date());
  if (!reception) {
    return (
      <>
        <PageTitle>Envoi du code provisoire</PageTitle>
        <div className="mt-6">
          <Alert variant="warning">{expiredFlowMessage}</Alert>
        </div>
        <p className="mt-6">
          <Link className="text-brand-700 underline" href="/activation/nouveau-code">
            Générer un nouveau code provisoire
          </Link>
        </p>
      </>
    );
  }
  const options: RadioOption[] = [];
  if (reception.email) options.push({ value: "email", label: "Par e-mail", description: reception.email });
  if (reception.mobile) options.push({ value: "sms", label: "Par SMS", description: reception.mobile });
  if (options.length === 0 && reception.hasPostalAddress) {
    options.push({
      value: "letter",
      label: "Par courrier",
      description: "Aucune adresse e-mail ni aucun numéro de mobile n'est connu : le code vous est envoyé à votre adresse postale.",
    });
  }
  return (
    <>
      <PageTitle>Envoi du code provisoire</PageTitle>
      {options.length > 0 ? (
        <ReceptionForm action={chooseReceptionAction} options={options} />
      ) : (
        <div className="mt-6">
          <Alert variant="warning">
            Votre caisse ne nous a transmis aucune coordonnée pour vous joindre. Contactez-la pour les mettre à jour.
          </Alert>
        </div>
      )}
      <WrongContactsHelp />
    </>
  );
}
