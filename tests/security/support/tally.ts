import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The attack suite's counts, gathered across workers in one file and summed up by the last
 * test of the run (summary.teardown.ts): requests sent per category, refusals, 5xx answers.
 */
export type TallyEntry = {
  category: string;
  requests: number;
  refused: number;
  serverErrors: number;
};

const TALLY_PATH = path.join("test-results", "security-tally.jsonl");

export function recordTally(entry: TallyEntry): void {
  mkdirSync(path.dirname(TALLY_PATH), { recursive: true });
  appendFileSync(TALLY_PATH, `${JSON.stringify(entry)}\n`);
}

export function readTally(): TallyEntry[] {
  if (!existsSync(TALLY_PATH)) return [];
  return readFileSync(TALLY_PATH, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TallyEntry);
}

/** Counts one category's requests as they are sent. */
export class Tally {
  requests = 0;
  refused = 0;
  serverErrors = 0;

  constructor(readonly category: string) {}

  count(status: number, { isRefusal }: { isRefusal: boolean }): void {
    this.requests += 1;
    if (isRefusal) this.refused += 1;
    if (status >= 500) this.serverErrors += 1;
  }

  /**
   * Records what was counted since the last save, then starts again from zero: with
   * fullyParallel, a worker runs a file's afterAll once per test it ran, on the same instance.
   */
  save(): void {
    recordTally({ category: this.category, requests: this.requests, refused: this.refused, serverErrors: this.serverErrors });
    this.requests = 0;
    this.refused = 0;
    this.serverErrors = 0;
  }
}
