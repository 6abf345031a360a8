import { z } from "zod";
import { isUuid } from "@/lib/validation";
import { PURPOSE_CODES, type Purpose, isServiceCategory, isServiceThematic } from "./purposes";

/** What the catalogue's forms and its consent page send; no server-only import: the attack suite reads them. */

const serviceId = z.string().refine(isUuid, "Service inconnu.");

export const serviceIdSchema = z.object({ serviceId });

/** The name of the checkbox of one purpose: "finalite-measurements:read". */
export function purposeFieldName(purpose: Purpose): string {
  return `finalite-${purpose}`;
}

/** The purposes ticked in a form (each checkbox sends "oui"); unknown fields are ignored. */
export function tickedPurposes(fields: Record<string, string | undefined>): Purpose[] {
  return PURPOSE_CODES.filter((purpose) => fields[purposeFieldName(purpose)] === "oui");
}

export const purposesFormSchema = z
  .record(z.string(), z.string().optional())
  .transform((fields) => ({ serviceId: fields.serviceId ?? "", purposes: tickedPurposes(fields) }))
  .pipe(
    z.object({
      serviceId,
      purposes: z.array(z.enum(PURPOSE_CODES as [Purpose, ...Purpose[]])).min(1, "Choisissez au moins une finalité à accorder à ce service."),
    }),
  );

/** RFC 7636 §4.1: 43 to 128 characters of the unreserved set; S256 turns any verifier into 43. */
const codeChallenge = z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/, "code_challenge invalide");

/**
 * A service's authorisation request (RFC 6749 §4.1.1 with PKCE), as the consent page reads it
 * from its URL and its form sends it back. PKCE with S256 and a state are required.
 */
export const authorizationRequestSchema = z.object({
  response_type: z.literal("code", "response_type doit valoir « code »"),
  client_id: z.string().regex(/^[a-z0-9-]{1,64}$/, "client_id invalide"),
  redirect_uri: z.url({ protocol: /^https?$/, error: "redirect_uri invalide" }).max(2000),
  scope: z.string().max(500).optional(),
  state: z.string().min(1, "state manquant").max(500),
  code_challenge: codeChallenge,
  code_challenge_method: z.literal("S256", "code_challenge_method doit valoir « S256 »"),
});

export type AuthorizationRequestFields = z.infer<typeof authorizationRequestSchema>;

export const catalogueFiltersSchema = z.object({
  categorie: z
    .string()
    .optional()
    .transform((value) => (value && isServiceCategory(value) ? value : undefined)),
  thematique: z
    .string()
    .optional()
    .transform((value) => (value && isServiceThematic(value) ? value : undefined)),
});

/**
 * A token revocation request (RFC 7009 §2.1), form-encoded. A public client names itself with
 * client_id. An unknown token_type_hint is ignored, as §2.1 allows: both kinds are looked up.
 */
export const revocationRequestSchema = z.object({
  token: z.string().min(1, "token manquant").max(2000),
  token_type_hint: z.string().max(100).optional(),
  client_id: z.string().regex(/^[a-z0-9-]{1,64}$/, "client_id invalide"),
});
