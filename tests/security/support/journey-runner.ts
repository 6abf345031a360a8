import { expect, type Page, test } from "@playwright/test";
import { createClientAddress } from "../../e2e/support/test";
import { mintSessionCookie } from "./credentials";
import { type RawResponse, send, setCookiesOf } from "./http";
import { actionIdOf } from "./manifest";
import { type CapturedAction, adoptCookies, captureActionPost, outcomeOf, replayOf } from "./replay";
import { changedTables, snapshotPerson } from "./rows";
import { JOURNEY_STARTS, type Journey, type JourneyState, SERVER_ACTIONS, type ServerActionCase } from "./server-actions";

/** What an attack receives for one action: its capture, and who the journey's people are. */
export type ActionUnderAttack = { step: ServerActionCase; captured: CapturedAction; state: JourneyState };

/**
 * Walks a journey's server actions in SERVER_ACTIONS order, in a real browser. For each one:
 * the form is filled and submitted, its POST captured before it leaves, then `attack` replays
 * it however it likes; last, the capture is replayed unchanged (the legitimate request, which
 * must go through: otherwise the attack's refusals would prove nothing), the browser takes the
 * cookies it received and goes where the action sent it, and the next action follows. An attack
 * may send the request that goes through itself (with harmless changes) and return its answer.
 */
export async function runJourney(
  page: Page,
  journey: Journey,
  attack: (target: ActionUnderAttack) => Promise<RawResponse | void>,
): Promise<void> {
  const clientAddress = createClientAddress();
  await page.setExtraHTTPHeaders({ "x-forwarded-for": clientAddress });
  const state = await JOURNEY_STARTS[journey](page);
  const captures = new Map<string, CapturedAction>();
  for (const step of SERVER_ACTIONS.filter((candidate) => candidate.journey === journey)) {
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
      // The page stays on about:blank while the attack runs (captureActionPost leaves it there):
      // its own requests would count as the victim's activity.
      captures.set(step.action, captured);

      const before = await snapshotPerson(state.victim.id);
      const response = (await attack({ step, captured, state })) ?? (await send(replayOf(captured)));
      const outcome = outcomeOf(response);
      const changed = changedTables(before, await snapshotPerson(state.victim.id));
      expect(response.status, `legitimate replay of ${step.action}: ${response.text.slice(0, 300)}`).toBeLessThan(400);
      if (step.isAcceptedWithoutRows) {
        expect(step.isAcceptedWithoutRows(outcome), `legitimate replay of ${step.action} went through`).toBe(true);
      } else {
        expect(changed, `legitimate replay of ${step.action} wrote the victim's rows (answer: ${JSON.stringify(outcome.result)})`).not.toEqual([]);
      }
      await adoptCookies(page, setCookiesOf(response));
      await page.goto(outcome.redirect ?? captured.path);
    });
  }
}
