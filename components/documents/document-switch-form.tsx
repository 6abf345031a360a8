import { SubmitButton } from "@/components/forms/submit-button";
import type { ButtonVariant } from "@/components/ui/button";

type DocumentSwitchFormProps = {
  action: (formData: FormData) => Promise<void>;
  /** Hidden fields sent with the button: the document's id, the state asked for. */
  fields: Record<string, string>;
  label: string;
  variant?: ButtonVariant;
};

/** One button that changes one thing ("Masquer aux professionnels", "Épingler"): a form of its own, usable without JavaScript. */
export function DocumentSwitchForm({ action, fields, label, variant = "secondary" }: DocumentSwitchFormProps) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
}
