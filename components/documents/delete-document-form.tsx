"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { type FormAction, idleFormState } from "@/lib/form-state";

type DeleteDocumentFormProps = { action: FormAction; documentId: string; title: string };

/** "Supprimer", then a dialog whose "Supprimer" confirms: the document is gone for good. */
export function DeleteDocumentForm({ action, documentId, title }: DeleteDocumentFormProps) {
  const [state, formAction, isPending] = useActionState(action, idleFormState);
  const [isOpen, setIsOpen] = useState(false);
  const formId = `supprimer-${documentId}`;
  return (
    <div className="mt-4">
      <FormMessage state={state} />
      <form id={formId} action={formAction}>
        <input type="hidden" name="documentId" value={documentId} />
      </form>
      <Button variant="secondary" onClick={() => setIsOpen(true)}>
        Supprimer
      </Button>
      <ConfirmDialog
        heading="Supprimer ce document ?"
        isOpen={isOpen}
        onClose={() => setIsOpen(false)}
        confirmLabel="Supprimer"
        form={formId}
        isPending={isPending}
      >
        <p>
          « {title} » sera supprimé définitivement de vos documents. Cette action ne peut pas être annulée.
        </p>
      </ConfirmDialog>
    </div>
  );
}
