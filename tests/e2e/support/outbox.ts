import { expect, type Page } from "@playwright/test";

/**
 * Reads the newest message sent to `recipient` at /dev/outbox, as a newcomer would, and returns
 * the first match of `pattern` in its text (a provisional code by default).
 */
export async function readCodeFromOutbox(page: Page, recipient: string, pattern = /\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/): Promise<string> {
  const outbox = await page.context().newPage();
  try {
    await outbox.goto(`/dev/outbox?destinataire=${encodeURIComponent(recipient)}`);
    const newest = outbox.getByRole("article").first();
    await expect(newest).toBeVisible();
    const text = (await newest.locator("pre").textContent()) ?? "";
    const match = pattern.exec(text);
    if (!match) throw new Error(`no code in the newest message to ${recipient}: ${text}`);
    return match[0];
  } finally {
    await outbox.close();
  }
}
