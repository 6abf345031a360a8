import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

export default function PublicLayout({ children }: { children: ReactNode }) {
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
