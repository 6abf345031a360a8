import type { ComponentProps, ReactNode } from "react";
import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";
import { inputClassName } from "@/components/forms/text-field";

type TextAreaFieldProps = Omit<ComponentProps<"textarea">, "id" | "name" | "className" | "aria-describedby" | "aria-invalid" | "children"> & {
  name: string;
  /** The accessible name, exactly. */
  label: string;
  hint?: ReactNode;
  error?: string[];
  id?: string;
};

/** A labelled multi-line text with its hint and error, laid out like TextField. */
export function TextAreaField({ name, label, hint, error, id = name, rows = 4, ...textAreaProps }: TextAreaFieldProps) {
  const { hintId, errorId } = getFieldIds(id);
  const isInvalid = hasErrors(error);
  return (
    <div>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
      </label>
      {hint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <FieldError id={errorId} error={error} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={`mt-2 ${inputClassName(isInvalid)}`}
        aria-invalid={isInvalid || undefined}
        aria-describedby={joinIds(hint ? hintId : undefined, isInvalid && errorId)}
        {...textAreaProps}
      />
    </div>
  );
}
