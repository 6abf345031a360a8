import type { ComponentProps, ReactNode } from "react";
import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";

type CheckboxProps = Omit<
  ComponentProps<"input">,
  "id" | "name" | "type" | "className" | "aria-describedby" | "aria-invalid" | "children"
> & {
  name: string;
  /**
   * The accessible name: its whole text, links included. A link inside opens in the same tab unless
   * the caller says otherwise in the link's own text, which would then become part of the name.
   */
  label: ReactNode;
  hint?: ReactNode;
  error?: string[];
  /** Defaults to `name`; the error summary links to it. */
  id?: string;
};

export function Checkbox({ name, label, hint, error, id = name, value = "on", ...inputProps }: CheckboxProps) {
  const { hintId, errorId } = getFieldIds(id);
  const isInvalid = hasErrors(error);
  return (
    <div className={isInvalid ? "border-l-4 border-danger-700 pl-3" : undefined}>
      <FieldError id={errorId} error={error} />
      <div className="mt-1 flex items-start gap-3">
        <input
          id={id}
          name={name}
          type="checkbox"
          value={value}
          aria-invalid={isInvalid || undefined}
          aria-describedby={joinIds(hint ? hintId : undefined, isInvalid && errorId)}
          className="mt-2.5 h-6 w-6 shrink-0 accent-brand-700"
          {...inputProps}
        />
        <div className="min-w-0">
          <label htmlFor={id} className="block py-2 text-slate-900 [&_a]:text-brand-700 [&_a]:underline">
            {label}
          </label>
          {hint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
        </div>
      </div>
    </div>
  );
}
