import { EmptyCircleIcon, SuccessIcon } from "@/components/ui/icons";

export type ChecklistItem = { id: string; label: string; isMet: boolean };

type LiveChecklistProps = {
  /** Point the field's `describedBy` at it so the rules are read with the field. */
  id: string;
  /** Introduces the list, e.g. "Votre mot de passe doit contenir :". */
  title: string;
  items: ChecklistItem[];
};

/**
 * Rules shown before typing and ticked as they are met. Each state is given by an icon of its own
 * shape and by text ("respecté" / "non respecté"), never by colour alone. A separate polite region
 * announces the count, which changes far less often than the value, rather than every tick.
 */
export function LiveChecklist({ id, title, items }: LiveChecklistProps) {
  const titleId = `${id}-title`;
  const metCount = items.filter((item) => item.isMet).length;
  return (
    <div className="rounded border border-slate-300 bg-slate-50 p-3">
      <div id={id}>
        <p id={titleId} className="font-semibold text-slate-900">
          {title}
        </p>
        <ul aria-labelledby={titleId} className="mt-2 space-y-1">
          {items.map((item) => (
            <li
              key={item.id}
              className={`flex items-start gap-2 ${item.isMet ? "text-success-700" : "text-slate-700"}`}
            >
              {item.isMet ? <SuccessIcon className="mt-0.5 h-5 w-5 shrink-0" /> : <EmptyCircleIcon className="mt-0.5 h-5 w-5 shrink-0" />}
              <span>
                {item.label}
                <span className="sr-only"> : {item.isMet ? "respecté" : "non respecté"}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p aria-live="polite" className="sr-only">
        {metCount === items.length
          ? "Toutes les règles sont respectées."
          : `${metCount} règle${metCount > 1 ? "s" : ""} respectée${metCount > 1 ? "s" : ""} sur ${items.length}.`}
      </p>
    </div>
  );
}
