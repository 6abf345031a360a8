import type { Metadata } from "next";
import { DocumentSwitchForm } from "@/components/documents/document-switch-form";
import { AccessList } from "@/components/professional-access/access-list";
import { EmergencySwitchesForm } from "@/components/professional-access/emergency-switches-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { findAccessAuthorisations, findEmergencySettings } from "@/lib/professional-access/authorisations";
import { ACCESS_RIGHTS_DETAIL_PATH } from "@/lib/professional-access/paths";
import { blockProfessionalAction, saveEmergencySettingsAction, setAdministratorAction, unblockProfessionalAction } from "./actions";

export const metadata: Metadata = { title: "Autorisations d'accès" };

/** "Autorisations d'accès" (SPEC §6): who may reach the record, who is blocked, and the emergency switches. */
export default async function AccessAuthorisationsPage() {
  const actor = await requireOnboardedActor();
  const [lists, settings] = await Promise.all([findAccessAuthorisations(actor), findEmergencySettings(actor)]);
  return (
    <>
      <PageTitle>Autorisations d&apos;accès</PageTitle>
      <p className="mt-4">
        Un professionnel de santé accède à votre dossier médical quand il a recueilli votre accord pendant une consultation, et
        seulement aux types de documents que sa profession peut consulter. Ajouter un professionnel à « Mes professionnels de
        santé » ne lui donne aucun accès.
      </p>
      <p className="mt-2">
        <Link href={ACCESS_RIGHTS_DETAIL_PATH} className="text-brand-700 underline">
          Détail des droits d&apos;accès
        </Link>
      </p>

      <section aria-labelledby="authorised-heading" className="mt-8">
        <h2 id="authorised-heading" className="text-xl font-bold text-brand-900">
          Professionnels autorisés
        </h2>
        <p className="mt-2 text-slate-700">
          Un administrateur voit aussi les documents que vous avez masqués et peut bloquer l&apos;accès d&apos;un autre
          professionnel.
        </p>
        <AccessList
          entries={lists.authorised}
          sinceLabel="Autorisé depuis le"
          emptyText="Aucun professionnel de santé n'a enregistré votre accord pour le moment."
          actionsOf={(entry) => (
            <>
              <DocumentSwitchForm
                action={setAdministratorAction}
                fields={{ accessId: entry.accessId, isAdministrator: entry.isAdministrator ? "non" : "oui" }}
                label={entry.isAdministrator ? "Retirer le statut d'administrateur" : "Nommer administrateur"}
              />
              <DocumentSwitchForm action={blockProfessionalAction} fields={{ accessId: entry.accessId }} label="Bloquer" />
            </>
          )}
        />
      </section>

      <section aria-labelledby="blocked-heading" className="mt-8">
        <h2 id="blocked-heading" className="text-xl font-bold text-brand-900">
          Professionnels bloqués
        </h2>
        <p className="mt-2 text-slate-700">
          Un professionnel bloqué ne peut plus rien consulter de votre dossier ; il peut toujours y déposer un document. Le
          débloquer ne lui rend pas votre accord : il devra vous le demander à nouveau.
        </p>
        <AccessList
          entries={lists.blocked}
          sinceLabel="Bloqué depuis le"
          emptyText="Vous n'avez bloqué aucun professionnel de santé."
          actionsOf={(entry) => <DocumentSwitchForm action={unblockProfessionalAction} fields={{ accessId: entry.accessId }} label="Débloquer" />}
        />
      </section>

      <section aria-labelledby="emergency-heading" className="mt-8">
        <h2 id="emergency-heading" className="text-xl font-bold text-brand-900">
          Accès en cas d&apos;urgence
        </h2>
        <p className="mt-2 text-slate-700">
          Sauf si vous vous y opposez, un professionnel de santé peut consulter vos documents, vos vaccinations, « Mon histoire
          de santé » et « Entourage et volontés » en cas d&apos;urgence. Vous recevez un e-mail à chaque accès en urgence.
        </p>
        <EmergencySwitchesForm action={saveEmergencySettingsAction} settings={settings} />
      </section>
    </>
  );
}
