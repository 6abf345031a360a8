import type { FormState } from "@/components/forms/form-state";

/** A form state that may also say the login is locked, and until when (ISO instant). */
export type AuthFormState = FormState & { lockedUntil?: string };

export type AuthFormAction = (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
