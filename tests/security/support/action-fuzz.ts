import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { actionFuzzVolume, type ActionFuzzVolume, isFullVolume } from "../../support/test-volume";
import { e2eServer } from "../../e2e/support/server";
import type { ActionUnderAttack } from "./action-runner";
import {
  buildFormBody,
  fieldsArbitrary,
  type FuzzFields,
  jsonArgumentsArbitrary,
  malformedBodyArbitrary,
  readFormTemplate,
  valuesOf,
} from "./fuzz";
import { forEachLimited, send } from "./http";
import { outcomeOf, replayOf } from "./replay";
import { changedTables, snapshotPerson } from "./rows";
import type { ServerActionCase } from "./server-actions";
import { Tally } from "./tally";

/**
 * fast-check against a server action (action-replay.spec.ts runs it in each action's test, before
 * the replays, on the same capture): arbitrary form bodies (fields
 * missing, repeated, unknown, any text, files), sent with the victim's live credential when the
 * action's own validation refuses the values (so the answer must be a field error), and without
 * any credential otherwise; then bodies Next.js cannot decode and argument lists of another
 * shape than the action's. Never a 5xx, never a row about the victim written, never the server's
 * secret in an answer. How many of each: tests/support/test-volume.ts (thousands for public
 * entry points, a few hundred behind a credential at every commit; TEST_VOLUME=full for all).
 */

/** Requests in flight at once: the app and the tests share two cores. */
const CONCURRENCY = 4;

const fieldTally = new Tally("server actions: fuzzed form bodies (fast-check)");
const malformedTally = new Tally("server actions: bodies Next.js cannot decode (fast-check)");
const argumentsTally = new Tally("server actions: argument lists of another shape (fast-check)");

/** Called once a spec file's tests are done (test.afterAll), as each Tally wants. */
export function saveFuzzTallies(): void {
  fieldTally.save();
  malformedTally.save();
  argumentsTally.save();
}

type Payload = { body: Buffer; contentType: string; withCredential: boolean; clientAddress: string; fields?: FuzzFields };

function volumeOf(step: ServerActionCase): ActionFuzzVolume {
  return actionFuzzVolume({ isPublic: step.credential === "none" });
}

/** A seed per action, printed on failure, so that a failing payload can be generated again. */
function seedOf(action: string): number {
  let hash = 0;
  for (const character of action) hash = (hash * 31 + character.charCodeAt(0)) | 0;
  return hash;
}

async function buildPayloads({ step, captured }: ActionUnderAttack): Promise<Payload[]> {
  const seed = seedOf(step.action);
  const { formBodies } = volumeOf(step);
  // The fuzzer's own client address (RFC 2544's range), or an arbitrary one: the test's own address keeps its per-address allowance.
  const ownAddress = `198.18.${(seed >>> 8) & 255}.${seed & 255}`;
  const address = fc.oneof({ weight: 9, arbitrary: fc.constant(ownAddress) }, { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f.:, ]{0,60}$/) });
  const addresses = fc.sample(address, { numRuns: formBodies, seed });
  const template = await readFormTemplate(captured);
  if (!template) {
    const bodies = fc.sample(jsonArgumentsArbitrary, { numRuns: formBodies, seed });
    return bodies.map((body, index) => ({
      body: Buffer.from(body),
      contentType: "text/plain;charset=UTF-8",
      withCredential: false,
      clientAddress: addresses[index] ?? ownAddress,
    }));
  }
  const canUseCredential = step.credential !== "none" && step.refusesInput !== undefined;
  const fields = fieldsArbitrary(template.fieldNames);
  const refused = canUseCredential ? fields.filter((candidate) => step.refusesInput!(valuesOf(candidate))) : fields;
  const half = canUseCredential ? formBodies / 2 : 0;
  const withCredential: FuzzFields[] = half ? fc.sample(refused, { numRuns: half, seed }) : [];
  const without: FuzzFields[] = fc.sample(fields, { numRuns: formBodies - half, seed: seed + 1 });
  const payloads: Payload[] = [];
  for (const [index, sample] of [...withCredential, ...without].entries()) {
    payloads.push({
      ...(await buildFormBody(template, sample)),
      withCredential: index < half,
      clientAddress: addresses[index] ?? ownAddress,
      fields: sample,
    });
  }
  return payloads;
}

async function fuzzAction(target: ActionUnderAttack) {
  const { step, captured, state } = target;
  const payloads = await buildPayloads(target);
  const startedAt = Date.now();
  // The fuzzer's requests with the victim's session are the victim's activity.
  const activity = { ignoresSessionActivity: step.credential === "session" };
  const before = await snapshotPerson(state.victim.id, activity);
  const failures: string[] = [];
  await forEachLimited(payloads, CONCURRENCY, async (payload, index) => {
    const headers: Record<string, string | null> = { "content-type": payload.contentType };
    headers["x-forwarded-for"] = payload.clientAddress;
    const response = await send(replayOf(captured, { body: payload.body, headers, cookie: payload.withCredential ? undefined : null }));
    const outcome = outcomeOf(response);
    const isFieldError = typeof outcome.result === "object" && outcome.result !== null && (outcome.result as { status?: string }).status === "error";
    fieldTally.count(response.status, { isRefusal: (response.status >= 400 && response.status < 500) || isFieldError || outcome.redirect !== null });
    if (response.status >= 500) {
      const sent = JSON.stringify(payload.fields ?? payload.body.toString())?.slice(0, 300);
      failures.push(`#${index} (${payload.withCredential ? "with" : "without"} credential) ${sent}: ${response.status}`);
    }
    if (payload.withCredential && !isFieldError && response.status < 400 && outcome.redirect === null) {
      failures.push(`#${index}: refused values ${JSON.stringify(payload.fields)?.slice(0, 200)} got no field error: ${response.status} ${response.text.slice(0, 200)}`);
    }
    if (response.text.includes(e2eServer.authSecret)) failures.push(`#${index}: the answer holds AUTH_SECRET`);
  });
  const timing = `${step.action}: ${payloads.length} bodies in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
  test.info().annotations.push({ type: "fuzz", description: timing });
  console.log(`fuzz ${timing}`);
  expect(failures, `${step.action}, seed ${seedOf(step.action)}`).toEqual([]);
  expect(changedTables(before, await snapshotPerson(state.victim.id, activity)), `${step.action}: fuzzing wrote rows about the victim`).toEqual([]);
}

async function sendMalformedBodies({ step, captured, state }: ActionUnderAttack) {
  const bodies = fc.sample(malformedBodyArbitrary(captured), { numRuns: volumeOf(step).malformedBodies, seed: seedOf(step.action) + 2 });
  // Refused before the app: not even the session's activity moves.
  const before = await snapshotPerson(state.victim.id);
  const failures: string[] = [];
  await forEachLimited(bodies, CONCURRENCY, async ({ body, contentType }, index) => {
    const response = await send(replayOf(captured, { body, headers: { "content-type": contentType } }));
    const isRefusal = response.status >= 400 && response.status < 500;
    malformedTally.count(response.status, { isRefusal });
    if (!isRefusal) failures.push(`#${index} ${contentType} ${JSON.stringify(body.toString("latin1").slice(-80))}: ${response.status}`);
  });
  expect(failures, `${step.action}: bodies Next.js cannot decode, answered otherwise than with a 4xx`).toEqual([]);
  expect(changedTables(before, await snapshotPerson(state.victim.id))).toEqual([]);
}

/**
 * Argument lists that decode but are not what the action's form sends: [], numbers, strings,
 * objects where the FormData goes. An action reads them as an empty form (lib/validation.ts
 * submittedForm) and answers with its errors. With the victim's credential only for actions whose
 * schema refuses an empty form: an action that takes no input would rightly act for them.
 */
async function sendOtherArgumentLists({ step, captured, state }: ActionUnderAttack) {
  const bodies = fc.sample(jsonArgumentsArbitrary, { numRuns: volumeOf(step).argumentLists, seed: seedOf(step.action) + 3 });
  const canUseCredential = step.credential !== "none" && step.refusesInput?.({}) === true;
  const activity = { ignoresSessionActivity: step.credential === "session" };
  const before = await snapshotPerson(state.victim.id, activity);
  const failures: string[] = [];
  await forEachLimited(bodies, CONCURRENCY, async (body, index) => {
    const withCredential = canUseCredential && index % 2 === 0;
    const headers = { "content-type": "text/plain;charset=UTF-8" };
    const response = await send(replayOf(captured, { body: Buffer.from(body), headers, cookie: withCredential ? undefined : null }));
    const outcome = outcomeOf(response);
    const isFieldError = typeof outcome.result === "object" && outcome.result !== null && (outcome.result as { status?: string }).status === "error";
    argumentsTally.count(response.status, { isRefusal: (response.status >= 400 && response.status < 500) || isFieldError || outcome.redirect !== null });
    if (response.status >= 500) failures.push(`#${index} (${withCredential ? "with" : "without"} credential) ${body.slice(0, 200)}: ${response.status}`);
  });
  expect(failures, `${step.action}: argument lists of another shape, answered with a 5xx`).toEqual([]);
  expect(changedTables(before, await snapshotPerson(state.victim.id, activity)), `${step.action}: argument lists wrote rows about the victim`).toEqual([]);
}

/** The title's part that says how many bodies an action gets, "(full volume)" when TEST_VOLUME=full. */
export function fuzzVolumeOf(step: ServerActionCase): string {
  const { formBodies, malformedBodies, argumentLists } = volumeOf(step);
  return `${(formBodies + malformedBodies + argumentLists).toLocaleString("en")} arbitrary bodies${isFullVolume ? " (full volume)" : ""}`;
}

/** Every fuzz of one action, on its capture: form bodies, undecodable bodies, other argument lists. */
export async function fuzzCapturedAction(target: ActionUnderAttack): Promise<void> {
  await fuzzAction(target);
  await sendMalformedBodies(target);
  await sendOtherArgumentLists(target);
}
