import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { provisionalCodes } from "@/db/schema";
import { generateProvisionalCode, hashCode, normalizeProvisionalCode } from "@/lib/security/secrets";

export type ProvisionalCodeChannel = "email" | "sms" | "letter";
const CODE_PURPOSE = "provisional-code";

export function hashProvisionalCode(code: string): string {
  return hashCode(CODE_PURPOSE, normalizeProvisionalCode(code));
}

/** The person's one live code (unused, not revoked, not expired), locked for the transaction. */
export async function lockLiveCode(executor: Executor, personId: string, now: Date) {
  const [code] = await executor
    .select()
    .from(provisionalCodes)
    .where(
      and(
        eq(provisionalCodes.personId, personId),
        isNull(provisionalCodes.usedAt),
        isNull(provisionalCodes.revokedAt),
        gt(provisionalCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(provisionalCodes.createdAt))
    .for("update")
    .limit(1);
  return code ?? null;
}

/**
 * Replaces any live code by a new one, inside the caller's transaction (which also queues the
 * message carrying it: if the step fails, neither the code nor the message exists).
 */
export async function createProvisionalCode(
  executor: Executor,
  { personId, channel, validUntil, now }: { personId: string; channel: ProvisionalCodeChannel; validUntil: Date; now: Date },
): Promise<{ id: string; code: string }> {
  await executor
    .update(provisionalCodes)
    .set({ revokedAt: now })
    .where(and(eq(provisionalCodes.personId, personId), isNull(provisionalCodes.usedAt), isNull(provisionalCodes.revokedAt)));
  const code = generateProvisionalCode();
  const [row] = await executor
    .insert(provisionalCodes)
    .values({ personId, codeHash: hashProvisionalCode(code), channel, expiresAt: validUntil, createdAt: now })
    .returning({ id: provisionalCodes.id });
  if (!row) throw new Error("provisional code not created");
  return { id: row.id, code };
}
