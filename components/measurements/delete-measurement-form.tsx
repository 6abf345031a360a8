"use client";

import { type FormEvent, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type DeleteMeasurementFormProps = {
  action: (formData: FormData) => Promise<void>;
  measurementId: string;
  slug: string;
  /** "la mesure du 15/11/2025 à 08:30": what the button and the question name. */
  description: string;
};

/** The confirm button's name, sent with the form so that its own submission is not asked about again. */
const CONFIRM_NAME = "confirmation";

/**
 * "Supprimer" on a row of a measure's history, asked once more in a dialog: a deleted measurement
 * cannot be brought back. Without JavaScript the button deletes at once, as a plain form does.
 */
export function DeleteMeasurementForm({ action, measurementId, slug, description }: DeleteMeasurementFormProps) {
  const [isDialogOpen, setIsDialogOpen] = useState(false);

  function askFirst(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter?.getAttribute("name") === CONFIRM_NAME) return;
    event.preventDefault();
    setIsDialogOpen(true);
  }

  return (
    <form action={action} onSubmit={askFirst}>
      <input type="hidden" name="measurementId" value={measurementId} />
      <input type="hidden" name="type" value={slug} />
      <SubmitButton variant="secondary">
        Supprimer<span className="sr-only"> {description}</span>
      </SubmitButton>
      <ConfirmDialog
        heading={`Supprimer ${description} ?`}
        isOpen={isDialogOpen}
        onClose={() => setIsDialogOpen(false)}
        confirmLabel="Supprimer"
        confirmName={CONFIRM_NAME}
        confirmValue="oui"
      >
        Elle sera retirée de votre historique. Cette action est définitive.
      </ConfirmDialog>
    </form>
  );
}
