import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";
import { inputClassName } from "@/components/forms/text-field";
import { MONTH_OPTIONS } from "@/lib/medical-profile/partial-date";

type PartialDateFieldProps = {
  /** "start" or "end": the fields are `<name>Day`, `<name>Month`, `<name>Year`; the fieldset's id is `name`. */
  name: string;
  legend: string;
  hint?: string;
  error?: string[];
  defaultValues: { day: string; month: string; year: string };
  isRequired?: boolean;
};

/** A partial date in three fields (reference §2.2): the year required, month and day optional. */
export function PartialDateField({ name, legend, hint, error, defaultValues, isRequired }: PartialDateFieldProps) {
  const { hintId, errorId } = getFieldIds(name);
  const isInvalid = hasErrors(error);
  const describedBy = joinIds(hint ? hintId : undefined, isInvalid && errorId);
  return (
    <fieldset id={name} aria-describedby={describedBy}>
      <legend className="font-semibold text-slate-900">{legend}</legend>
      {hint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <FieldError id={errorId} error={error} />
      <div className="mt-2 flex flex-wrap gap-4">
        <div className="w-20">
          <label htmlFor={`${name}Day`} className="block text-sm font-semibold text-slate-900">
            Jour
          </label>
          <input
            id={`${name}Day`}
            name={`${name}Day`}
            inputMode="numeric"
            maxLength={2}
            defaultValue={defaultValues.day}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
            className={`mt-1 ${inputClassName(isInvalid)}`}
          />
        </div>
        <div className="w-40">
          <label htmlFor={`${name}Month`} className="block text-sm font-semibold text-slate-900">
            Mois
          </label>
          <select
            id={`${name}Month`}
            name={`${name}Month`}
            defaultValue={defaultValues.month}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
            className={`mt-1 ${inputClassName(isInvalid)}`}
          >
            <option value="">Non renseigné</option>
            {MONTH_OPTIONS.map((month) => (
              <option key={month.value} value={month.value}>
                {month.label}
              </option>
            ))}
          </select>
        </div>
        <div className="w-28">
          <label htmlFor={`${name}Year`} className="block text-sm font-semibold text-slate-900">
            Année{isRequired ? " (obligatoire)" : ""}
          </label>
          <input
            id={`${name}Year`}
            name={`${name}Year`}
            inputMode="numeric"
            maxLength={4}
            defaultValue={defaultValues.year}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
            className={`mt-1 ${inputClassName(isInvalid)}`}
          />
        </div>
      </div>
    </fieldset>
  );
}
