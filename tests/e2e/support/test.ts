import { randomInt } from "node:crypto";
import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";
export type { Page } from "@playwright/test";

/**
 * A client address of its own, from the documentation range (2001:db8::/32), as our reverse
 * proxy would write it in X-Forwarded-For. The app limits code sends and password checks per
 * address; without this, every test of a run would share 127.0.0.1 and a long run would meet
 * those limits in whichever test came last.
 */
export function createClientAddress(): string {
  const group = () => randomInt(0x10000).toString(16);
  return `2001:db8::${group()}:${group()}:${group()}`;
}

/** Playwright's test, where each test is a different visitor (see createClientAddress). */
export const test = base.extend({
  // Playwright's fixture callback, named so that React's hook rules do not mistake it for use().
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": createClientAddress() });
  },
});
