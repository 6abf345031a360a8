"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button, type ButtonVariant } from "@/components/ui/button";

type ConfirmDialogProps = {
  /** The dialog's accessible name. */
  heading: string;
  /** What confirming means; read as the dialog's description. */
  children?: ReactNode;
  isOpen: boolean;
  /** Called on "Annuler" and on Escape; the caller sets `isOpen` back to false. */
  onClose: () => void;
  cancelLabel?: string;
  confirmLabel?: string;
  confirmVariant?: ButtonVariant;
  /**
   * The id of the form the confirm button submits. Without it the button submits the form the
   * dialog is rendered in, whose pending state it reads by itself.
   */
  form?: string;
  /** With `form`: the pending state of that form's action (the third value of `useActionState`). */
  isPending?: boolean;
  /** Sent with the form, so the action (or an onSubmit handler) can tell a confirmed submission. */
  confirmName?: string;
  confirmValue?: string;
};

/**
 * A confirmation built on the native <dialog> opened with showModal(): the browser makes the rest of
 * the page inert, traps the focus and closes on Escape. Focus goes to the safe choice ("Annuler")
 * and returns to the element that opened the dialog when it closes, also once the confirmed action
 * has finished (an action that redirects simply unmounts it).
 */
export function ConfirmDialog({
  heading,
  children,
  isOpen,
  onClose,
  cancelLabel = "Annuler",
  confirmLabel = "Continuer",
  confirmVariant = "primary",
  form,
  isPending = false,
  confirmName,
  confirmValue,
}: ConfirmDialogProps) {
  const headingId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<Element | null>(null);
  const onCloseRef = useRef(onClose);
  const wasBusyRef = useRef(false);
  const { pending: isEnclosingFormPending } = useFormStatus();
  const isBusy = isEnclosingFormPending || isPending;

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
    }
  }, [isOpen]);

  // Escape closes the native dialog by itself: keep the caller's state in step, give the focus back.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const handleClose = () => {
      const opener = openerRef.current;
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      onCloseRef.current();
    };
    dialog.addEventListener("close", handleClose);
    return () => dialog.removeEventListener("close", handleClose);
  }, []);

  // Once the confirmed action has run, close: its outcome (an error, say) is shown on the page.
  useEffect(() => {
    if (wasBusyRef.current && !isBusy) dialogRef.current?.close();
    wasBusyRef.current = isBusy;
  }, [isBusy]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={headingId}
      aria-describedby={children ? descriptionId : undefined}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border-2 border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-[rgb(2_6_23/0.6)]"
    >
      <div className="p-6">
        <h2 id={headingId} className="text-xl font-bold text-brand-900">
          {heading}
        </h2>
        {children ? (
          <div id={descriptionId} className="mt-3">
            {children}
          </div>
        ) : null}
        <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:justify-end">
          <Button ref={cancelRef} variant="secondary" onClick={() => dialogRef.current?.close()}>
            {cancelLabel}
          </Button>
          <SubmitButton
            variant={confirmVariant}
            form={form}
            name={confirmName}
            value={confirmValue}
            isPending={isPending}
          >
            {confirmLabel}
          </SubmitButton>
        </div>
      </div>
    </dialog>
  );
}
