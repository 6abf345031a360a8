import type { ChangeEvent, ReactNode } from "react";
import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";

export type RadioOption = {
  value: string;
  /** The radio's accessible name, exactly ("Par e-mail"). */
  label: string;
  /** Extra text under the label, linked to the radio as its description. */
  description?: ReactNode;
};

type RadioGroupProps = {
  name: string;
  legend: string;
  options: RadioOption[];
  hint?: ReactNode;
  error?: string[];
  /** Defaults to `name`; the fieldset carries it so the error summary can link to the group. */
  id?: string;
  defaultValue?: string;
  /** With `onValueChange`, for a group whose choice changes the rest of the form. */
  value?: string;
  onValueChange?: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
};

/**
 * Radios in a fieldset whose legend names the group. The fieldset takes the radiogroup role, which
 * (unlike a plain group or a single radio) may carry aria-invalid and aria-required. Each option is a card: its label is stretched
 * over the whole card so the touch target is large, while the accessible name stays the label alone;
 * links and buttons in a description are lifted above that overlay so they stay usable.
 */
export function RadioGroup({
  name,
  legend,
  options,
  hint,
  error,
  id = name,
  defaultValue,
  value,
  onValueChange,
  required,
  disabled,
}: RadioGroupProps) {
  const { hintId, errorId } = getFieldIds(id);
  const legendId = `${id}-legend`;
  const isInvalid = hasErrors(error);
  const handleChange = onValueChange
    ? (event: ChangeEvent<HTMLInputElement>) => onValueChange(event.currentTarget.value)
    : undefined;
  return (
    <fieldset
      id={id}
      role="radiogroup"
      aria-labelledby={legendId}
      aria-describedby={joinIds(hint ? hintId : undefined, isInvalid && errorId)}
      aria-invalid={isInvalid || undefined}
      aria-required={required || undefined}
      disabled={disabled}
    >
      <legend id={legendId} className="font-semibold text-slate-900">{legend}</legend>
      {hint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <FieldError id={errorId} error={error} />
      <div className="mt-2 flex flex-col gap-3">
        {options.map((option, index) => {
          const optionId = `${id}-${index}`;
          const descriptionId = `${optionId}-description`;
          return (
            <div
              key={option.value}
              className={[
                "relative flex gap-3 rounded border-2 bg-white p-3",
                "has-checked:border-brand-700 has-checked:bg-brand-50 has-focus-visible:ring-2 has-focus-visible:ring-brand-700",
                isInvalid ? "border-danger-700" : "border-slate-400",
              ].join(" ")}
            >
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                defaultChecked={value === undefined ? defaultValue === option.value : undefined}
                checked={value === undefined ? undefined : value === option.value}
                onChange={handleChange}
                required={required}
                aria-describedby={option.description ? descriptionId : undefined}
                // Above the label's stretched overlay, so a click on the radio itself reaches it.
                className="relative z-10 mt-0.5 h-6 w-6 shrink-0 accent-brand-700"
              />
              <div className="min-w-0">
                <label
                  htmlFor={optionId}
                  className="block font-semibold text-slate-900 after:absolute after:inset-0 after:content-['']"
                >
                  {option.label}
                </label>
                {option.description ? (
                  <div
                    id={descriptionId}
                    className="mt-1 text-sm text-slate-700 [&_a]:relative [&_a]:z-10 [&_a]:text-brand-700 [&_a]:underline [&_button]:relative [&_button]:z-10"
                  >
                    {option.description}
                  </div>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
