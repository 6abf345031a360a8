import type { ComponentProps } from "react";
import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";
import { inputClassName } from "@/components/forms/text-field";

export type SelectOption = { value: string; label: string };

type SelectFieldProps = Omit<ComponentProps<"select">, "id" | "name" | "className" | "aria-describedby" | "aria-invalid" | "children"> & {
  name: string;
  /** The accessible name, exactly (a combobox found by it). */
  label: string;
  options: SelectOption[];
  hint?: string;
  error?: string[];
  id?: string;
};

/** A labelled list of choices with its hint and error, laid out like TextField. */
export function SelectField({ name, label, options, hint, error, id = name, ...selectProps }: SelectFieldProps) {
  const { hintId, errorId } = getFieldIds(id);
  const isInvalid = hasErrors(error);
  return (
    <div>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
      </label>
      {hint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <FieldError id={errorId} error={error} />
      <select
        id={id}
        name={name}
        className={`mt-2 ${inputClassName(isInvalid)}`}
        aria-invalid={isInvalid || undefined}
        aria-describedby={joinIds(hint ? hintId : undefined, isInvalid && errorId)}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
