import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** The frame of every page without a session: public site, enrolment, login and recovery. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
