"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { APPOINTMENT_STATUSES, APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from "@/lib/agenda/schemas";
import { type FormAction, idleFormState } from "@/lib/form-state";

const STATUS_OPTIONS = APPOINTMENT_STATUSES.map((status) => ({ value: status, label: APPOINTMENT_STATUS_LABELS[status] }));

type AppointmentStatusFormProps = {
  action: FormAction;
  personId: string;
  appointmentId: string;
  status: AppointmentStatus;
  /** The appointment's date and time as the list shows them: the list has one form per appointment, each select named after its own. */
  when: string;
};

/** « Statut » of an appointment the professional added, on the patient's record in /pro: confirmé, honoré, annulé, non honoré. */
export function AppointmentStatusForm({ action, personId, appointmentId, status, when }: AppointmentStatusFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-3 flex flex-wrap items-end gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="id" value={appointmentId} />
      <SelectField
        id={`status-${appointmentId}`}
        name="status"
        label={`Statut du rendez-vous du ${when}`}
        options={STATUS_OPTIONS}
        defaultValue={state.values?.status ?? status}
        error={state.fieldErrors?.status}
      />
      <SubmitButton variant="secondary">Enregistrer le statut</SubmitButton>
    </form>
  );
}
