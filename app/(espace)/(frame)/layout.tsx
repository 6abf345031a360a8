import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SpaceNav } from "@/components/layout/space-nav";
import { countUnreadMessages } from "@/lib/messaging/queries";
import { countUnreadNotifications } from "@/lib/notifications/centre";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { SpaceChrome } from "../space-chrome";

/**
 * The frame of the signed-in space. Each page checks the session again itself: a layout is kept
 * across navigations, so it is never the only gate.
 */
export default async function SpaceLayout({ children }: { children: ReactNode }) {
  const actor = await requireOnboardedActor();
  const [unreadCount, unreadNotifications] = await Promise.all([countUnreadMessages({ actor }), countUnreadNotifications({ actor })]);
  return (
    <>
      <SpaceChrome actor={actor} navigation={<SpaceNav unreadCount={unreadCount} />} unreadNotifications={unreadNotifications} />
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
