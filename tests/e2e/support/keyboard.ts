import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Moves the focus with Tab only (forward) until `target` has it, as a keyboard user would,
 * failing when it is not reached within `maxPresses`: an unreachable control is a bug.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`not reachable with Tab within ${maxPresses} presses: ${target.toString()}`);
}

/** Tab to a field and type into it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}
