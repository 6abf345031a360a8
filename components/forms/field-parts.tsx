import type { ReactNode } from "react";

/** The ids a field derives from its own, shared by the field and whatever points at it. */
export function getFieldIds(id: string) {
  return { hintId: `${id}-hint`, errorId: `${id}-error` };
}

/** Joins the ids of the elements that describe a control, skipping the absent ones. */
export function joinIds(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length > 0 ? present.join(" ") : undefined;
}

export function hasErrors(error: string[] | undefined): error is string[] {
  return error !== undefined && error.length > 0;
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="mt-1 text-sm text-slate-700 [&_a]:text-brand-700 [&_a]:underline">
      {children}
    </div>
  );
}

/**
 * Always rendered, even empty: a live region must exist before its text changes for screen readers
 * to announce the new error (WCAG 4.1.3).
 */
export function FieldError({ id, error }: { id: string; error: string[] | undefined }) {
  return (
    <div id={id} aria-live="polite">
      {hasErrors(error)
        ? error.map((message) => (
            <p key={message} className="mt-1 font-semibold text-danger-700">
              <span className="sr-only">Erreur : </span>
              {message}
            </p>
          ))
        : null}
    </div>
  );
}
