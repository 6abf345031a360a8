"use client";

import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Link } from "@/components/ui/link";
import { type FormAction, idleFormState } from "@/lib/form-state";

/** "Créer un dossier". */
export function CreateFolderForm({ action, nameMaxLength }: { action: FormAction; nameMaxLength: number }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const typed = state.status === "error" ? (state.values?.name ?? "") : "";
  return (
    <form action={formAction} noValidate className="mt-4 space-y-4">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "name", id: "nouveau-dossier", label: "Nom du nouveau dossier" }]} />
      <FormMessage state={state} />
      <TextField
        key={`${typed}-${state.status}`}
        name="name"
        id="nouveau-dossier"
        label="Nom du nouveau dossier"
        hint={`${nameMaxLength} caractères au plus, différent du nom de vos autres dossiers.`}
        defaultValue={typed}
        error={state.fieldErrors?.name}
        required
      />
      <SubmitButton>Créer le dossier</SubmitButton>
    </form>
  );
}

type FolderItemProps = {
  folder: { id: string; name: string; documentCount: number };
  documentsHref: string;
  renameAction: FormAction;
  deleteAction: FormAction;
  nameMaxLength: number;
};

/** One folder: its documents, a new name, deletion after a dialog (its documents go back to "Aucun dossier"). */
export function FolderItem({ folder, documentsHref, renameAction, deleteAction, nameMaxLength }: FolderItemProps) {
  const [renameState, renameFormAction] = useActionState(renameAction, idleFormState);
  const [deleteState, deleteFormAction, isDeleting] = useActionState(deleteAction, idleFormState);
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  const fieldId = `nom-${folder.id}`;
  const deleteFormId = `supprimer-dossier-${folder.id}`;
  const typed = renameState.status === "error" ? (renameState.values?.name ?? folder.name) : folder.name;
  const count = folder.documentCount;
  return (
    <li className="p-4">
      <h3 className="text-lg font-semibold break-words text-slate-900">{folder.name}</h3>
      <p className="mt-1 text-slate-700">
        {count === 0 ? "Aucun document" : `${count} document${count > 1 ? "s" : ""}`}
        {count > 0 ? (
          <>
            {" – "}
            <Link href={documentsHref} className="text-brand-700 underline">
              Voir les documents du dossier « {folder.name} »
            </Link>
          </>
        ) : null}
      </p>
      <FormMessage state={deleteState} />
      <form action={renameFormAction} noValidate className="mt-3 space-y-3">
        <FormMessage state={renameState} />
        <input type="hidden" name="folderId" value={folder.id} />
        <TextField
          key={`${typed}-${renameState.status}`}
          name="name"
          id={fieldId}
          label={`Nouveau nom du dossier « ${folder.name} »`}
          hint={`${nameMaxLength} caractères au plus.`}
          defaultValue={typed}
          error={renameState.fieldErrors?.name}
          required
        />
        <div className="flex flex-col gap-3 sm:flex-row">
          <SubmitButton variant="secondary">
            Renommer<span className="sr-only"> le dossier « {folder.name} »</span>
          </SubmitButton>
          <Button variant="secondary" onClick={() => setIsDialogOpen(true)}>
            Supprimer<span className="sr-only"> le dossier « {folder.name} »</span>
          </Button>
        </div>
      </form>
      <form id={deleteFormId} action={deleteFormAction}>
        <input type="hidden" name="folderId" value={folder.id} />
      </form>
      <ConfirmDialog
        heading={`Supprimer le dossier « ${folder.name} » ?`}
        isOpen={isDialogOpen}
        onClose={() => setIsDialogOpen(false)}
        confirmLabel="Supprimer"
        form={deleteFormId}
        isPending={isDeleting}
      >
        <p>Les documents qu&apos;il contient ne seront pas supprimés : ils seront rangés dans « Aucun dossier ».</p>
      </ConfirmDialog>
    </li>
  );
}
