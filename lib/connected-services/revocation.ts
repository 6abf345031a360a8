import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { connectedServices, oauthTokens, serviceConnections } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { hashSecret, jsonAnswer } from "./oauth";
import { revocationRequestSchema } from "./schemas";

/**
 * Token revocation (RFC 7009), for a service that gives up its access to a patient: the library
 * has no revocation handler, so this is ours, over the same hashed tokens (oauth.ts). Revoking
 * either token of a pair ends both (§2.1: the access tokens of a refresh token's grant SHOULD go
 * too); the connection stays, since only the patient disconnects. The answer is 200 whatever the
 * token was (§2.2): unknown, already revoked, or another service's — which it leaves alone, and
 * answers the same, so that the endpoint tells nobody whether a token exists.
 */
export async function answerRevocationRequest(request: Request, now: Date): Promise<Response> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    return jsonAnswer(400, { error: "invalid_request", error_description: "Le corps doit être un formulaire (application/x-www-form-urlencoded)." });
  }
  const parsed = revocationRequestSchema.safeParse(Object.fromEntries(new URLSearchParams(await request.text()).entries()));
  if (!parsed.success) return jsonAnswer(400, { error: "invalid_request", error_description: parsed.error.issues.map((issue) => issue.message).join(" ; ") });
  const { token, client_id: clientId } = parsed.data;
  // Any referenced service, suspended or delisted too: giving a token up only ever takes access away.
  const [service] = await getDb().select({ id: connectedServices.id, name: connectedServices.name }).from(connectedServices).where(eq(connectedServices.code, clientId)).limit(1);
  if (!service) return jsonAnswer(401, { error: "invalid_client", error_description: "Service inconnu." }, { "WWW-Authenticate": 'Basic realm="Mon espace santé"' });
  const hash = hashSecret(token);
  await getDb().transaction(async (tx) => {
    const [owned] = await tx
      .select({ tokenId: oauthTokens.id, connectionId: oauthTokens.connectionId, personId: serviceConnections.personId })
      .from(oauthTokens)
      .innerJoin(serviceConnections, eq(serviceConnections.id, oauthTokens.connectionId))
      .where(and(or(eq(oauthTokens.accessTokenHash, hash), eq(oauthTokens.refreshTokenHash, hash)), isNull(oauthTokens.revokedAt), eq(serviceConnections.serviceId, service.id)))
      .limit(1)
      .for("update");
    if (!owned) return;
    await tx.update(oauthTokens).set({ revokedAt: now }).where(eq(oauthTokens.id, owned.tokenId));
    await recordActivity(tx, {
      subjectPersonId: owned.personId,
      actor: { kind: "service", accountId: null, name: service.name },
      action: "services.token-revoked",
      target: { type: "service_connection", id: owned.connectionId },
      at: now,
    });
  });
  return jsonAnswer(200, {});
}
