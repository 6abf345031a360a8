import type { ReactNode } from "react";
import { IdleTimeoutWarning } from "@/components/auth/idle-timeout-warning";
import { ProHeader } from "@/components/layout/pro-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { requireProfessional } from "@/lib/access/current-actor";
import { countProfessionalUnread } from "@/lib/messaging/professional-queries";
import { proLogoutAction, readProSessionTimingAction, stayConnectedProAction } from "../session-actions";

/**
 * The frame of the professionals' portal. Each page checks the session again itself: a layout is
 * kept across navigations, so it is never the only gate.
 */
export default async function ProLayout({ children }: { children: ReactNode }) {
  const actor = await requireProfessional();
  const unreadMessages = await countProfessionalUnread({ actor });
  return (
    <>
      <ProHeader professional={actor.professional} logoutAction={proLogoutAction} unreadMessages={unreadMessages} />
      <IdleTimeoutWarning
        logoutAction={proLogoutAction}
        readSessionTimingAction={readProSessionTimingAction}
        stayConnectedAction={stayConnectedProAction}
        loginPath="/pro/connexion"
      />
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
