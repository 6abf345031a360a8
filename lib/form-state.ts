/**
 * The contract between a form and its server action (used with `useActionState`): what the
 * action returns and the form shows. No server-only import: client forms read these types.
 */

/** Field errors keyed by field name, in French, the shape every form state carries. */
export type FieldErrors = Record<string, string[] | undefined>;

/**
 * What a form's server action returns. `values` holds the non-secret fields typed by the user
 * so the form can refill itself after React resets it; never a password.
 */
export type FormState = {
  status: "idle" | "error" | "success";
  fieldErrors?: FieldErrors;
  message?: string;
  values?: Record<string, string>;
};

export const idleFormState: FormState = { status: "idle" };

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** A form state that may also say the login is locked, and until when (ISO instant). */
export type AuthFormState = FormState & { lockedUntil?: string };

export type AuthFormAction = (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
