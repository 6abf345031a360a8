import type { ReactNode } from "react";
import { PageTitle } from "@/components/ui/page-title";

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
      <PageTitle>{title}</PageTitle>
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
