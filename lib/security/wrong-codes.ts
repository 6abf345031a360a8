/** One more wrong entry of a code: how many tries are left, and whether the code now dies. */
export type WrongCodeCount = { failedAttempts: number; remainingAttempts: number; isExhausted: boolean };

/**
 * Counts a wrong code the same way for every code the service sends (provisional, contact,
 * login and reset codes): the try that reaches `maxAttempts` wrong entries ends the code.
 */
export function countWrongCode(previousFailures: number, maxAttempts: number): WrongCodeCount {
  const failedAttempts = previousFailures + 1;
  const remainingAttempts = Math.max(0, maxAttempts - failedAttempts);
  return { failedAttempts, remainingAttempts, isExhausted: remainingAttempts === 0 };
}
