import axe, { type PartialResult, type RunOptions } from "axe-core";
import { type BrowserContext, expect, type Frame, type Page } from "@playwright/test";

/**
 * axe-core's WCAG 2.1 A and AA rules, run as @axe-core/playwright runs them (axe.runPartial in
 * every frame, each frame's results put together by axe.finishRun in a blank page, never in the
 * page under test, whose scripts could have changed the globals axe uses), with two costs taken
 * out (docs/decisions/0008-test-budget.md): axe is injected into a document once, not again for
 * each of its scans, and the blank page is opened once per browser context and kept for its
 * next scans instead of being opened, given axe and closed for every scan. The rules, the
 * frames scanned and the results are the same.
 */

const OPTIONS: RunOptions = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };
const WHOLE_PAGE = { include: [], exclude: [] };

type AxeWindow = { axe: typeof axe };
type FrameContext = { frameSelector: string; frameContext: unknown };

/** Throws in a frame that cannot run scripts (a sandboxed preview): axe skips such a frame, as the library does. */
const SCRIPTS_RUN_CHECK = `(() => {
  let ran = false;
  const target = document.createElement("div");
  target.addEventListener("axe", () => { ran = true; });
  target.dispatchEvent(new Event("axe"));
  if (!ran) throw new Error("Frame cannot run scripts");
})();`;

async function injectAxe(frame: Frame): Promise<void> {
  const isInjected = await frame.evaluate(() => typeof (window as unknown as Partial<AxeWindow>).axe?.runPartial === "function");
  if (!isInjected) await frame.evaluate(`${SCRIPTS_RUN_CHECK}\n${axe.source}`);
}

/** The frame's own partial result, then its child frames' (null for a frame axe could not run in). */
async function partialResultsOf(frame: Frame, context: unknown, isTop: boolean): Promise<(PartialResult | null)[]> {
  const frameContexts = await frame.evaluate(
    ({ context, options }) => (window as unknown as AxeWindow).axe.utils.getFrameContexts(context as never, options) as FrameContext[],
    { context, options: OPTIONS },
  );
  const own = frame.evaluate(({ context, options }) => (window as unknown as AxeWindow).axe.runPartial(context as never, options), { context, options: OPTIONS });
  own.catch(() => {});
  const children: Promise<(PartialResult | null)[]>[] = [];
  for (const { frameSelector, frameContext } of frameContexts) {
    const child = await frame
      .evaluateHandle((selector) => (window as unknown as AxeWindow).axe.utils.shadowSelect(selector as never), frameSelector)
      .then((handle) => handle.asElement()?.contentFrame())
      .catch(() => null);
    const childResults = child
      ? injectAxe(child).then(() => partialResultsOf(child, frameContext, false))
      : Promise.resolve([null]);
    children.push(childResults.catch(() => [null]));
  }
  let ownResult: PartialResult;
  try {
    ownResult = await own;
  } catch (error) {
    if (isTop) throw error;
    return [null];
  }
  return [ownResult, ...(await Promise.all(children)).flat(1)];
}

const finishingPages = new WeakMap<BrowserContext, Promise<Page>>();

/** A blank page of the context with axe in it, opened at the context's first scan and kept. */
function finishingPageOf(context: BrowserContext): Promise<Page> {
  let finishing = finishingPages.get(context);
  if (!finishing) {
    finishing = context.newPage().then(async (blank) => {
      await blank.evaluate(axe.source);
      return blank;
    });
    finishingPages.set(context, finishing);
  }
  return finishing;
}

/** Runs axe with the WCAG 2.1 A and AA rules on the page as it stands. */
export async function expectNoAxeViolations(page: Page) {
  // Next.js streams a page's metadata after its body: after a client-side navigation the new
  // content can be on screen a moment before its <title>. Scan the page once it is whole.
  await expect(page).not.toHaveTitle("");
  await injectAxe(page.mainFrame());
  const partials = await partialResultsOf(page.mainFrame(), WHOLE_PAGE, true);
  const finishing = await finishingPageOf(page.context());
  const scan = await finishing.evaluate(
    ({ partials, options }) => (window as unknown as AxeWindow).axe.finishRun(JSON.parse(partials) as PartialResult[], options),
    { partials: JSON.stringify(partials), options: OPTIONS },
  );
  const summary = scan.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
