import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { describeUnreadNotifications } from "@/lib/notifications/paths";
import { ProfileSwitcher, type SwitchableSpace } from "./profile-switcher";

type SpaceHeaderProps = {
  /** Whose space this is: the subject of the request, the signed-in person themself or someone they act for. */
  subject: { personId: string; fullName: string };
  /** The spaces the signed-in person may open, for "Changer de profil". */
  spaces: SwitchableSpace[];
  logoutAction: () => Promise<void>;
  changeProfileAction: (formData: FormData) => Promise<void>;
  /** The main navigation; absent while the first-login questionnaire runs. */
  navigation?: ReactNode;
  /** The open profile's unread notifications, shown on "Notifications" in the profile menu. */
  unreadNotifications?: number;
};

const UNREAD_NOTIFICATIONS_ID = "notifications-non-lues";

/** The header of the signed-in space: whose space it is, "Changer de profil", the profile menu, "Se déconnecter", then the navigation. */
export function SpaceHeader({ subject, spaces, logoutAction, changeProfileAction, navigation, unreadNotifications = 0 }: SpaceHeaderProps) {
  const hasUnread = unreadNotifications > 0;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/accueil" className="text-lg font-bold text-brand-900">
          Mon espace santé
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p className="font-semibold text-slate-900">
            <span className="sr-only">Espace de : </span>
            {subject.fullName}
          </p>
          <ProfileSwitcher spaces={spaces} currentPersonId={subject.personId} changeProfileAction={changeProfileAction} />
          {/* Like the navigation, the profile menu waits for the end of the first-login questionnaire. */}
          {navigation ? (
            <nav aria-label="Menu du profil">
              <ul className="flex flex-wrap gap-x-4">
                <li>
                  {/* The link keeps its exact name; the count is its description, as on "Messagerie". */}
                  <Link
                    href="/notifications"
                    aria-describedby={hasUnread ? UNREAD_NOTIFICATIONS_ID : undefined}
                    className="inline-flex min-h-11 items-center gap-2 text-brand-700 underline"
                  >
                    Notifications
                    {hasUnread ? (
                      <span
                        aria-hidden="true"
                        className="inline-flex h-6 min-w-6 items-center justify-center rounded-full bg-danger-700 px-1.5 text-sm font-bold text-white no-underline"
                      >
                        {unreadNotifications}
                      </span>
                    ) : null}
                  </Link>
                  {hasUnread ? (
                    <span id={UNREAD_NOTIFICATIONS_ID} className="sr-only">
                      {describeUnreadNotifications(unreadNotifications)}
                    </span>
                  ) : null}
                </li>
                <li>
                  <Link href="/autorisations" className="inline-flex min-h-11 items-center text-brand-700 underline">
                    Autorisations d&apos;accès
                  </Link>
                </li>
                <li>
                  <Link href="/historique-activite" className="inline-flex min-h-11 items-center text-brand-700 underline">
                    Historique d&apos;activité
                  </Link>
                </li>
              </ul>
            </nav>
          ) : null}
          <form action={logoutAction} className="[&>button]:w-auto">
            <SubmitButton variant="secondary">Se déconnecter</SubmitButton>
          </form>
        </div>
      </div>
      {navigation}
    </header>
  );
}
