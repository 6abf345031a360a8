import type { ReactNode } from "react";
import { IdleTimeoutWarning } from "@/components/auth/idle-timeout-warning";
import { SiteFooter } from "@/components/layout/site-footer";
import { SpaceHeader } from "@/components/layout/space-header";
import { SpaceNav } from "@/components/layout/space-nav";
import { logoutAction } from "@/lib/auth/current-patient";
import { countUnreadMessages } from "@/lib/messaging/queries";
import { requireOnboardedPatient } from "@/lib/onboarding/guard";

/**
 * The frame of the signed-in space. Each page checks the session again itself: a layout is kept
 * across navigations, so it is never the only gate.
 */
export default async function SpaceLayout({ children }: { children: ReactNode }) {
  const patient = await requireOnboardedPatient();
  const unreadCount = await countUnreadMessages(patient.personId);
  return (
    <>
      <SpaceHeader fullName={patient.fullName} logoutAction={logoutAction} navigation={<SpaceNav unreadCount={unreadCount} />} />
      <IdleTimeoutWarning />
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
