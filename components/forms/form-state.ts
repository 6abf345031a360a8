/**
 * What a form's server action returns to `useActionState`. `values` holds the non-secret fields
 * typed by the user so the form can refill itself after React resets it; never a password.
 */
export type FormState = {
  status: "idle" | "error" | "success";
  fieldErrors?: Record<string, string[] | undefined>;
  message?: string;
  values?: Record<string, string>;
};

export const idleFormState: FormState = { status: "idle" };
