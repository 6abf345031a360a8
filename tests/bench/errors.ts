/**
 * A failure in one line or a few: Drizzle's query errors carry the whole statement and its
 * parameters (megabytes for a multi-row INSERT), while the cause is what a person needs.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const message = error.message.length > 300 ? `${error.message.slice(0, 300)}…` : error.message;
  return `${message}${cause}`;
}
