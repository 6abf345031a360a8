import type { Metadata } from "next";
import { EmailPreferencesForm } from "@/components/notifications/email-preferences-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { findEmailPreferences } from "@/lib/notifications/centre";
import { EMAIL_TOPICS } from "@/lib/notifications/kinds";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/paths";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { saveEmailPreferencesAction } from "../actions";

export const metadata: Metadata = { title: "Préférences de notification" };

/** "Préférences de notification" of the open profile: which e-mails it sends (reference mes-data-model §8.1). */
export default async function NotificationPreferencesPage() {
  const actor = await requireOnboardedActor();
  const preferences = await findEmailPreferences({ actor });
  return (
    <>
      <PageTitle>Préférences de notification</PageTitle>
      <p className="mt-4">
        Choisissez les e-mails que Mon espace santé envoie pour le profil de {actor.subject.fullName}. Ce qui arrive reste
        toujours dans les{" "}
        <Link href={NOTIFICATIONS_PATH} className="text-brand-700 underline">
          notifications
        </Link>{" "}
        du profil.
      </p>
      <p className="mt-4 rounded border-l-4 border-brand-700 bg-brand-50 p-4">
        Les e-mails envoyés à chaque accès en urgence et au premier accès d&apos;un professionnel de santé au dossier ne peuvent
        pas être désactivés : ils vous permettent de savoir qui consulte vos informations.
      </p>
      <EmailPreferencesForm action={saveEmailPreferencesAction} topics={EMAIL_TOPICS} preferences={preferences} />
    </>
  );
}
