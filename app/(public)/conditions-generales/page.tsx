import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { LegalDocument, type LegalSection } from "@/components/layout/legal-document";
import { IDENTIFIER_MAX_LENGTH, IDENTIFIER_MIN_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/credential-rules";
import { describeDays, describeMinutes } from "@/lib/format";
import { getSettings } from "@/lib/env";

const title = "Conditions Générales d'Utilisation";

export const metadata: Metadata = { title };

export default function TermsOfUsePage() {
  const settings = getSettings();
  const waitingPeriod = describeDays(settings.WAITING_PERIOD_DAYS);
  const notificationCodeValidity = describeDays(settings.NOTIFICATION_CODE_VALIDITY_DAYS);
  const requestedCodeValidity = describeMinutes(settings.REQUESTED_CODE_VALIDITY_MINUTES);

  const sections: LegalSection[] = [
    {
      id: "objet",
      title: "Objet du service",
      body: (
        <>
          <p>
            Mon espace santé est un espace numérique personnel et sécurisé, prévu par les articles L. 1111-13-1 et
            suivants du code de la santé publique, qui permet à chacun de conserver ses informations de santé et de
            les partager avec les professionnels de santé de son choix. Conformément au décret n° 2021-1048 du
            4 août 2021, il réunit :
          </p>
          <ul>
            <li>vos données d’identité (nom, prénoms, date et lieu de naissance, numéro de sécurité sociale), transmises par votre organisme d’assurance maladie ;</li>
            <li>votre dossier médical partagé (DMP) : vos documents de santé et votre profil médical (antécédents, traitements, allergies, vaccinations, mesures…) ;</li>
            <li>l’historique de vos dépenses de santé et de leurs remboursements ;</li>
            <li>une messagerie sécurisée pour échanger avec vos professionnels de santé ;</li>
            <li>un agenda de vos rendez-vous médicaux ;</li>
            <li>un catalogue de services numériques de santé référencés ;</li>
            <li>la liste des autorisations d’accès que vous avez données et l’historique de ces accès.</li>
          </ul>
          <p>
            Ces conditions générales fixent les règles d’utilisation du service. Vous les acceptez au moment
            d’activer votre espace ; elles s’appliquent aussi à l’espace ouvert automatiquement en l’absence
            d’opposition.
          </p>
        </>
      ),
    },
    {
      id: "exploitant",
      title: "Qui fournit ce service",
      body: (
        <>
          <p>
            Ce site est une réimplémentation libre et ouverte du service public Mon espace santé. Il n’est ni
            édité ni exploité par l’Assurance Maladie ou par le ministère chargé de la santé, qui sont, pour le
            service public officiel, responsables conjoints de sa conception et de sa mise en œuvre (article
            R. 1111-26 du code de la santé publique). Le service public officiel est accessible à l’adresse{" "}
            <a href="https://www.monespacesante.fr">www.monespacesante.fr</a>.
          </p>
          <p>
            Dans ces conditions, « l’exploitant » désigne l’organisme qui met en service et administre cette
            instance du logiciel. Lorsque le bandeau « Version de démonstration » est affiché en haut des pages,
            aucun e-mail ni SMS n’est réellement envoyé et l’instance ne doit contenir que des données fictives.
          </p>
        </>
      ),
    },
    {
      id: "utilisateurs",
      title: "Qui peut utiliser le service",
      body: (
        <>
          <p>
            Un espace peut être créé pour toute personne inscrite dans le fichier des assurés transmis par son
            organisme d’assurance maladie. Les données d’identité et les coordonnées de ce fichier ne sont jamais
            saisies par l’utilisateur : elles proviennent de l’organisme d’assurance maladie, qui seul peut les
            corriger.
          </p>
          <p>
            L’espace d’un enfant mineur est géré par son représentant légal, qui peut le rattacher à son propre
            espace depuis la liste des enfants connue de l’organisme d’assurance maladie. Certaines informations
            couvertes par le secret que le mineur a demandé (contraception, interruption volontaire de grossesse,
            par exemple) et leurs remboursements ne sont jamais montrés à ses représentants légaux (articles
            R. 1111-33 et R. 1111-50 du code de la santé publique).
          </p>
          <p>
            Les professionnels de santé, identifiés par leur numéro RPPS, accèdent au service par un portail qui
            leur est réservé, avec leurs propres identifiants, dans les limites décrites à la section
            « Ce que voient les professionnels de santé ».
          </p>
        </>
      ),
    },
    {
      id: "creation",
      title: "Création de votre espace : activation ou opposition",
      body: (
        <>
          <h3>Information préalable et code provisoire</h3>
          <p>
            Avant la création de votre espace, vous êtes informé par e-mail, ou par courrier postal si aucune
            adresse électronique n’est connue ou si l’e-mail n’a pas pu être remis. Ce message contient un code
            provisoire, valable {notificationCodeValidity} et utilisable une seule fois.
          </p>
          <p>
            Si vous n’avez pas de code ou s’il a expiré, le lien « Générer un nouveau code provisoire » vous en
            fournit un autre. Vous prouvez d’abord votre identité avec votre numéro de sécurité sociale, votre date
            de naissance et le numéro de série de votre carte Vitale, comparés aux données de votre organisme
            d’assurance maladie ; vous choisissez ensuite de recevoir le code par e-mail ou par SMS, aux
            coordonnées connues de cet organisme. Ce code est valable {requestedCodeValidity}, ne sert qu’une fois,
            et le nombre d’essais erronés est limité.
          </p>
          <h3>Votre choix</h3>
          <p>Avec un code valide, vous choisissez :</p>
          <ul>
            <li>
              <strong>« J’active Mon espace santé »</strong> : vous acceptez les présentes conditions et la{" "}
              <Link href="/protection-des-donnees">Politique de protection des données personnelles</Link>, vous
              vérifiez vos coordonnées de contact, puis vous créez votre identifiant et votre mot de passe ;
            </li>
            <li>
              <strong>« Je m’oppose à la création de Mon espace santé »</strong> : après une seconde confirmation,
              la date de votre opposition est enregistrée et un justificatif au format PDF vous est proposé. Ce
              justificatif n’est téléchargeable que sur la page qui confirme l’opposition : conservez-le. Si vous
              aviez déjà un dossier médical partagé, il est conservé mais n’est plus consultable.
            </li>
          </ul>
          <p>
            Vous pouvez revenir sur une opposition à tout moment : il suffit de générer un nouveau code
            provisoire et de choisir l’activation.
          </p>
          <h3>Ouverture automatique</h3>
          <p>
            Sans opposition de votre part, votre espace est créé automatiquement à l’issue d’un délai de{" "}
            {waitingPeriod} après l’envoi de l’information préalable, comme le prévoit l’article R. 1111-28 du
            code de la santé publique. Vous pouvez ensuite l’activer pour vous y connecter, ou le fermer.
          </p>
        </>
      ),
    },
    {
      id: "connexion",
      title: "Connexion et sécurité du compte",
      body: (
        <>
          <p>
            Votre identifiant compte de {IDENTIFIER_MIN_LENGTH} à {IDENTIFIER_MAX_LENGTH} caractères choisis parmi
            les lettres minuscules sans accent, les chiffres, le point, le tiret et le tiret bas ; ce ne peut être
            ni une adresse e-mail ni votre numéro de sécurité sociale. Votre mot de passe compte au moins{" "}
            {PASSWORD_MIN_LENGTH} caractères dont une majuscule, une minuscule, un chiffre et un caractère spécial.
          </p>
          <p>
            À chaque connexion, après votre identifiant et votre mot de passe, un code de connexion à usage
            unique vous est envoyé par e-mail ou par SMS. Ce code n’est valable que quelques minutes.
          </p>
          <p>
            Après plusieurs erreurs de mot de passe ou de code, l’accès au compte est bloqué temporairement pour
            le protéger ; la page de connexion vous indique alors la marche à suivre. Une session inactive est
            fermée automatiquement, et le bouton « Se déconnecter » est présent sur toutes les pages de votre
            espace.
          </p>
        </>
      ),
    },
    {
      id: "engagements",
      title: "Vos engagements",
      body: (
        <>
          <p>En utilisant le service, vous vous engagez à :</p>
          <ul>
            <li>
              garder secrets votre identifiant, votre mot de passe et les codes reçus, ne les communiquer à
              personne, même à quelqu’un se présentant comme un agent du service : aucun agent ne vous les
              demandera jamais ;
            </li>
            <li>choisir un mot de passe que vous n’utilisez pour aucun autre site ;</li>
            <li>vous déconnecter après chaque utilisation, en particulier sur un appareil partagé ;</li>
            <li>
              changer votre mot de passe sans attendre si vous pensez qu’une autre personne le connaît, et vérifier
              l’historique d’activité de votre espace ;
            </li>
            <li>
              n’enregistrer que des informations vous concernant ou concernant les enfants dont vous avez la
              charge ;
            </li>
            <li>
              garder, dans la messagerie, des échanges courtois et liés à votre santé. La messagerie n’est pas
              faite pour les urgences : en cas d’urgence, appelez le 15 ou le 112.
            </li>
          </ul>
          <p>
            Les informations de votre espace ne remplacent pas l’avis d’un professionnel de santé. Vous restez
            libre de ce que vous y enregistrez et de ce que vous partagez.
          </p>
        </>
      ),
    },
    {
      id: "professionnels",
      title: "Ce que voient les professionnels de santé",
      body: (
        <>
          <p>
            Les professionnels de santé qui vous prennent en charge peuvent consulter les documents et le profil
            médical de votre espace, dans la mesure nécessaire à vos soins, et y ajouter des documents et des
            rendez-vous. Un professionnel extérieur à l’équipe qui vous soigne doit obtenir votre accord préalable
            (article R. 1111-46 du code de la santé publique). Les professionnels n’ont accès ni à vos
            remboursements ni à vos échanges avec d’autres professionnels. Seul un professionnel de santé peut
            ouvrir une conversation dans la messagerie ; vous pouvez ensuite lui répondre.
          </p>
          <p>Depuis la rubrique des autorisations d’accès, vous gardez la main :</p>
          <ul>
            <li>
              vous pouvez bloquer un professionnel, puis le débloquer ; un professionnel bloqué ne trouve plus
              votre espace ;
            </li>
            <li>
              vous pouvez masquer un document ou une information de votre profil, puis le rendre visible de
              nouveau (article R. 1111-49) : il n’est alors plus visible des professionnels, sauf de son auteur, de
              votre médecin traitant (article L. 1111-16) et des professionnels que vous avez désignés comme
              « administrateurs » de votre espace ;
            </li>
            <li>
              vous pouvez autoriser un service du catalogue à accéder à une partie choisie de votre espace, et
              retirer cette autorisation ;
            </li>
            <li>
              en cas d’urgence, le médecin régulateur du SAMU et, si votre état l’exige, tout professionnel qui vous
              soigne peuvent accéder à votre espace sans votre accord préalable (« bris de glace », articles
              L. 1111-17 et R. 1111-48), sauf si vous vous y êtes opposé à l’avance dans les réglages d’accès
              d’urgence. Vous choisissez aussi si vos documents masqués restent visibles en urgence. Chaque accès
              d’urgence vous est signalé par e-mail.
            </li>
          </ul>
          <p>
            Chaque action effectuée dans votre espace, par vous ou par un professionnel ou un service, est
            enregistrée (qui, quand, quoi) dans l’historique d’activité, que vous pouvez consulter, filtrer et
            exporter à tout moment (articles L. 1111-19 et R. 1111-43).
          </p>
        </>
      ),
    },
    {
      id: "disponibilite",
      title: "Disponibilité du service",
      body: (
        <>
          <p>
            L’exploitant s’efforce de rendre le service accessible à tout moment. Il peut l’interrompre pour des
            opérations de maintenance ou de sécurité, ou en cas d’incident, sans que cela ouvre droit à
            indemnisation. Une interruption ne fait perdre aucune donnée enregistrée.
          </p>
          <p>
            Le service ne doit pas être la seule source des informations indispensables à votre prise en charge :
            gardez une copie des documents importants, que vous pouvez télécharger à tout moment avec « Télécharger
            mes données ».
          </p>
        </>
      ),
    },
    {
      id: "fermeture",
      title: "Fermeture de votre espace",
      body: (
        <>
          <p>
            Vous pouvez fermer votre espace à tout moment depuis la rubrique de votre compte. Pensez à télécharger
            vos données auparavant. Après la fermeture, conformément à l’article R. 1111-36 du code de la santé
            publique :
          </p>
          <ul>
            <li>
              vos données sont archivées pendant dix ans, sans être consultables par quiconque, puis supprimées ;
            </li>
            <li>si vous rouvrez votre espace pendant ces dix ans, les données archivées vous sont restituées ;</li>
            <li>
              si vous demandez expressément leur suppression, elles sont supprimées dans un délai de trois mois.
            </li>
          </ul>
        </>
      ),
    },
    {
      id: "evolution",
      title: "Évolution des conditions",
      body: (
        <p>
          Ces conditions peuvent évoluer avec le service ou la réglementation. La version en vigueur est toujours
          publiée sur cette page, avec sa date. En cas de changement important, vous en êtes informé dans votre
          espace avant son entrée en vigueur ; si vous ne l’acceptez pas, vous pouvez fermer votre espace.
        </p>
      ),
    },
    {
      id: "droit-applicable",
      title: "Droit applicable",
      body: (
        <>
          <p>
            Ces conditions sont régies par le droit français, notamment le code de la santé publique, le
            règlement (UE) 2016/679 (RGPD) et la loi n° 78-17 du 6 janvier 1978 relative à l’informatique, aux
            fichiers et aux libertés. Le traitement de vos données est décrit dans la{" "}
            <Link href="/protection-des-donnees">Politique de protection des données personnelles</Link>.
          </p>
          <p>
            En cas de désaccord, adressez-vous d’abord à l’exploitant pour rechercher une solution amiable. À
            défaut, le litige relève des juridictions françaises compétentes.
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
          Ces conditions expliquent comment votre espace est créé, comment vous vous y connectez, ce que les
          professionnels de santé peuvent y voir et comment le fermer. Prenez le temps de les lire avant
          d’activer votre espace.
        </p>
      }
      sections={sections}
    />
  );
}
