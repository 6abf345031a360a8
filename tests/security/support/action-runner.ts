import { expect, type Page, test } from "@playwright/test";
import { createClientAddress } from "../../e2e/support/test";
import { mintSessionCookie } from "./credentials";
import { type RawResponse, send, setCookiesOf } from "./http";
import { actionIdOf } from "./manifest";
import { type CapturedAction, adoptCookies, captureActionPost, outcomeOf, replayOf } from "./replay";
import { changedTables, snapshotPerson } from "./rows";
import {
  createJourneyState,
  findServerAction,
  type Journey,
  type JourneyState,
  SERVER_ACTIONS,
  type ServerActionCase,
} from "./server-actions";

/** What an attack receives for one action: its capture, and who the action's people are. */
export type ActionUnderAttack = { step: ServerActionCase; captured: CapturedAction; state: JourneyState };

type Attack = (target: ActionUnderAttack) => Promise<RawResponse | void>;

/**
 * Runs `attack` against the captured post, then the legitimate request: the capture replayed
 * unchanged, which must go through (otherwise the attack's refusals would prove nothing). An
 * attack may send the request that goes through itself (with harmless changes) and return its
 * answer. Returns that answer.
 */
async function attackThenReplay(target: ActionUnderAttack, attack: Attack): Promise<RawResponse> {
  const { step, captured, state } = target;
  const before = await snapshotPerson(state.victim.id);
  const response = (await attack(target)) ?? (await send(replayOf(captured)));
  const outcome = outcomeOf(response);
  const changed = changedTables(before, await snapshotPerson(state.victim.id));
  expect(response.status, `legitimate replay of ${step.action}: ${response.text.slice(0, 300)}`).toBeLessThan(400);
  if (step.isAcceptedWithoutRows) {
    expect(step.isAcceptedWithoutRows(outcome), `legitimate replay of ${step.action} went through`).toBe(true);
  } else {
    expect(changed, `legitimate replay of ${step.action} wrote the victim's rows (answer: ${JSON.stringify(outcome.result)})`).not.toEqual([]);
  }
  return response;
}

/**
 * One action on its own: its people are made (createJourneyState), the victim is put in front of
 * the action's form directly (`reach`: minted credentials, factory rows, the page opened, no
 * journey before it), the form is filled and submitted in the browser and its POST captured
 * before it leaves; then `attack`, then the legitimate replay. The page stays on about:blank
 * meanwhile (captureActionPost leaves it there): its own requests would count as the victim's
 * activity.
 */
export async function runAction(page: Page, step: ServerActionCase, attack: Attack): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": createClientAddress() });
  const state = await createJourneyState(step.journey);
  await step.reach(page, state);
  const model = step.sameBodyAs ? findServerAction(step.sameBodyAs) : step;
  if (!model.submit) throw new Error(`${step.action} needs a submit or a sameBodyAs`);
  const captured = await captureActionPost(page, actionIdOf(model.action), () => model.submit!(page, state));
  await attackThenReplay({ step, captured: { ...captured, actionId: actionIdOf(step.action) }, state }, attack);
}

/**
 * Walks a journey's server actions in SERVER_ACTIONS order, in a real browser, for the checks
 * that follow one person through (host poisoning, canaries): the first action's `reach`, then for
 * each action in turn the form is filled
 * and submitted, its POST captured before it leaves, `attack` runs, the legitimate replay goes
 * through, the browser takes the cookies it received and goes where the action sent it, and the
 * next action follows.
 */
export async function runJourney(page: Page, journey: Journey, attack: Attack): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": createClientAddress() });
  const steps = SERVER_ACTIONS.filter((candidate) => candidate.journey === journey);
  const state = await createJourneyState(journey);
  await steps[0]!.reach(page, state);
  const captures = new Map<string, CapturedAction>();
  for (const step of steps) {
    await test.step(step.action, async () => {
      const actionId = actionIdOf(step.action);
      let captured: CapturedAction;
      if (step.sameBodyAs) {
        const model = captures.get(step.sameBodyAs);
        if (!model) throw new Error(`${step.sameBodyAs} must come before ${step.action} in SERVER_ACTIONS`);
        // The victim's own, live session: the model's was ended by its legitimate replay.
        captured = { ...model, actionId, cookie: await mintSessionCookie(state.victim.id) };
      } else {
        if (!step.submit) throw new Error(`${step.action} needs a submit or a sameBodyAs`);
        captured = await captureActionPost(page, actionId, () => step.submit!(page, state));
      }
      captures.set(step.action, captured);
      const response = await attackThenReplay({ step, captured, state }, attack);
      await adoptCookies(page, setCookiesOf(response));
      await page.goto(outcomeOf(response).redirect ?? captured.path);
    });
  }
}
