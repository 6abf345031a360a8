"use client";

import { useState } from "react";
import type { FormState } from "@/lib/form-state";

/**
 * React resets a form's fields after its action answers; fields held in state (the ones a live
 * checklist follows) must start again too. `onAnswer` runs once per new answer, during render,
 * so that the fields and what depends on them change together (React's "adjust state while
 * rendering" pattern, without an effect's extra frame).
 */
export function useAnswerReset(state: FormState, onAnswer: (state: FormState) => void): void {
  const [lastState, setLastState] = useState(state);
  if (state !== lastState) {
    setLastState(state);
    onAnswer(state);
  }
}
