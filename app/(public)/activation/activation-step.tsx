import type { ReactNode } from "react";
import { AlreadyActive } from "@/components/enrolment/already-active";
import { FlowExpired } from "@/components/enrolment/flow-expired";
import { type ActivationState, findActivationState } from "@/lib/enrolment/activation";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";

type ActivationStep = { state: ActivationState } | { refusal: ReactNode };

type StepOptions = {
  /** The opposition's pages: an active space is refused by the step itself, not by the guard. */
  isAboutOpposition?: boolean;
};

/**
 * The guard every step after the code runs first: this browser's flow, or the page that says it
 * has expired; and, unless the step is about an opposition, the page that says the space is
 * already active. `title` is the step's own, so that the refusal keeps the page's heading.
 */
export async function findActivationStep(
  title: string,
  { isAboutOpposition = false }: StepOptions = {},
): Promise<ActivationStep> {
  const state = await findActivationState(await readFlowToken(), new Date());
  if (!state) return { refusal: <FlowExpired title={title} /> };
  if (!isAboutOpposition && state.spaceStatus === "active") return { refusal: <AlreadyActive title={title} /> };
  return { state };
}
