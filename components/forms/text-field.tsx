import type { ComponentProps, ReactNode } from "react";
import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";

export type TextFieldType = "text" | "email" | "tel" | "url" | "search" | "password";

const widthClassNames = {
  full: "w-full",
  medium: "w-full sm:max-w-sm",
  short: "w-full max-w-48",
} as const;

export type TextFieldProps = Omit<
  ComponentProps<"input">,
  "id" | "name" | "type" | "className" | "aria-describedby" | "aria-invalid" | "children"
> & {
  name: string;
  /** The accessible name, exactly: tests and assistive tools find the field by it. Put help in `hint`. */
  label: string;
  hint?: ReactNode;
  error?: string[];
  /** Defaults to `name`; the error summary links to it. */
  id?: string;
  type?: TextFieldType;
  /** A unit shown after the input ("m", "kg"), read as part of the field's description. */
  suffix?: ReactNode;
  width?: keyof typeof widthClassNames;
  /** Ids of other elements describing the field, such as a checklist of rules. */
  describedBy?: string;
  /** Content placed after the input on the same line, such as a show/hide button. */
  addon?: ReactNode;
};

export function inputClassName(isInvalid: boolean): string {
  return [
    "block min-h-11 w-full rounded border-2 bg-white px-3 py-2 text-base text-slate-900",
    "placeholder:text-slate-600 read-only:bg-slate-100 disabled:bg-slate-100",
    isInvalid ? "border-danger-700" : "border-slate-500",
  ].join(" ");
}

/**
 * A labelled text input with its hint and error. Labels sit above the input and errors between the
 * hint and the input, where they are seen before typing again; both are linked by aria-describedby.
 */
export function TextField({
  name,
  label,
  hint,
  error,
  id = name,
  type = "text",
  suffix,
  width = "full",
  describedBy,
  addon,
  ...inputProps
}: TextFieldProps) {
  const { hintId, errorId } = getFieldIds(id);
  const suffixId = `${id}-suffix`;
  const isInvalid = hasErrors(error);
  return (
    <div>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
      </label>
      {hint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <FieldError id={errorId} error={error} />
      <div className={`mt-2 flex items-center gap-2 ${widthClassNames[width]}`}>
        <input
          id={id}
          name={name}
          type={type}
          className={inputClassName(isInvalid)}
          aria-invalid={isInvalid || undefined}
          aria-describedby={joinIds(hint ? hintId : undefined, isInvalid && errorId, suffix ? suffixId : undefined, describedBy)}
          {...inputProps}
        />
        {suffix ? (
          <span id={suffixId} className="shrink-0 font-semibold text-slate-900">
            {suffix}
          </span>
        ) : null}
        {addon}
      </div>
    </div>
  );
}
