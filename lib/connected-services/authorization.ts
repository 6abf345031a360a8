import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { connectedServices } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import { grantPurposes } from "./connections";
import { issueAuthorizationCode } from "./oauth";
import { type Purpose, parseScope, sortPurposes } from "./purposes";
import type { AuthorizationRequestFields } from "./schemas";

/**
 * The consent page of the OAuth authorisation (/catalogue/autorisation): the patient, signed in
 * on our side, sees which service asks for what, ticks the purposes they grant, and is sent back
 * to the service with a code. A request whose client or redirect URI is unknown is never sent
 * back anywhere (RFC 6749 §4.1.2.1): the page says what is wrong.
 */

export type CheckedAuthorizationRequest =
  | { status: "valid"; service: { id: string; name: string; publisher: string }; askedPurposes: Purpose[] }
  | { status: "invalid"; message: string };

export async function checkAuthorizationRequest(fields: AuthorizationRequestFields): Promise<CheckedAuthorizationRequest> {
  const [service] = await getDb()
    .select({
      id: connectedServices.id,
      name: connectedServices.name,
      publisher: connectedServices.publisher,
      status: connectedServices.status,
      requestedPurposes: connectedServices.requestedPurposes,
      redirectUris: connectedServices.redirectUris,
    })
    .from(connectedServices)
    .where(eq(connectedServices.code, fields.client_id))
    .limit(1);
  if (!service || service.status === "delisted") return { status: "invalid", message: "Ce service n'est pas référencé dans le catalogue." };
  if (!service.redirectUris.includes(fields.redirect_uri)) return { status: "invalid", message: "L'adresse de retour de ce service n'est pas celle qu'il a déclarée." };
  if (service.status !== "online") return { status: "invalid", message: "Ce service est suspendu : vous ne pouvez pas le connecter pour le moment." };
  const asked = fields.scope === undefined || fields.scope.trim() === "" ? sortPurposes(service.requestedPurposes) : parseScope(fields.scope);
  if (!asked || asked.length === 0 || !asked.every((purpose) => service.requestedPurposes.includes(purpose))) {
    return { status: "invalid", message: "Ce service demande des finalités qu'il n'a pas déclarées au catalogue." };
  }
  return { status: "valid", service: { id: service.id, name: service.name, publisher: service.publisher }, askedPurposes: asked };
}

export type AuthorizationOutcome = { status: "redirect"; location: string } | { status: "invalid"; message: string } | { status: "refused"; message: string };

/**
 * "Autoriser": connects the subject with the purposes ticked (among those asked) and issues the
 * code; the service's redirect URI with the code and its state is where the patient goes next.
 */
export async function approveAuthorization({
  actor,
  fields,
  purposes,
  now,
}: {
  actor: Actor;
  fields: AuthorizationRequestFields;
  purposes: readonly Purpose[];
  now: Date;
}): Promise<AuthorizationOutcome> {
  const checked = await checkAuthorizationRequest(fields);
  if (checked.status === "invalid") return checked;
  if (!purposes.every((purpose) => checked.askedPurposes.includes(purpose))) return { status: "refused", message: "Choisissez parmi les finalités que ce service demande." };
  const granted = await grantPurposes({ actor, serviceId: checked.service.id, purposes, now });
  if (granted.status === "not-found") return { status: "invalid", message: "Ce service n'est pas référencé dans le catalogue." };
  if (granted.status === "refused") return granted;
  const location = await issueAuthorizationCode(
    { clientId: fields.client_id, redirectUri: fields.redirect_uri, state: fields.state, codeChallenge: fields.code_challenge, codeChallengeMethod: "S256" },
    { connectionId: granted.connectionId, scope: sortPurposes(purposes) },
  );
  return { status: "redirect", location };
}
