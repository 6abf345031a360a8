import { expect, test } from "@playwright/test";
import { readTally } from "./support/tally";

/**
 * Runs after the attack suite (the "security" project's teardown): prints the requests sent per
 * category, how many were refused, and the 5xx answers, which must be none.
 */
test("the attack suite's counts: requests per category, refusals, no 5xx", () => {
  const entries = readTally();
  const byCategory = new Map<string, { requests: number; refused: number; serverErrors: number }>();
  for (const entry of entries) {
    const total = byCategory.get(entry.category) ?? { requests: 0, refused: 0, serverErrors: 0 };
    total.requests += entry.requests;
    total.refused += entry.refused;
    total.serverErrors += entry.serverErrors;
    byCategory.set(entry.category, total);
  }
  const rows = [...byCategory].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(8, ...rows.map(([category]) => category.length));
  const lines = [
    `${"category".padEnd(width)}  requests   refused       5xx`,
    ...rows.map(
      ([category, total]) =>
        `${category.padEnd(width)}  ${String(total.requests).padStart(8)}  ${String(total.refused).padStart(8)}  ${String(total.serverErrors).padStart(8)}`,
    ),
  ];
  const sum = rows.reduce((all, [, total]) => all + total.requests, 0);
  const serverErrors = rows.reduce((all, [, total]) => all + total.serverErrors, 0);
  lines.push(`${"total".padEnd(width)}  ${String(sum).padStart(8)}  ${String(rows.reduce((all, [, total]) => all + total.refused, 0)).padStart(8)}  ${String(serverErrors).padStart(8)}`);
  console.log(`\nAttack suite\n${lines.join("\n")}\n`);
  test.info().annotations.push({ type: "attack suite", description: lines.join("\n") });
  expect(serverErrors).toBe(0);
});
