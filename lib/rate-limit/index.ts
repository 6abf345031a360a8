import "server-only";
import { inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimitCounters } from "@/db/schema";

export type RateLimit = { key: string; limit: number; windowSeconds: number };
export type RateLimitOutcome = { isAllowed: boolean; retryAfterSeconds: number };

/**
 * Counts one attempt against a fixed window kept in the database, so every app server shares
 * it. The attempt is counted even when refused: hammering does not reopen the window early.
 */
export async function consumeRateLimit(
  executor: Executor,
  { key, limit, windowSeconds }: RateLimit,
  now: Date,
): Promise<RateLimitOutcome> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await executor
    .insert(rateLimitCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  const count = row?.count ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { isAllowed: count <= limit, retryAfterSeconds };
}

/** All limits must allow the attempt; each one still counts it. */
export async function consumeRateLimits(executor: Executor, limits: RateLimit[], now: Date): Promise<RateLimitOutcome> {
  let outcome: RateLimitOutcome = { isAllowed: true, retryAfterSeconds: 0 };
  for (const limit of limits) {
    const result = await consumeRateLimit(executor, limit, now);
    if (!result.isAllowed) {
      outcome = { isAllowed: false, retryAfterSeconds: Math.max(outcome.retryAfterSeconds, result.retryAfterSeconds) };
    }
  }
  return outcome;
}

/**
 * Forgets every attempt counted under these limits: for a limit that guards something the
 * person has since proven they received (a code they used), the earlier attempts were theirs.
 */
export async function clearRateLimits(executor: Executor, limits: RateLimit[]): Promise<void> {
  if (limits.length === 0) return;
  await executor.delete(rateLimitCounters).where(inArray(rateLimitCounters.key, limits.map((limit) => limit.key)));
}

/** Old windows are useless once past; the jobs command removes them. */
export async function deleteExpiredRateLimitWindows(executor: Executor, now: Date): Promise<void> {
  await executor.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, new Date(now.getTime() - 2 * 86_400_000)));
}
