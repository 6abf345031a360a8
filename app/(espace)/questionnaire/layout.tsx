import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { requireActor } from "@/lib/access/current-actor";
import { SpaceChrome } from "../space-chrome";

/** The first-login questionnaire: the space's header without its navigation, one question at a time. */
export default async function QuestionnaireLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <SpaceChrome actor={actor} />
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
