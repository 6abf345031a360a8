import type { ReactNode } from "react";
import { IdleTimeoutWarning } from "@/components/auth/idle-timeout-warning";
import { SpaceHeader } from "@/components/layout/space-header";
import type { Actor } from "@/lib/access/actor";
import { listOpenableSpaces } from "@/lib/access/representations";
import { changeProfileAction, logoutAction, readSessionTimingAction, stayConnectedAction } from "./session-actions";

/** The header and idle warning of every page of the space, wired to the session's actions. */
export async function SpaceChrome({
  actor,
  navigation,
  unreadNotifications,
}: {
  actor: Actor;
  navigation?: ReactNode;
  unreadNotifications?: number;
}) {
  const spaces = await listOpenableSpaces({ actor, now: new Date() });
  return (
    <>
      <SpaceHeader
        subject={actor.subject}
        spaces={spaces}
        logoutAction={logoutAction}
        changeProfileAction={changeProfileAction}
        navigation={navigation}
        unreadNotifications={unreadNotifications}
      />
      <IdleTimeoutWarning
        logoutAction={logoutAction}
        readSessionTimingAction={readSessionTimingAction}
        stayConnectedAction={stayConnectedAction}
      />
    </>
  );
}
