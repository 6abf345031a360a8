import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

/** The professionals' login pages: the public header, named for the portal. */
export default function ProLoginLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader>
        <p className="text-slate-900">Espace professionnels de santé</p>
      </SiteHeader>
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
