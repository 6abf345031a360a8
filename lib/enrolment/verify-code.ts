import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { insuredPersons, provisionalCodes, type SpaceStatus } from "@/db/schema";
import { clearRateLimits, consumeRateLimits } from "@/lib/rate-limit";
import { isSameHash } from "@/lib/security/secrets";
import { countWrongCode } from "@/lib/security/wrong-codes";
import { lockLiveFlow, lockPersonSpace, startFlow, updateFlow } from "./flows";
import { hashProvisionalCode, lockLiveCode } from "./provisional-codes";
import type { RequestContext } from "@/lib/http/request-context";
import { codeRequestLimits, enrolmentRules, rateLimitKey } from "./rules";

export type VerifyCodeResult =
  | { status: "verified"; flowToken: string; spaceStatus: SpaceStatus }
  | { status: "wrong-code"; remainingAttempts: number }
  /** No live code: expired, used, replaced, exhausted, or the identity did not match. */
  | { status: "no-live-code" }
  | { status: "rate-limited"; retryAfterSeconds: number };

type CodeEntry =
  | { flowToken: string; code: string }
  | { flowToken?: undefined; nir: string; birthDate: string; code: string };

/**
 * Checks a provisional code. With a flow in progress the code belongs to the flow's person;
 * otherwise (a code received by letter or e-mail, entered later) the NIR and birth date say whose.
 * A right code is used up at once; a wrong one counts, and the fifth wrong one kills the code.
 */
export async function verifyProvisionalCode(entry: CodeEntry, { clientAddress, now }: RequestContext): Promise<VerifyCodeResult> {
  const db = getDb();
  const limit = await consumeRateLimits(db, [rateLimitKey("codeChecksPerAddress", clientAddress)], now);
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  return db.transaction(async (tx): Promise<VerifyCodeResult> => {
    let personId: string | undefined;
    let flowId: string | undefined;
    if (entry.flowToken !== undefined) {
      const flow = await lockLiveFlow(tx, entry.flowToken, now);
      personId = flow?.personId;
      flowId = flow?.id;
    } else {
      const [person] = await tx
        .select({ id: insuredPersons.id })
        .from(insuredPersons)
        .where(and(eq(insuredPersons.nir, entry.nir), eq(insuredPersons.birthDate, entry.birthDate)))
        .limit(1);
      personId = person?.id;
    }
    if (!personId) return { status: "no-live-code" };

    const liveCode = await lockLiveCode(tx, personId, now);
    if (!liveCode) return { status: "no-live-code" };

    if (!isSameHash(liveCode.codeHash, hashProvisionalCode(entry.code))) {
      const { failedAttempts, remainingAttempts, isExhausted } = countWrongCode(liveCode.failedAttempts, enrolmentRules.maxCodeAttempts);
      await tx
        .update(provisionalCodes)
        .set({ failedAttempts, revokedAt: isExhausted ? now : null })
        .where(eq(provisionalCodes.id, liveCode.id));
      return isExhausted ? { status: "no-live-code" } : { status: "wrong-code", remainingAttempts };
    }

    await tx.update(provisionalCodes).set({ usedAt: now }).where(eq(provisionalCodes.id, liveCode.id));
    // The person received what was sent: their requests so far no longer count against them.
    await clearRateLimits(tx, codeRequestLimits(personId));
    const { space } = await lockPersonSpace(tx, personId);
    if (flowId !== undefined && entry.flowToken !== undefined) {
      await updateFlow(tx, flowId, { codeVerifiedAt: now }, now);
      return { status: "verified", flowToken: entry.flowToken, spaceStatus: space.status };
    }
    const { token } = await startFlow(tx, personId, now, { codeVerifiedAt: now });
    return { status: "verified", flowToken: token, spaceStatus: space.status };
  });
}
