import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";

/** Developer pages (the local outbox): the site's header, no public footer. */
export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
