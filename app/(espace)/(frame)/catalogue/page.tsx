import type { Metadata } from "next";
import { categoryLabel } from "@/components/connected-services/service-summary";
import { SelectField } from "@/components/forms/select-field";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { type CatalogueService, findCatalogue, findConnectedServices } from "@/lib/connected-services/connections";
import { CATALOGUE_PATH, servicePath } from "@/lib/connected-services/paths";
import { SERVICE_CATEGORIES, SERVICE_PRICING_LABELS, SERVICE_STATUS_LABELS, SERVICE_THEMATICS, purposeLabel } from "@/lib/connected-services/purposes";
import { catalogueFiltersSchema } from "@/lib/connected-services/schemas";
import { requireOnboardedActor } from "@/lib/onboarding/guard";

export const metadata: Metadata = { title: "Catalogue de services" };

type CataloguePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function ServiceItem({ service, isConnected }: { service: CatalogueService; isConnected: boolean }) {
  return (
    <li className="rounded border border-slate-200 p-4">
      <h3 className="text-lg font-bold">
        <Link href={servicePath(service.id)} className="text-brand-700 underline">
          {service.name}
        </Link>
      </h3>
      <p className="text-slate-700">
        {service.publisher} · {categoryLabel(service.category)} · {SERVICE_PRICING_LABELS[service.pricing]}
        {service.status !== "online" ? ` · ${SERVICE_STATUS_LABELS[service.status]}` : ""}
        {isConnected ? " · Connecté" : ""}
      </p>
      <p className="mt-1">{service.description}</p>
      <p className="mt-1 text-slate-700">Demande : {service.requestedPurposes.map(purposeLabel).join(", ")}.</p>
    </li>
  );
}

/** "Catalogue" (SPEC §6): the services referenced, filtered by category and thematic, and those the subject connected. */
export default async function CataloguePage({ searchParams }: CataloguePageProps) {
  const actor = await requireOnboardedActor();
  const raw = await searchParams;
  const filters = catalogueFiltersSchema.parse({ categorie: firstValue(raw.categorie), thematique: firstValue(raw.thematique) });
  const now = new Date();
  const [catalogue, connected] = await Promise.all([findCatalogue(actor, { category: filters.categorie, thematic: filters.thematique }, now), findConnectedServices(actor, now)]);
  return (
    <>
      <PageTitle>Catalogue de services</PageTitle>
      <p className="mt-4">
        Des services numériques référencés par l&apos;État peuvent échanger des données avec votre espace santé, seulement pour les
        finalités que vous leur accordez. Vous pouvez les changer ou déconnecter un service à tout moment.
      </p>

      <section aria-labelledby="connected-heading" className="mt-8">
        <h2 id="connected-heading" className="text-xl font-bold text-brand-900">
          Mes services connectés
        </h2>
        {connected.length === 0 ? (
          <p className="mt-2">Vous n&apos;avez connecté aucun service.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {connected.map(({ service, connection }) => (
              <li key={service.id}>
                <Link href={servicePath(service.id)} className="font-semibold text-brand-700 underline">
                  {service.name}
                </Link>{" "}
                — {connection.grantedPurposes.map(purposeLabel).join(", ")}
                {connection.standing.kind === "reapproval-needed" ? " (nouvelles finalités à approuver)" : ""}
                {connection.standing.kind === "lapsed" ? " (accès expiré : nouvelles finalités non approuvées)" : ""}
                {connection.standing.kind === "suspended" ? " (service suspendu)" : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="catalogue-heading" className="mt-8">
        <h2 id="catalogue-heading" className="text-xl font-bold text-brand-900">
          Services référencés
        </h2>
        <form action={CATALOGUE_PATH} method="get" className="mt-4 flex flex-wrap items-end gap-4">
          <SelectField
            name="categorie"
            label="Catégorie"
            defaultValue={filters.categorie ?? ""}
            options={[{ value: "", label: "Toutes les catégories" }, ...Object.entries(SERVICE_CATEGORIES).map(([value, label]) => ({ value, label }))]}
          />
          <SelectField
            name="thematique"
            label="Thématique"
            defaultValue={filters.thematique ?? ""}
            options={[{ value: "", label: "Toutes les thématiques" }, ...Object.entries(SERVICE_THEMATICS).map(([value, label]) => ({ value, label }))]}
          />
          <Button type="submit" variant="secondary">
            Filtrer
          </Button>
        </form>
        <p className="mt-4" role="status">
          {catalogue.length} service{catalogue.length > 1 ? "s" : ""}
        </p>
        {catalogue.length === 0 ? (
          <p className="mt-2">Aucun service ne correspond à ces filtres.</p>
        ) : (
          <ul className="mt-2 space-y-4">
            {catalogue.map(({ service, connection }) => (
              <ServiceItem key={service.id} service={service} isConnected={connection !== null} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
