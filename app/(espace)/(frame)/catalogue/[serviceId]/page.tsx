import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentSwitchForm } from "@/components/documents/document-switch-form";
import { PurposesForm } from "@/components/connected-services/purposes-form";
import { ServiceFacts } from "@/components/connected-services/service-summary";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { findServiceForActor } from "@/lib/connected-services/connections";
import { CATALOGUE_PATH, SERVICE_DONE_PARAMETER } from "@/lib/connected-services/paths";
import { PURPOSES, purposeLabel } from "@/lib/connected-services/purposes";
import { purposeFieldName } from "@/lib/connected-services/schemas";
import { formatLongDateFr } from "@/lib/format";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { isUuid } from "@/lib/validation";
import { disconnectServiceAction, savePurposesAction } from "../actions";

export const metadata: Metadata = { title: "Service du catalogue" };

type ServicePageProps = { params: Promise<{ serviceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE_MESSAGES: Record<string, string> = {
  finalites: "C'est enregistré : ce service n'accède qu'aux finalités que vous lui avez accordées.",
  deconnecte: "Le service est déconnecté : il ne peut plus échanger de données avec Mon espace santé.",
};

/** One service of the catalogue: what it is, what it asks for, and the subject's connection to it. */
export default async function ServicePage({ params, searchParams }: ServicePageProps) {
  const actor = await requireOnboardedActor();
  const { serviceId } = await params;
  if (!isUuid(serviceId)) notFound();
  const found = await findServiceForActor(actor, serviceId, new Date());
  if (!found) notFound();
  const { service, connection } = found;
  const done = (await searchParams)[SERVICE_DONE_PARAMETER];
  const doneMessage = typeof done === "string" ? DONE_MESSAGES[done] : undefined;
  const standing = connection?.standing.kind;
  const isOnline = service.status === "online";
  const purposes = service.requestedPurposes.map((purpose) => ({ fieldName: purposeFieldName(purpose), label: PURPOSES[purpose].label, area: PURPOSES[purpose].area }));
  const checked = (connection ? connection.grantedPurposes.filter((purpose) => service.requestedPurposes.includes(purpose)) : []).map(purposeFieldName);
  const needsApproval = standing === "reapproval-needed" || standing === "lapsed";
  return (
    <>
      <p>
        <Link href={CATALOGUE_PATH} className="text-brand-700 underline">
          Retour au catalogue
        </Link>
      </p>
      <PageTitle className="mt-4">{service.name}</PageTitle>
      <div role="status" className="mt-4">
        {doneMessage ? <Alert variant="success">{doneMessage}</Alert> : null}
      </div>
      <p className="mt-4">{service.description}</p>
      <ServiceFacts service={service} />

      {connection?.standing.kind === "reapproval-needed" ? (
        <div className="mt-6">
          <Alert variant="warning">
            Ce service a changé les finalités qu&apos;il demande. La mise à jour des autorisations pour ce service est nécessaire avant le{" "}
            {formatLongDateFr(connection.standing.deadline)} pour conserver la synchronisation.
          </Alert>
        </div>
      ) : null}
      {standing === "lapsed" ? (
        <div className="mt-6">
          <Alert variant="warning">
            Ce service a changé les finalités qu&apos;il demande et elles n&apos;ont pas été approuvées à temps : il ne peut plus échanger de
            données avec Mon espace santé. Approuvez ses nouvelles finalités pour rétablir la synchronisation.
          </Alert>
        </div>
      ) : null}
      {!isOnline ? (
        <div className="mt-6">
          <Alert variant="warning">
            Ce service est {service.status === "suspended" ? "suspendu" : "déréférencé"} : il ne peut plus consulter ou ajouter des données.
            {connection ? " Vous pouvez tout de même le déconnecter." : ""}
          </Alert>
        </div>
      ) : null}

      <section aria-labelledby="purposes-heading" className="mt-8">
        <h2 id="purposes-heading" className="text-xl font-bold text-brand-900">
          Finalités
        </h2>
        {connection ? (
          <p className="mt-2">
            Connecté depuis le {formatLongDateFr(connection.connectedAt)}. Finalités accordées : {connection.grantedPurposes.map(purposeLabel).join(", ")}.
          </p>
        ) : (
          <p className="mt-2">Ce service n&apos;est pas connecté à votre espace santé.</p>
        )}
        {isOnline ? (
          <PurposesForm
            action={savePurposesAction}
            fields={{ serviceId: service.id }}
            purposes={purposes}
            checked={connection ? checked : []}
            legend={connection ? "Finalités accordées à ce service" : "Finalités à accorder à ce service"}
            submitLabel={!connection ? "Connecter le service" : needsApproval ? "Approuver les nouvelles finalités" : "Enregistrer les finalités"}
          />
        ) : null}
      </section>

      {connection ? (
        <section aria-labelledby="disconnect-heading" className="mt-8">
          <h2 id="disconnect-heading" className="text-xl font-bold text-brand-900">
            Déconnexion
          </h2>
          <p className="mt-2">{service.name} ne pourra plus échanger de données avec Mon espace santé.</p>
          <div className="mt-4">
            <DocumentSwitchForm action={disconnectServiceAction} fields={{ serviceId: service.id }} label="Déconnecter le service" />
          </div>
        </section>
      ) : null}
    </>
  );
}
