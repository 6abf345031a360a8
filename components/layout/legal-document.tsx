import type { ReactNode } from "react";

export type LegalSection = {
  /** The fragment the table of contents links to. */
  id: string;
  title: string;
  body: ReactNode;
};

type LegalDocumentProps = {
  title: string;
  /** Shown under the title: the date of the version in force, as readable text. */
  versionDate: string;
  intro: ReactNode;
  sections: LegalSection[];
};

/** A long legal text: one h1, a table of contents, then one h2 per section (RGAA 9.1). */
export function LegalDocument({ title, versionDate, intro, sections }: LegalDocumentProps) {
  return (
    <article className="legal-prose">
      <h1 className="text-3xl font-bold text-brand-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-700">Version en vigueur au {versionDate}</p>
      <div className="mt-6">{intro}</div>
      <nav aria-labelledby="sommaire" className="mt-8 rounded border border-slate-300 bg-slate-50 p-4">
        <h2 id="sommaire" className="mt-0 text-lg font-bold text-slate-900">
          Sommaire
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((section, index) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id}>
            {index + 1}. {section.title}
          </h2>
          {section.body}
        </section>
      ))}
    </article>
  );
}

const smallNumbers = ["zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];

/** "six semaines" for 42 days, "45 jours" otherwise: durations in legal text read like the law's. */
export function describeDays(days: number): string {
  const weeks = days / 7;
  if (Number.isInteger(weeks) && weeks <= 10) {
    return `${smallNumbers[weeks] ?? String(weeks)} semaine${weeks > 1 ? "s" : ""}`;
  }
  return `${days} jour${days > 1 ? "s" : ""}`;
}

/** "30 minutes", "2 heures". */
export function describeMinutes(minutes: number): string {
  const hours = minutes / 60;
  if (Number.isInteger(hours)) return `${hours} heure${hours > 1 ? "s" : ""}`;
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}
