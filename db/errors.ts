/**
 * PostgreSQL refused a row because a unique index already holds its key (SQLSTATE 23505). Both
 * drivers wrap the server's error (drizzle in a DrizzleQueryError, with the driver's as cause):
 * the code is looked for along the chain.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: string }).code === "23505") return true;
  }
  return false;
}
