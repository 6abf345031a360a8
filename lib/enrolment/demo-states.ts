import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, insuredPersons, oppositions, spaces } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password-hash";
import { DEMO_ACTIVE_NIR, DEMO_LOGIN, DEMO_OPPOSED_NIR } from "@/lib/register/demo-register";
import { activateSpace } from "./activate-space";
import { findCurrentOpposition } from "./opposition";
import { lockPersonSpace } from "./flows";

/**
 * Gives two demo people the states a newcomer should meet: one who already opposed, one whose
 * space is active with the documented demo login. Idempotent, like the rest of the seed.
 */
export async function applyDemoStates(now = new Date()): Promise<void> {
  const db = getDb();
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  await db.transaction(async (tx) => {
    const [opposed] = await tx.select().from(insuredPersons).where(eq(insuredPersons.nir, DEMO_OPPOSED_NIR)).limit(1);
    if (opposed) {
      await lockPersonSpace(tx, opposed.id);
      if (!(await findCurrentOpposition(tx, opposed.id))) {
        await tx.insert(oppositions).values({ personId: opposed.id, opposedAt: now });
        await tx.update(spaces).set({ status: "opposed" }).where(eq(spaces.personId, opposed.id));
      }
    }

    const [active] = await tx.select().from(insuredPersons).where(eq(insuredPersons.nir, DEMO_ACTIVE_NIR)).limit(1);
    if (active) {
      const { space } = await lockPersonSpace(tx, active.id);
      const [account] = await tx.select().from(accounts).where(eq(accounts.personId, active.id)).limit(1);
      if (!account && space.status !== "active") {
        if (!space.notifiedAt) await tx.update(spaces).set({ notifiedAt: now }).where(eq(spaces.personId, active.id));
        await activateSpace(tx, {
          personId: active.id,
          identifier: DEMO_LOGIN.identifier,
          passwordHash,
          email: active.email,
          mobile: active.mobile,
          now,
        });
      }
    }
  });
}
