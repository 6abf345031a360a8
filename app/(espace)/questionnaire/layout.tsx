import type { ReactNode } from "react";
import { IdleTimeoutWarning } from "@/components/auth/idle-timeout-warning";
import { SiteFooter } from "@/components/layout/site-footer";
import { SpaceHeader } from "@/components/layout/space-header";
import { logoutAction, requirePatient } from "@/lib/auth/current-patient";

/** The first-login questionnaire: the space's header without its navigation, one question at a time. */
export default async function QuestionnaireLayout({ children }: { children: ReactNode }) {
  const patient = await requirePatient();
  return (
    <>
      <SpaceHeader fullName={patient.fullName} logoutAction={logoutAction} />
      <IdleTimeoutWarning />
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
