import { describe, expect, it } from "vitest";
import { countWrongCode } from "./wrong-codes";

describe("countWrongCode", () => {
  it("counts each wrong code and ends the code at the last allowed try", () => {
    expect(countWrongCode(0, 5)).toEqual({ failedAttempts: 1, remainingAttempts: 4, isExhausted: false });
    expect(countWrongCode(3, 5)).toEqual({ failedAttempts: 4, remainingAttempts: 1, isExhausted: false });
    expect(countWrongCode(4, 5)).toEqual({ failedAttempts: 5, remainingAttempts: 0, isExhausted: true });
    expect(countWrongCode(7, 5)).toMatchObject({ remainingAttempts: 0, isExhausted: true });
  });
});
