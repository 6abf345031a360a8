import type { Metadata } from "next";
import { FlowExpired } from "@/components/enrolment/flow-expired";
import { findActivationStep } from "../activation-step";
import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { formatDateFr } from "@/lib/format";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Opposition enregistrée" };
const title = "Votre opposition est enregistrée";

export default async function OppositionDonePage() {
  const step = await findActivationStep(title, { isAboutOpposition: true });
  if ("refusal" in step) return step.refusal;
  const { state } = step;
  // Only the flow that recorded the opposition shows it (and offers its receipt).
  if (!state.oppositionDate) return <FlowExpired title={title} />;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <div className="mt-6">
        <Alert variant="success">
          Votre demande d&apos;opposition à la création de Mon espace santé a bien été prise en compte le{" "}
          {formatDateFr(state.oppositionDate)}.
        </Alert>
      </div>
      <p className="mt-6">
        Je peux télécharger mon justificatif d&apos;opposition à la création de Mon espace santé. Attention, celui-ci ne
        sera plus disponible par la suite{state.email ? " sur ce site ; il vous a aussi été envoyé par e-mail" : ""}.
      </p>
      <p className="mt-4">
        <a
          className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline"
          href="/activation/opposition/justificatif"
          download
        >
          <span aria-hidden="true">↓</span>
          Télécharger le justificatif (format .pdf)
        </a>
      </p>
      <h2 className="mt-10 text-xl font-semibold text-brand-900">Et si je change d&apos;avis ?</h2>
      <p className="mt-3">
        Vos données déjà présentes sont conservées mais ne sont plus accessibles. Vous pouvez revenir sur votre décision à
        tout moment en générant un nouveau code provisoire puis en activant Mon espace santé.
      </p>
      <p className="mt-3">
        <Link className="text-brand-700 underline" href="/activation/nouveau-code">
          Générer un nouveau code provisoire
        </Link>
      </p>
    </>
  );
}
