"use client";

import type { ComponentProps } from "react";
import { useFormStatus } from "react-dom";
import { buttonClassName, type ButtonVariant } from "@/components/ui/button";

type SubmitButtonProps = Omit<ComponentProps<"button">, "type" | "className" | "disabled"> & {
  variant?: ButtonVariant;
  isFullWidth?: boolean;
  /** Disabled for a reason of the caller's, on top of the pending submission. */
  isDisabled?: boolean;
  /** A pending submission the caller knows of, e.g. a form submitted through the `form` attribute. */
  isPending?: boolean;
};

/**
 * Submits its form and stays disabled while the action runs, so a double click sends it once; the
 * label does not change (it is the button's name), aria-busy and a spinner tell that it is working.
 * Must be rendered inside the <form>: useFormStatus reads the enclosing form only.
 */
export function SubmitButton({
  variant,
  isFullWidth,
  isDisabled = false,
  isPending = false,
  children,
  ...props
}: SubmitButtonProps) {
  const { pending } = useFormStatus();
  const isBusy = pending || isPending;
  return (
    <button
      {...props}
      type="submit"
      disabled={isBusy || isDisabled}
      aria-busy={isBusy || undefined}
      className={buttonClassName({ variant, isFullWidth })}
    >
      {isBusy ? (
        <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none" />
      ) : null}
      {children}
    </button>
  );
}
