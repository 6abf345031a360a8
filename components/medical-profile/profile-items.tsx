import type { ReactNode } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Link } from "@/components/ui/link";
import { formatLongDateFr } from "@/lib/format";
import { PROFESSIONAL_ENTRY_NOTICE } from "@/lib/medical-profile/authorship";
import { ENTOURAGE_RELATIONS, HEALTH_PROFESSIONAL_ROLES, choiceLabel } from "@/lib/medical-profile/entries";
import { itemLines } from "@/lib/medical-profile/item-lines";
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
