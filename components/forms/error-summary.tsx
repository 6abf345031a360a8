"use client";

import { useEffect, useId, useRef, type MouseEvent } from "react";

export type ErrorSummaryField = {
  name: string;
  /** Shown before the message, so "Champ obligatoire" still says which field. */
  label: string;
  /** The id of the field's element when it differs from its name. */
  id?: string;
};

type ErrorSummaryProps = {
  /** A new object after every failed submission (as `useActionState` gives): focus moves each time. */
  fieldErrors?: Record<string, string[] | undefined>;
  /** The form's fields in the order they appear. */
  fields: ErrorSummaryField[];
  title?: string;
};

type SummaryItem = { key: string; targetId?: string; text: string };

function listItems(fieldErrors: Record<string, string[] | undefined>, fields: ErrorSummaryField[]): SummaryItem[] {
  const known = new Set(fields.map((field) => field.name));
  const linked = fields.flatMap((field) =>
    (fieldErrors[field.name] ?? []).map((message, index) => ({
      key: `${field.name}-${index}`,
      targetId: field.id ?? field.name,
      text: `${field.label} : ${message}`,
    })),
  );
  // An error for a field the page did not declare is still shown, without a link to follow.
  const unlinked = Object.entries(fieldErrors)
    .filter(([name]) => !known.has(name))
    .flatMap(([name, messages]) => (messages ?? []).map((message, index) => ({ key: `${name}-${index}`, text: message })));
  return [...linked, ...unlinked];
}

/** Moves focus to the field itself, or to the first control of a group such as a fieldset of radios. */
function focusField(event: MouseEvent<HTMLAnchorElement>, targetId: string) {
  const target = document.getElementById(targetId);
  if (!target) return;
  const control = target.matches("input, select, textarea, button")
    ? target
    : target.querySelector<HTMLElement>("input:checked, input, select, textarea");
  if (!control) return;
  event.preventDefault();
  // The label or legend sits above the control: bring it into view with the control.
  const isLabelable =
    control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement;
  const label = isLabelable ? control.labels?.[0] : undefined;
  const caption = control.closest("fieldset")?.querySelector("legend") ?? label;
  (caption ?? control).scrollIntoView({ block: "start" });
  control.focus({ preventScroll: true });
}

/**
 * The list of errors at the top of a form after a failed submission. It takes the focus so that a
 * screen reader reads it at once and a keyboard user can jump to each field from its link.
 */
export function ErrorSummary({ fieldErrors, fields, title }: ErrorSummaryProps) {
  const titleId = useId();
  const containerRef = useRef<HTMLElement>(null);
  const items = fieldErrors ? listItems(fieldErrors, fields) : [];
  const hasItems = items.length > 0;

  useEffect(() => {
    if (hasItems) containerRef.current?.focus();
  }, [fieldErrors, hasItems]);

  if (!hasItems) return null;
  const heading = title ?? (items.length === 1 ? "Le formulaire contient 1 erreur" : `Le formulaire contient ${items.length} erreurs`);
  return (
    <section
      ref={containerRef}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="rounded border-4 border-danger-700 bg-white p-4"
    >
      <h2 id={titleId} className="text-lg font-bold text-danger-700">
        {heading}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map(({ key, targetId, text }) => (
          <li key={key}>
            {targetId ? (
              <a
                href={`#${targetId}`}
                onClick={(event) => focusField(event, targetId)}
                className="font-semibold text-danger-700 underline"
              >
                {text}
              </a>
            ) : (
              <span className="font-semibold text-danger-700">{text}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
