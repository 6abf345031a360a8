/**
 * How many requests the volume-heavy checks send (docs/decisions/0008-test-budget.md). Every
 * commit runs the per-commit volume; `TEST_VOLUME=full` (e.g. `TEST_VOLUME=full npm run
 * test:security`, or before a release) runs the full one. Only the count changes: every check,
 * and every kind of input it draws from, runs at both volumes.
 */
export const isFullVolume = process.env.TEST_VOLUME === "full";

/** Requests fast-check sends to one server action (tests/security/support/action-fuzz.ts, run by action-replay.spec.ts). */
export type ActionFuzzVolume = {
  /** Arbitrary form bodies (half with the victim's credential when the action has one). */
  formBodies: number;
  /** Bodies Next.js cannot decode, which the proxy refuses. */
  malformedBodies: number;
  /** Argument lists that decode but are not the form's. */
  argumentLists: number;
};

/** The count, for every action at full volume, and at every commit for public entry points. */
const FULL_ACTION_FUZZ: ActionFuzzVolume = { formBodies: 2_000, malformedBodies: 100, argumentLists: 200 };

/**
 * Actions behind a credential (a flow, a login attempt, a reset, a session) at every commit: a
 * few hundred bodies. Anyone on the internet can post to a public entry point, so those get
 * thousands; behind a credential every body first meets the same request filter, `submittedForm`
 * and zod schema, which the public entry points' thousands already exercise.
 */
const COMMIT_ACTION_FUZZ_BEHIND_CREDENTIAL: ActionFuzzVolume = { formBodies: 200, malformedBodies: 50, argumentLists: 50 };

export function actionFuzzVolume({ isPublic }: { isPublic: boolean }): ActionFuzzVolume {
  return isFullVolume || isPublic ? FULL_ACTION_FUZZ : COMMIT_ACTION_FUZZ_BEHIND_CREDENTIAL;
}

/** Arbitrary requests to each route handler (tests/security/route-fuzz.spec.ts): public entry points, thousands at every commit. */
export const ROUTE_FUZZ_REQUESTS = 2_000;

/**
 * Addresses the brute force on the one-time code (tests/integration/auth-brute-force.test.ts)
 * guesses from, one guess each per batch, 200 batches over a day. Fifty on PostgreSQL, the
 * production driver, at every commit (10,000 codes); ten on PGlite (2,000 codes), fifty at full
 * volume. The attack's timeline (a batch every 7.2 minutes, a new login attempt whenever the
 * last one died) and so every lock and the daily cap it meets are the same with ten: an attempt
 * dies after five wrong codes, so a batch never gets more than five compared whatever its size.
 */
export function bruteForceAddresses(driver: string | undefined): number {
  return isFullVolume || driver === "postgres" ? 50 : 10;
}
