import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { enrolmentFlows, insuredPersons, spaces } from "@/db/schema";
import { createOpaqueToken, hashToken } from "@/lib/security/secrets";
import { enrolmentRules } from "./rules";

export type EnrolmentFlow = typeof enrolmentFlows.$inferSelect;

/** Opens a flow for a person who proved who they are; the token goes in an HttpOnly cookie. */
export async function startFlow(
  executor: Executor,
  personId: string,
  now: Date,
  proof: { codeVerifiedAt?: Date } = {},
): Promise<{ token: string; flow: EnrolmentFlow }> {
  const token = createOpaqueToken();
  const [flow] = await executor
    .insert(enrolmentFlows)
    .values({
      tokenHash: hashToken(token),
      personId,
      codeVerifiedAt: proof.codeVerifiedAt,
      expiresAt: new Date(now.getTime() + enrolmentRules.flowLifetimeMs),
    })
    .returning();
  if (!flow) throw new Error("enrolment flow not created");
  return { token, flow };
}

/** The live flow behind a cookie token, or null when it is unknown, expired or finished. */
export async function findLiveFlow(executor: Executor, token: string | undefined, now: Date): Promise<EnrolmentFlow | null> {
  if (!token) return null;
  const [flow] = await executor
    .select()
    .from(enrolmentFlows)
    .where(
      and(eq(enrolmentFlows.tokenHash, hashToken(token)), gt(enrolmentFlows.expiresAt, now), isNull(enrolmentFlows.completedAt)),
    )
    .limit(1);
  return flow ?? null;
}

/**
 * Same, locked for the rest of the transaction: two submits of one step run one after the other.
 * `includeCompleted` lets the last step recognise its own second submit.
 */
export async function lockLiveFlow(
  executor: Executor,
  token: string | undefined,
  now: Date,
  { includeCompleted = false }: { includeCompleted?: boolean } = {},
): Promise<EnrolmentFlow | null> {
  if (!token) return null;
  const [flow] = await executor
    .select()
    .from(enrolmentFlows)
    .where(
      and(
        eq(enrolmentFlows.tokenHash, hashToken(token)),
        gt(enrolmentFlows.expiresAt, now),
        includeCompleted ? undefined : isNull(enrolmentFlows.completedAt),
      ),
    )
    .for("update")
    .limit(1);
  return flow ?? null;
}

export async function updateFlow(
  executor: Executor,
  flowId: string,
  changes: Partial<Omit<EnrolmentFlow, "id" | "tokenHash" | "personId" | "createdAt">>,
  now: Date,
): Promise<void> {
  await executor
    .update(enrolmentFlows)
    .set({ ...changes, expiresAt: changes.expiresAt ?? new Date(now.getTime() + enrolmentRules.flowLifetimeMs) })
    .where(eq(enrolmentFlows.id, flowId));
}

/** The person and their space, locked: every step that changes a space takes this lock first. */
export async function lockPersonSpace(executor: Executor, personId: string) {
  await executor.insert(spaces).values({ personId }).onConflictDoNothing();
  const [row] = await executor
    .select({ person: insuredPersons, space: spaces })
    .from(spaces)
    .innerJoin(insuredPersons, eq(insuredPersons.id, spaces.personId))
    .where(eq(spaces.personId, personId))
    .for("update", { of: spaces })
    .limit(1);
  if (!row) throw new Error("space row missing after upsert");
  return row;
}

/** The person and their space, read only. */
export async function findPersonWithSpace(executor: Executor, personId: string) {
  const [row] = await executor
    .select({ person: insuredPersons, space: spaces })
    .from(insuredPersons)
    .leftJoin(spaces, eq(insuredPersons.id, spaces.personId))
    .where(eq(insuredPersons.id, personId))
    .limit(1);
  if (!row) throw new Error("person missing for a live flow");
  return { person: row.person, spaceStatus: row.space?.status ?? ("pending" as const) };
}
