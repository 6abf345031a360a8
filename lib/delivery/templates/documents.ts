import "server-only";
import { appUrl, composeEmail, CORRESPONDENT_SIGNATURE, type EmailContent, greeting, type SmsContent } from "../message-blocks";

/**
 * "Documents" (the newDocument switch): a professional added a document to a profile. Neither the
 * title nor the professional is named: either could tell someone reading over a shoulder what
 * the care is about. `childFirstName` is set when the profile is a child's, told to a representative.
 */
type DocumentAddedNotice = { firstName: string; childFirstName: string | null };

function whoseProfile(childFirstName: string | null): string {
  return childFirstName ? `dans le profil Mon espace santé de ${childFirstName}` : "dans votre profil Mon espace santé";
}

export function documentAddedEmail({ firstName, childFirstName }: DocumentAddedNotice): EmailContent {
  return composeEmail({
    subject: "Un nouveau document est disponible dans Mon espace santé",
    heading: "Nouveau document",
    blocks: [
      greeting(firstName),
      { kind: "paragraph", text: `Un professionnel de santé a ajouté un document ${whoseProfile(childFirstName)}.` },
      { kind: "paragraph", text: "Vous le retrouvez dans « Documents » et dans vos notifications." },
      {
        kind: "paragraph",
        text: "Vous pouvez choisir les e-mails que vous recevez dans « Préférences de notification », depuis votre profil.",
      },
      { kind: "link", label: "Se connecter à Mon espace santé", href: appUrl("/") },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function documentAddedSms({ childFirstName }: DocumentAddedNotice): SmsContent {
  return { text: `Mon espace santé : un professionnel de santé a ajouté un document ${whoseProfile(childFirstName)}.` };
}
