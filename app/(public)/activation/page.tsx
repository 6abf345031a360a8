import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { CodeForm } from "@/components/enrolment/code-form";
import { Alert } from "@/components/ui/alert";
import { getSettings } from "@/lib/env";
import { describeDays, describeMinutes } from "@/lib/format";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { isFlowInProgress } from "@/lib/enrolment/request-code";
import { verifyCodeAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Activer ou s'opposer à Mon espace santé" };

const sentBy: Record<string, string> = {
  email: "par e-mail",
  sms: "par SMS",
  letter: "par courrier, à votre adresse postale",
};

export default async function ActivationPage({ searchParams }: { searchParams: Promise<{ envoi?: string }> }) {
  const { envoi } = await searchParams;
  const hasFlow = await isFlowInProgress(await readFlowToken(), new Date());
  const channel = envoi && hasFlow ? sentBy[envoi] : undefined;
  return (
    <>
      <PageTitle>Activer ou s&apos;opposer à Mon espace santé</PageTitle>
      {channel ? (
        <div className="mt-6">
          <Alert variant="success" role="status">
            Un code provisoire vient de vous être envoyé {channel}. Il est valable{" "}
            {envoi === "letter"
              ? describeDays(getSettings().NOTIFICATION_CODE_VALIDITY_DAYS)
              : describeMinutes(getSettings().REQUESTED_CODE_VALIDITY_MINUTES)}
            .
          </Alert>
        </div>
      ) : (
        <p className="mt-4">
          Saisissez le code provisoire reçu par e-mail, SMS ou courrier pour activer Mon espace santé ou vous opposer à
          sa création.
        </p>
      )}
      <CodeForm action={verifyCodeAction} asksIdentity={!hasFlow} />
      <section aria-labelledby="sans-code" className="mt-10 border-t border-slate-200 pt-6">
        <h2 id="sans-code" className="text-xl font-semibold text-brand-900">
          Vous n&apos;avez pas de code, ou il n&apos;est plus valable ?
        </h2>
        <p className="mt-3">
          <Link className="font-semibold text-brand-700 underline" href="/activation/nouveau-code">
            Générer un nouveau code provisoire
          </Link>
        </p>
      </section>
    </>
  );
}
