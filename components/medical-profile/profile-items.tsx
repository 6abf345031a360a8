import type { ReactNode } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Link } from "@/components/ui/link";
import { formatLongDateFr } from "@/lib/format";
import { PROFESSIONAL_ENTRY_NOTICE } from "@/lib/medical-profile/authorship";
import {
  DISABILITY_RATES,
  DISABILITY_TYPES,
  DURATION_UNITS,
  ENTOURAGE_RELATIONS,
  FAMILY_RELATIONSHIPS,
  HEALTH_PROFESSIONAL_ROLES,
  HUMAN_HELP,
  VACCINE_ADMINISTRATIONS,
  choiceLabel,
} from "@/lib/medical-profile/entries";
import { type PartialDate, formatPartialDate } from "@/lib/medical-profile/partial-date";
import type { EntourageContact, HealthProfessionalContact, ProfileItem } from "@/lib/medical-profile/queries";
import { formatMobileFr } from "@/lib/format";

type MaskAction = (formData: FormData) => Promise<void>;

/** "Masquer aux professionnels" / "Rendre visible" for one item of a section professionals may see. */
export function MaskButton({ action, kind, id, isHidden }: { action: MaskAction; kind: string; id?: string; isHidden: boolean }) {
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="kind" value={kind} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <input type="hidden" name="hidden" value={isHidden ? "false" : "true"} />
      <SubmitButton variant="secondary">{isHidden ? "Rendre visible" : "Masquer aux professionnels"}</SubmitButton>
    </form>
  );
}

function describePeriod(start: PartialDate | null, end: PartialDate | null, isOngoing: boolean): string | null {
  if (!start) return isOngoing ? "En cours" : null;
  if (end) return `Du ${formatPartialDate(start)} au ${formatPartialDate(end)}`;
  return isOngoing ? `Depuis ${formatPartialDate(start)}, en cours` : `Début : ${formatPartialDate(start)}`;
}

function describeDuration(item: ProfileItem): string | null {
  if (item.durationValue === null || !item.durationUnit) return null;
  return `Durée : ${item.durationValue} ${choiceLabel(DURATION_UNITS, item.durationUnit)}`;
}

/** The facts of one item, each on its line, in the words of its form. */
function itemLines(item: ProfileItem): string[] {
  const lines: (string | null)[] = [];
  switch (item.section) {
    case "illness":
    case "treatment":
      if (item.dosage) lines.push(`Posologie : ${item.dosage}`);
      lines.push(describePeriod(item.start, item.end, item.isOngoing));
      break;
    case "hospitalisation":
      lines.push(item.start ? `Date : ${formatPartialDate(item.start)}` : null, describeDuration(item));
      break;
    case "disability":
      if (item.disabilityTypes?.length) lines.push(`Type : ${item.disabilityTypes.map((type) => choiceLabel(DISABILITY_TYPES, type)).join(", ")}`);
      if (item.disabilityRate) lines.push(`Taux d'incapacité : ${choiceLabel(DISABILITY_RATES, item.disabilityRate)}`);
      if (item.technicalHelp) lines.push(`Aide technique : ${item.technicalHelp}`);
      if (item.humanHelp) lines.push(`Aide humaine : ${choiceLabel(HUMAN_HELP, item.humanHelp)}`);
      break;
    case "family-history":
      if (item.familyRelationship) lines.push(`Lien de parenté : ${choiceLabel(FAMILY_RELATIONSHIPS, item.familyRelationship)}`);
      break;
    case "vaccination":
      if (item.start) lines.push(`Date : ${formatPartialDate(item.start)}`);
      if (item.vaccineAdministration) lines.push(`Type d'administration : ${choiceLabel(VACCINE_ADMINISTRATIONS, item.vaccineAdministration)}`);
      if (item.lotNumber) lines.push(`Numéro de lot : ${item.lotNumber}`);
      if (item.performer) lines.push(`Vaccinateur : ${item.performer}`);
      break;
    case "allergy":
      break;
  }
  return lines.filter((line): line is string => line !== null);
}

function EntryCard({ title, lines, comment, footer }: { title: string; lines: string[]; comment?: string | null; footer: ReactNode }) {
  return (
    <li className="rounded-lg border-2 border-slate-300 bg-white p-4 break-words">
      <p className="font-semibold text-slate-900">{title}</p>
      {lines.map((line) => (
        <p key={line} className="mt-1 text-slate-700">
          {line}
        </p>
      ))}
      {comment ? <p className="mt-1 whitespace-pre-line text-slate-700">{comment}</p> : null}
      {footer}
    </li>
  );
}

/** The items of one section: each with its facts, its "Modifier" link or the notice of a professional's entry, and its masking where professionals may see it. */
export function ProfileItems({
  items,
  emptyText,
  anchor,
  maskAction,
}: {
  items: ProfileItem[];
  emptyText: string;
  anchor: string;
  /** Given for the sections professionals may see. */
  maskAction?: MaskAction;
}) {
  if (items.length === 0) return <p className="mt-3 text-slate-700">{emptyText}</p>;
  return (
    <ul className="mt-3 space-y-3">
      {items.map((item) => (
        <EntryCard
          key={item.id}
          title={item.label}
          lines={itemLines(item)}
          comment={item.details}
          footer={
            <>
              {item.isChangeable ? (
                <p className="mt-2">
                  <Link href={`/profil-medical/${anchor}/${item.id}`} className="text-brand-700 underline">
                    Modifier<span className="sr-only"> {item.label}</span>
                  </Link>
                </p>
              ) : (
                <p className="mt-2 text-sm text-slate-700">{PROFESSIONAL_ENTRY_NOTICE}</p>
              )}
              {maskAction ? (
                <>
                  {item.isHiddenFromProfessionals ? <p className="mt-2 text-sm font-semibold text-slate-900">Masqué aux professionnels de santé</p> : null}
                  <MaskButton action={maskAction} kind="profile-item" id={item.id} isHidden={item.isHiddenFromProfessionals} />
                </>
              ) : null}
            </>
          }
        />
      ))}
    </ul>
  );
}

export function HealthProfessionalList({ contacts, emptyText, anchor }: { contacts: HealthProfessionalContact[]; emptyText: string; anchor: string }) {
  if (contacts.length === 0) return <p className="mt-3 text-slate-700">{emptyText}</p>;
  return (
    <ul className="mt-3 space-y-3">
      {contacts.map((contact) => (
        <EntryCard
          key={contact.id}
          title={contact.name}
          lines={[
            contact.role ? (choiceLabel(HEALTH_PROFESSIONAL_ROLES, contact.role) ?? "") : "",
            contact.speciality,
            contact.phone ? `Téléphone : ${contact.phone}` : "",
            contact.address ? `Adresse : ${contact.address}` : "",
          ].filter(Boolean)}
          footer={
            <p className="mt-2">
              <Link href={`/profil-medical/${anchor}/${contact.id}`} className="text-brand-700 underline">
                Modifier<span className="sr-only"> {contact.name}</span>
              </Link>
            </p>
          }
        />
      ))}
    </ul>
  );
}

export function EntourageList({
  contacts,
  emptyText,
  anchor,
  maskAction,
}: {
  contacts: EntourageContact[];
  emptyText: string;
  anchor: string;
  maskAction: MaskAction;
}) {
  if (contacts.length === 0) return <p className="mt-3 text-slate-700">{emptyText}</p>;
  return (
    <ul className="mt-3 space-y-3">
      {contacts.map((contact) => {
        const name = `${contact.firstName} ${contact.lastName}`;
        const roles = [
          contact.isTrustedPerson ? "Personne de confiance" : null,
          contact.isEmergencyContact ? "Contact d'urgence" : null,
          contact.isCaregiver ? "Aidant" : null,
        ].filter(Boolean);
        return (
          <EntryCard
            key={contact.id}
            title={name}
            lines={[
              roles.join(", "),
              `Relation : ${choiceLabel(ENTOURAGE_RELATIONS, contact.relation)}`,
              `Mobile : ${formatMobileFr(contact.mobile)}`,
              [contact.address, `${contact.postalCode} ${contact.city}`].filter(Boolean).join(", "),
            ].filter(Boolean)}
            footer={
              <>
                <p className="mt-2">
                  <Link href={`/profil-medical/${anchor}/${contact.id}`} className="text-brand-700 underline">
                    Modifier<span className="sr-only"> {name}</span>
                  </Link>
                </p>
                {contact.isHiddenFromProfessionals ? <p className="mt-2 text-sm font-semibold text-slate-900">Masqué aux professionnels de santé</p> : null}
                <MaskButton action={maskAction} kind="entourage-contact" id={contact.id} isHidden={contact.isHiddenFromProfessionals} />
              </>
            }
          />
        );
      })}
    </ul>
  );
}

export function describeDeclaration(declaredAt: Date): string {
  return `Vous avez indiqué ne pas être concerné le ${formatLongDateFr(declaredAt)}.`;
}
