import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { LegalDocument, type LegalSection } from "@/components/layout/legal-document";
import { describeDays, describeMinutes } from "@/lib/format";
import { getSettings } from "@/lib/env";

const title = "Politique de protection des données personnelles";

export const metadata: Metadata = { title };

export default function PrivacyPolicyPage() {
  const settings = getSettings();
  const notificationCodeValidity = describeDays(settings.NOTIFICATION_CODE_VALIDITY_DAYS);
  const requestedCodeValidity = describeMinutes(settings.REQUESTED_CODE_VALIDITY_MINUTES);

  const retentionRows: { data: string; duration: string }[] = [
    {
      data: "Identité et coordonnées transmises par l’organisme d’assurance maladie",
      duration:
        "Tant que l’organisme d’assurance maladie vous inscrit dans le fichier qu’il transmet ; une fois votre espace fermé, elles suivent les règles de fermeture ci-dessous.",
    },
    {
      data: "Code provisoire reçu avec l’information préalable",
      duration: `Valable ${notificationCodeValidity} ; inutilisable après sa première utilisation. Seule son empreinte est conservée.`,
    },
    {
      data: "Code provisoire demandé en ligne, code de connexion",
      duration: `Valable ${requestedCodeValidity} au plus pour un code provisoire, quelques minutes pour un code de connexion ; inutilisable après sa première utilisation. Seule son empreinte est conservée.`,
    },
    {
      data: "Date de votre opposition à la création de l’espace",
      duration: "Tant que vous ne revenez pas sur votre choix, afin que votre espace ne soit pas créé malgré vous.",
    },
    {
      data: "Session de connexion",
      duration: "Jusqu’à votre déconnexion, sa fermeture après une période d’inactivité ou sa révocation.",
    },
    {
      data: "Contenu de votre espace (documents, profil médical, messages, agenda, remboursements, autorisations) et historique d’activité",
      duration:
        "Tant que votre espace est ouvert. Après sa fermeture : archivage pendant dix ans puis suppression, ou suppression dans un délai de trois mois si vous la demandez expressément (article R. 1111-36 du code de la santé publique).",
    },
  ];

  const sections: LegalSection[] = [
    {
      id: "responsable",
      title: "Responsable du traitement",
      body: (
        <>
          <p>
            Ce site est une réimplémentation libre et ouverte du service public Mon espace santé ; il n’est ni
            édité ni exploité par l’Assurance Maladie ou par le ministère chargé de la santé. Le responsable du
            traitement de vos données est l’exploitant de cette instance, c’est-à-dire l’organisme qui la met en
            service et l’administre.
          </p>
          <p>
            Pour le service public officiel (<a href="https://www.monespacesante.fr">www.monespacesante.fr</a>), le
            ministre chargé de la santé et la Caisse nationale de l’assurance maladie sont responsables conjoints
            du traitement (article R. 1111-26 du code de la santé publique).
          </p>
        </>
      ),
    },
    {
      id: "donnees",
      title: "Données traitées",
      body: (
        <>
          <ul>
            <li>
              <strong>Votre identité</strong>, transmise par votre organisme d’assurance maladie : nom, prénoms,
              sexe, date et lieu de naissance, numéro de sécurité sociale, numéro de série de votre carte Vitale
              (utilisé seulement pour vérifier votre identité), et la liste de vos enfants ayants droit.
            </li>
            <li>
              <strong>Vos coordonnées</strong> : adresse e-mail, numéro de téléphone mobile et adresse postale
              transmis par votre organisme d’assurance maladie ; vous pouvez modifier l’e-mail et le mobile utilisés
              par le service, après vérification par un code.
            </li>
            <li>
              <strong>Les données de votre compte</strong> : identifiant, empreinte de votre mot de passe,
              préférences de notification, sessions de connexion, tentatives de connexion et codes envoyés (sous
              forme d’empreinte).
            </li>
            <li>
              <strong>Vos données de santé</strong>, saisies par vous ou ajoutées par les professionnels de santé
              qui vous prennent en charge : documents, profil médical (antécédents, traitements, allergies,
              vaccinations, mesures, réponses au questionnaire de première connexion…), messages et pièces jointes,
              rendez-vous ; ainsi que vos remboursements de soins, transmis par l’organisme d’assurance maladie.
            </li>
            <li>
              <strong>Vos choix et l’historique d’activité</strong> : autorisations d’accès, professionnels bloqués,
              éléments masqués, réglages d’accès d’urgence, et la trace de chaque action dans votre espace (qui,
              quand, quoi).
            </li>
          </ul>
          <p>
            Le service ne collecte rien d’autre : ni publicité, ni profilage, ni revente de données, ni décision
            automatisée vous concernant.
          </p>
        </>
      ),
    },
    {
      id: "finalites",
      title: "Finalités",
      body: (
        <>
          <p>Vos données sont traitées pour :</p>
          <ul>
            <li>vous informer de la création de votre espace et recueillir votre activation ou votre opposition ;</li>
            <li>vous identifier et vous authentifier de façon sûre à chaque connexion ;</li>
            <li>
              vous permettre de conserver, de consulter et de partager vos informations de santé, et d’échanger
              avec vos professionnels de santé ;
            </li>
            <li>
              permettre aux professionnels de santé et aux services que vous autorisez d’y accéder, dans les limites
              que vous fixez ;
            </li>
            <li>tracer chaque accès et chaque action, et vous en rendre compte ;</li>
            <li>vous envoyer les codes et les notifications nécessaires au service ;</li>
            <li>assurer la sécurité du service et vous permettre d’exercer vos droits.</li>
          </ul>
        </>
      ),
    },
    {
      id: "bases-legales",
      title: "Bases légales",
      body: (
        <>
          <p>
            Mon espace santé est un service prévu par la loi (articles L. 1111-13 et suivants du code de la santé
            publique et décret n° 2021-1048 du 4 août 2021). Le traitement repose sur :
          </p>
          <ul>
            <li>
              l’exécution d’une mission d’intérêt public (article 6, paragraphe 1, e, du règlement (UE) 2016/679,
              dit RGPD) ;
            </li>
            <li>
              pour les données de santé, les finalités de médecine préventive, de diagnostic, de prise en charge
              sanitaire et de gestion des systèmes de soins de santé (article 9, paragraphe 2, h, du RGPD), les
              professionnels qui y accèdent étant tenus au secret professionnel ;
            </li>
            <li>
              le respect d’une obligation légale pour la traçabilité des accès (articles L. 1111-19 et R. 1111-43
              du code de la santé publique) ;
            </li>
            <li>
              votre autorisation, que vous pouvez retirer à tout moment, pour l’accès d’un service du catalogue ou
              d’un professionnel extérieur à l’équipe qui vous soigne.
            </li>
          </ul>
        </>
      ),
    },
    {
      id: "destinataires",
      title: "Destinataires",
      body: (
        <>
          <ul>
            <li>vous-même et, pour l’espace d’un enfant mineur, son représentant légal ;</li>
            <li>
              les professionnels de santé qui vous prennent en charge, selon les règles décrites dans les{" "}
              <Link href="/conditions-generales#professionnels">Conditions Générales d&apos;Utilisation</Link> :
              éléments non masqués, professionnels non bloqués, accès d’urgence sauf opposition de votre part ;
            </li>
            <li>les services du catalogue, pour la seule partie de votre espace que vous leur avez ouverte ;</li>
            <li>
              les prestataires techniques de l’exploitant (hébergement, envoi des e-mails et des SMS), pour la seule
              exécution de leur tâche et sous contrat : le prestataire d’envoi reçoit votre adresse ou votre numéro
              et le texte du message, jamais vos documents de santé.
            </li>
          </ul>
          <p>
            L’organisme d’assurance maladie transmet votre identité, vos coordonnées et vos remboursements ; il
            n’accède pas, par ce service, au contenu de votre espace. Si un prestataire se trouve hors de l’Union
            européenne, l’exploitant doit encadrer ce transfert par l’une des garanties prévues aux articles 44 et
            suivants du RGPD.
          </p>
        </>
      ),
    },
    {
      id: "hebergement",
      title: "Hébergement",
      body: (
        <p>
          Les données sont enregistrées dans la base de données de cette instance ; les documents sont chiffrés là où
          ils sont stockés.
          La loi impose que des données de santé conservées pour le compte d’autrui soient confiées à un hébergeur
          certifié « hébergeur de données de santé » (article L. 1111-8 du code de la santé publique) :
          l’exploitant qui traite des données réelles doit y recourir. Une instance de démonstration ne doit
          contenir que des données fictives.
        </p>
      ),
    },
    {
      id: "conservation",
      title: "Durées de conservation",
      body: (
        <dl className="mt-4 border-b border-slate-300">
          {retentionRows.map((row) => (
            <div key={row.data} className="border-t border-slate-300 py-3 sm:grid sm:grid-cols-[2fr_3fr] sm:gap-6">
              <dt className="font-semibold text-slate-900">{row.data}</dt>
              <dd className="mt-1 sm:mt-0">{row.duration}</dd>
            </div>
          ))}
        </dl>
      ),
    },
    {
      id: "securite",
      title: "Sécurité",
      body: (
        <ul>
          <li>
            Votre mot de passe n’est jamais enregistré en clair : seule une empreinte calculée avec l’algorithme
            argon2id est conservée, et personne, pas même l’exploitant, ne peut le lire.
          </li>
          <li>
            Les codes provisoires et les codes de connexion sont conservés sous forme d’empreinte ; chacun expire,
            ne sert qu’une fois, et le nombre d’essais est limité.
          </li>
          <li>
            Chaque connexion demande, en plus du mot de passe, un code à usage unique envoyé par e-mail ou par SMS ;
            le compte est bloqué temporairement après des erreurs répétées.
          </li>
          <li>
            Les documents sont chiffrés là où ils sont stockés ; leur type réel est vérifié à partir de leur
            contenu lors de l’envoi.
          </li>
          <li>
            Chaque consultation est limitée à votre propre espace ou à une autorisation, et chaque accès d’un
            professionnel ou d’un service est enregistré dans votre historique d’activité.
          </li>
          <li>Les échanges entre votre navigateur et le service sont chiffrés (HTTPS).</li>
        </ul>
      ),
    },
    {
      id: "cookies",
      title: "Cookies",
      body: (
        <p>
          Le service n’utilise que des cookies strictement nécessaires à son fonctionnement : le cookie de votre
          session et des cookies techniques qui protègent le formulaire de connexion. Ils sont marqués HttpOnly
          (aucun script de la page ne peut les lire) et ne servent à rien d’autre. Il n’y a ni cookie publicitaire,
          ni mesure d’audience, ni traceur d’un site tiers ; c’est pourquoi aucun consentement ne vous est demandé
          (article 82 de la loi n° 78-17 du 6 janvier 1978).
        </p>
      ),
    },
    {
      id: "droits",
      title: "Vos droits",
      body: (
        <>
          <p>Vous disposez des droits prévus par les articles 15 à 22 du RGPD :</p>
          <ul>
            <li>
              <strong>accès</strong> : tout le contenu de votre espace et son historique d’activité sont consultables
              à tout moment ; « Télécharger mes données » vous en remet une copie complète (documents, profil,
              messages, historique), qui sert aussi à les transmettre ailleurs ;
            </li>
            <li>
              <strong>rectification</strong> : vous modifiez vous-même votre e-mail, votre mobile et ce que vous avez
              saisi ; les données d’identité se corrigent auprès de votre organisme d’assurance maladie, et un
              document ajouté par un professionnel auprès de son auteur (vous pouvez le masquer en attendant) ;
            </li>
            <li>
              <strong>opposition</strong> : vous pouvez vous opposer à la création de votre espace, masquer des
              éléments, bloquer un professionnel, refuser les accès d’urgence, et retirer l’autorisation donnée à un
              service ;
            </li>
            <li>
              <strong>effacement</strong> : vous supprimez les documents et informations que vous avez ajoutés ; à la
              fermeture de votre espace, vous pouvez demander la suppression de toutes vos données, effectuée dans un
              délai de trois mois ;
            </li>
            <li>
              <strong>limitation</strong> : vous pouvez demander que le traitement de vos données soit suspendu le
              temps d’examiner une contestation ;
            </li>
            <li>
              <strong>directives après votre décès</strong> : vous pouvez définir le sort de vos données après votre
              décès (article 85 de la loi n° 78-17 du 6 janvier 1978).
            </li>
          </ul>
          <p>
            Pour l’espace d’un enfant mineur, ces droits sont exercés par son représentant légal, sous réserve des
            informations que le mineur a demandé à garder secrètes.
          </p>
        </>
      ),
    },
    {
      id: "exercer-vos-droits",
      title: "Exercer vos droits et réclamer",
      body: (
        <>
          <p>
            La plupart de ces droits s’exercent directement depuis votre espace : rubrique de votre compte
            (coordonnées, « Télécharger mes données », fermeture), autorisations d’accès, historique d’activité.
          </p>
          <p>
            Pour toute autre demande, écrivez à l’exploitant de cette instance, responsable du traitement. Il vous
            répond dans un délai d’un mois, prolongeable de deux mois pour une demande complexe, et ne peut vous
            demander un justificatif d’identité qu’en cas de doute raisonnable (article 12 du RGPD).
          </p>
          <p>
            Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la
            Commission nationale de l’informatique et des libertés (CNIL) :{" "}
            <a href="https://www.cnil.fr">www.cnil.fr</a>, ou par
            courrier à la CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
          </p>
        </>
      ),
    },
  ];

  return (
    <LegalDocument
      title={title}
      versionDate="29 novembre 2026"
      intro={
        <p className="text-lg">
          Mon espace santé contient des données parmi les plus sensibles : vos données de santé. Cette page
          explique quelles données sont traitées, pourquoi, qui peut les voir, combien de temps elles sont gardées et
          comment exercer vos droits.
        </p>
      }
      sections={sections}
    />
  );
}
