import type { Metadata } from "next";
import { DocumentSwitchForm } from "@/components/documents/document-switch-form";
import { PurposesForm } from "@/components/connected-services/purposes-form";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { checkAuthorizationRequest } from "@/lib/connected-services/authorization";
import { PURPOSES } from "@/lib/connected-services/purposes";
import { authorizationRequestSchema, purposeFieldName } from "@/lib/connected-services/schemas";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { approveAuthorizationAction, denyAuthorizationAction } from "../actions";

export const metadata: Metadata = { title: "Autoriser un service" };

type AuthorizationPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function singleValues(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, Array.isArray(value) ? undefined : value]));
}

/**
 * The OAuth authorisation endpoint (README "API des services connectés"): a service sends the
 * patient here; signed in on our side (the login brings them back), they grant the purposes they
 * choose, or refuse, and go back to the service.
 */
export default async function AuthorizationPage({ searchParams }: AuthorizationPageProps) {
  const actor = await requireOnboardedActor();
  const parsed = authorizationRequestSchema.safeParse(singleValues(await searchParams));
  const checked = parsed.success ? await checkAuthorizationRequest(parsed.data) : { status: "invalid" as const, message: "Cette demande d'autorisation est incomplète ou mal formée." };
  if (!parsed.success || checked.status === "invalid") {
    return (
      <>
        <PageTitle>Autoriser un service</PageTitle>
        <div className="mt-4">
          <Alert variant="error">{checked.status === "invalid" ? checked.message : null} Retournez sur le service et recommencez.</Alert>
        </div>
      </>
    );
  }
  const { service, askedPurposes } = checked;
  const request = parsed.data;
  const requestFields = {
    response_type: request.response_type,
    client_id: request.client_id,
    redirect_uri: request.redirect_uri,
    state: request.state,
    code_challenge: request.code_challenge,
    code_challenge_method: request.code_challenge_method,
    ...(request.scope ? { scope: request.scope } : {}),
  };
  const purposes = askedPurposes.map((purpose) => ({ fieldName: purposeFieldName(purpose), label: PURPOSES[purpose].label, area: PURPOSES[purpose].area }));
  return (
    <>
      <PageTitle>Autoriser {service.name}</PageTitle>
      <p className="mt-4">
        {service.name} ({service.publisher}) demande à échanger des données avec l&apos;espace santé de {actor.subject.fullName}. Cochez ce que vous
        l&apos;autorisez à faire ; vous pourrez le changer ou le déconnecter à tout moment depuis le Catalogue.
      </p>
      <PurposesForm
        action={approveAuthorizationAction}
        fields={requestFields}
        purposes={purposes}
        checked={purposes.map((purpose) => purpose.fieldName)}
        legend={`Finalités demandées par ${service.name}`}
        submitLabel="Autoriser"
      >
        <div className="mt-4">
          <DocumentSwitchForm action={denyAuthorizationAction} fields={requestFields} label="Refuser" />
        </div>
      </PurposesForm>
    </>
  );
}
