import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Runs axe with the WCAG 2.1 A and AA rules on the page as it stands. */
export async function expectNoAxeViolations(page: Page) {
  // Next.js streams a page's metadata after its body: after a client-side navigation the new
  // content can be on screen a moment before its <title>. Scan the page once it is whole.
  await expect(page).not.toHaveTitle("");
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = scan.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
