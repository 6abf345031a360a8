import { SERVICE_CATEGORIES, SERVICE_PRICING_LABELS, SERVICE_STATUS_LABELS, SERVICE_THEMATICS, isServiceCategory, isServiceThematic } from "@/lib/connected-services/purposes";
import type { ConnectedServiceStatus, ConnectedServicePricing } from "@/db/schema/connected-services";

type ServiceFacts = { publisher: string; category: string; thematics: string[]; regions: string[]; pricing: ConnectedServicePricing; status: ConnectedServiceStatus };

export function categoryLabel(category: string): string {
  return isServiceCategory(category) ? SERVICE_CATEGORIES[category] : category;
}

export function thematicLabel(thematic: string): string {
  return isServiceThematic(thematic) ? SERVICE_THEMATICS[thematic] : thematic;
}

/** The facts of a service as a description list: publisher, category, thematics, regions, price, status. */
export function ServiceFacts({ service }: { service: ServiceFacts }) {
  const rows: [string, string][] = [
    ["Éditeur", service.publisher],
    ["Catégorie", categoryLabel(service.category)],
    ["Thématiques", service.thematics.length > 0 ? service.thematics.map(thematicLabel).join(", ") : "Aucune"],
    ["Régions", service.regions.length > 0 ? service.regions.join(", ") : "Toute la France"],
    ["Tarif", SERVICE_PRICING_LABELS[service.pricing]],
    ["Statut", SERVICE_STATUS_LABELS[service.status]],
  ];
  return (
    <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, detail]) => (
        <div key={term} className="contents">
          <dt className="font-semibold text-slate-700">{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
