"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import { approveAuthorization } from "@/lib/connected-services/authorization";
import { disconnectService, grantPurposes } from "@/lib/connected-services/connections";
import { deniedRedirect } from "@/lib/connected-services/oauth";
import { CATALOGUE_PATH, SERVICE_DONE_PARAMETER, servicePath } from "@/lib/connected-services/paths";
import { authorizationRequestSchema, purposesFormSchema, serviceIdSchema, tickedPurposes } from "@/lib/connected-services/schemas";
import { checkAuthorizationRequest } from "@/lib/connected-services/authorization";
import type { FormState } from "@/lib/form-state";
import { fieldErrorsOf, formFields, submittedForm } from "@/lib/validation";

/** Connect, change the purposes granted, or re-approve after the service changed them: one form on the service's page. */
export async function savePurposesAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const fields = formFields(submittedForm(submitted));
  const parsed = purposesFormSchema.safeParse(fields);
  const actor = await requireActor();
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), message: "Choisissez au moins une finalité à accorder à ce service." };
  const outcome = await grantPurposes({ actor, serviceId: parsed.data.serviceId, purposes: parsed.data.purposes, now: new Date() });
  if (outcome.status === "not-found") redirect(CATALOGUE_PATH);
  if (outcome.status === "refused") return { status: "error", message: outcome.message };
  redirect(`${servicePath(parsed.data.serviceId)}?${SERVICE_DONE_PARAMETER}=finalites`);
}

export async function disconnectServiceAction(submitted: unknown): Promise<void> {
  const parsed = serviceIdSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) redirect(CATALOGUE_PATH);
  const outcome = await disconnectService({ actor, serviceId: parsed.data.serviceId, now: new Date() });
  if (outcome.status === "not-found") redirect(CATALOGUE_PATH);
  redirect(`${servicePath(parsed.data.serviceId)}?${SERVICE_DONE_PARAMETER}=deconnecte`);
}

/** "Autoriser" on the consent page: the purposes ticked are granted and the patient goes back to the service with a code. */
export async function approveAuthorizationAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const fields = formFields(submittedForm(submitted));
  const parsed = authorizationRequestSchema.safeParse(fields);
  const actor = await requireActor();
  if (!parsed.success) return { status: "error", message: "Cette demande d'autorisation est incomplète : recommencez depuis le service." };
  const purposes = tickedPurposes(fields);
  if (purposes.length === 0) return { status: "error", message: "Choisissez au moins une finalité à accorder à ce service." };
  const outcome = await approveAuthorization({ actor, fields: parsed.data, purposes, now: new Date() });
  if (outcome.status !== "redirect") return { status: "error", message: outcome.message };
  redirect(outcome.location);
}

/** "Refuser": the service learns the patient said no; nothing is written. */
export async function denyAuthorizationAction(submitted: unknown): Promise<void> {
  const parsed = authorizationRequestSchema.safeParse(formFields(submittedForm(submitted)));
  await requireActor();
  if (!parsed.success) redirect(CATALOGUE_PATH);
  // Sent back only to an address the service declared.
  const checked = await checkAuthorizationRequest(parsed.data);
  if (checked.status === "invalid") redirect(CATALOGUE_PATH);
  redirect(deniedRedirect({ redirectUri: parsed.data.redirect_uri, state: parsed.data.state }));
}
