import type { DocumentTransferRun } from "./document-transfer";
import type { Argon2Result } from "./argon2-baseline";
import type { LighthouseScores } from "./lighthouse";
import type { LoadResult } from "./load";
import type { GrowthReport } from "./scale";

/** One target at one number of connections in one phase. */
export type TargetRun = {
  target: string;
  path: string;
  baseline: "page" | "argon2";
  isBaseline: boolean;
  connections: number;
  /** The machine's 1-minute load average just before: other work on the machine skews a run. */
  loadAverage: number;
  result?: LoadResult;
  /** Why the target was not measured (it failed its check, or the load failed). */
  error?: string;
  /** Throughput divided by the baseline's at the same concurrency. */
  ratioToBaseline?: number;
  /**
   * The server's CPU time per response, in milliseconds (all its processes and threads; the
   * database's own work aside). Absent from files written before it was measured.
   */
  serverCpuMsPerRequest?: number;
  /**
   * The baseline's CPU time per request (or per bare argon2 verification) divided by this
   * target's: the throughput ratio a machine with nothing else running would show, read from
   * CPU time, which other programs on a shared machine do not inflate.
   */
  cpuRatioToBaseline?: number;
  /** With --paired-baseline: the reference measured just before this run, which its ratios are read against. */
  pairedReference?: { perSecond?: number; cpuMs?: number };
};

/** The same measurements over one state of the database. */
export type Phase = {
  /** "seed", or the number of insured persons the scale data set was grown to. */
  key: string;
  persons: number;
  generation?: GrowthReport;
  runs: TargetRun[];
};

export type LighthouseRun = {
  target: string;
  path: string;
  scores?: LighthouseScores;
  error?: string;
  /** The Lighthouse runtime error (e.g. NO_NAVSTART) after which the page was audited again. */
  retriedAfter?: string;
  /** Every attempt ended on a Lighthouse runtime error: the tool failed, not the page, and the run does not fail for it. */
  isToolFailure?: boolean;
};

export type BenchResults = {
  version: 1;
  startedAt: string;
  finishedAt: string;
  git: { commit: string; hasUncommittedChanges: boolean };
  machine: { cpus: number; cpuModel: string; totalMemoryMb: number; node: string; platform: string };
  options: { durationSeconds: number; connections: number[]; isScaleRun: boolean; isBuilt: boolean };
  argon2: { parameters: Record<string, number>; runs: Argon2Result[] };
  /** The generated accounts the password step went round (absent from files written before it was measured so). */
  accountPool?: { accounts: number; personsAdded: number };
  phases: Phase[];
  lighthouse: LighthouseRun[];
  /** The 5 MB document's upload and download against a bare loopback copy (absent from files written before it was measured). */
  documentTransfer?: DocumentTransferRun;
};

function columnWidths(cells: string[][]): number[] {
  return cells[0]?.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0))) ?? [];
}

function pad(cells: string[][], rightAligned: (column: number) => boolean): string {
  const widths = columnWidths(cells);
  return cells
    .map((row) =>
      row
        .map((cell, column) => (rightAligned(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
        .join(COLUMN_GAP)
        .trimEnd(),
    )
    .join("\n");
}

const COLUMN_GAP = "  ";

const number = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–";
const milliseconds = (value: number) => number(value, 1);

function phaseTitle(phase: Phase): string {
  return phase.key === "seed" ? `seed (${number(phase.persons)} persons)` : `${number(phase.persons)} persons`;
}

function runCells(run: TargetRun | undefined): string[] {
  if (!run?.result) return ["failed", "", "", "", "", "", "", ""];
  const { result } = run;
  const problems = result.non2xx + (result.unexpectedAnswers ?? 0) + result.errors + result.timeouts;
  return [
    number(result.requestsPerSecond, 1),
    milliseconds(result.latencyMs.p50),
    milliseconds(result.latencyMs.p95),
    milliseconds(result.latencyMs.p99),
    run.ratioToBaseline === undefined ? "–" : `${number(run.ratioToBaseline, 2)}×`,
    run.serverCpuMsPerRequest === undefined ? "–" : number(run.serverCpuMsPerRequest, 2),
    run.cpuRatioToBaseline === undefined ? "–" : `${number(run.cpuRatioToBaseline, 2)}×`,
    problems > 0 ? number(problems) : "",
  ];
}

/**
 * The load table: one row per target and concurrency, one group of columns per phase (side by
 * side for a scale run). "vs base" is the throughput over the baseline's; "bad" counts non-2xx
 * answers, answers that were not the expected success (a refused server action), errors and
 * timeouts.
 */
export function formatLoadTable(results: BenchResults): string {
  const groupColumns = ["req/s", "p50 ms", "p95 ms", "p99 ms", "vs base", "cpu ms", "cpu vs", "bad"];
  const header = ["target", "conn", ...results.phases.flatMap(() => groupColumns)];
  const keys = (results.phases[0]?.runs ?? []).map(({ target, connections }) => ({ target, connections }));
  const rows = keys.map(({ target, connections }) => [
    target,
    String(connections),
    ...results.phases.flatMap((phase) => runCells(phase.runs.find((run) => run.target === target && run.connections === connections))),
  ]);
  const cells = [header, ...rows];
  // One title per phase, above its group of columns.
  const widths = columnWidths(cells);
  const groupStart = (group: number) =>
    widths.slice(0, 2 + group * groupColumns.length).reduce((sum, width) => sum + width + COLUMN_GAP.length, 0);
  let titles = "";
  results.phases.forEach((phase, group) => {
    titles = `${titles.padEnd(groupStart(group))}${phaseTitle(phase)}`;
  });
  const failures = results.phases.flatMap((phase) =>
    phase.runs.filter((run) => run.error).map((run) => `  ${phaseTitle(phase)}, ${run.target} ×${run.connections}: ${run.error}`),
  );
  const loads = results.phases.map((phase) => {
    const averages = phase.runs.map((run) => run.loadAverage);
    return `${phaseTitle(phase)} ${number(Math.min(...averages), 1)}–${number(Math.max(...averages), 1)}`;
  });
  const table =
    `${titles}\n${pad(cells, (column) => column >= 1)}\n` +
    `Machine load (1-min average before each measurement, ${results.machine.cpus} CPUs): ${loads.join("; ")}`;
  return failures.length > 0 ? `${table}\n\nNot measured:\n${failures.join("\n")}` : table;
}

export function formatArgon2Table(results: BenchResults): string {
  const parameters = Object.entries(results.argon2.parameters)
    .map(([name, value]) => `${name}=${value}`)
    .join(", ");
  const rows = results.argon2.runs.map((run) => [
    "argon2id verify, in-process",
    String(run.concurrency),
    number(run.verificationsPerSecond, 1),
    milliseconds(run.latencyMs.p50),
    milliseconds(run.latencyMs.p95),
    milliseconds(run.latencyMs.p99),
    run.cpuMsPerVerification === undefined ? "–" : number(run.cpuMsPerVerification, 2),
  ]);
  return `${pad([["baseline", "conc", "verify/s", "p50 ms", "p95 ms", "p99 ms", "cpu ms"], ...rows], (column) => column >= 1)}\n(${parameters})`;
}

export function formatLighthouseTable(results: BenchResults): string {
  const rows = results.lighthouse.map((run) =>
    run.scores
      ? [
          run.target,
          run.path,
          String(run.scores.performance),
          String(run.scores.accessibility),
          milliseconds(run.scores.metrics.firstContentfulPaint),
          milliseconds(run.scores.metrics.largestContentfulPaint),
          milliseconds(run.scores.metrics.totalBlockingTime),
          number(run.scores.metrics.cumulativeLayoutShift, 3),
        ]
      : [run.target, run.path, "failed", run.error ?? "", "", "", "", ""],
  );
  const table = pad([["lighthouse (mobile)", "path", "perf", "a11y", "FCP ms", "LCP ms", "TBT ms", "CLS"], ...rows], (column) => column >= 2);
  const failed = results.lighthouse
    .filter((run) => run.scores?.failedAccessibilityAudits.length)
    .map((run) => `  ${run.target}: ${run.scores?.failedAccessibilityAudits.join(", ")}`);
  const retried = results.lighthouse
    .filter((run) => run.retriedAfter)
    .map((run) =>
      run.isToolFailure
        ? `  ${run.target}: every attempt ended on Lighthouse's ${run.retriedAfter}; not measured (a failure of the tool, not of the page)`
        : `  ${run.target}: audited again after Lighthouse's ${run.retriedAfter}`,
    );
  const sections = [table];
  if (failed.length > 0) sections.push(`Failed accessibility audits:\n${failed.join("\n")}`);
  if (retried.length > 0) sections.push(`Audited again:\n${retried.join("\n")}`);
  return sections.join("\n");
}

function change(before: number, after: number): string {
  if (!Number.isFinite(before) || before === 0) return "–";
  const percent = ((after - before) / before) * 100;
  return `${percent >= 0 ? "+" : ""}${number(percent, 1)} %`;
}

/** Two runs side by side: throughput and p95 of every measurement they share (same phase, target, concurrency). */
export function formatComparison(before: BenchResults, after: BenchResults): string {
  const rows: string[][] = [];
  for (const phase of after.phases) {
    const earlier = before.phases.find((candidate) => candidate.key === phase.key);
    if (!earlier) continue;
    for (const run of phase.runs) {
      const old = earlier.runs.find((candidate) => candidate.target === run.target && candidate.connections === run.connections);
      if (!old?.result || !run.result) continue;
      rows.push([
        phaseTitle(phase),
        run.target,
        String(run.connections),
        number(old.result.requestsPerSecond, 1),
        number(run.result.requestsPerSecond, 1),
        change(old.result.requestsPerSecond, run.result.requestsPerSecond),
        milliseconds(old.result.latencyMs.p95),
        milliseconds(run.result.latencyMs.p95),
        change(old.result.latencyMs.p95, run.result.latencyMs.p95),
      ]);
    }
  }
  if (rows.length === 0) return "Nothing in common to compare (different phases or targets).";
  const header = ["phase", "target", "conn", "req/s before", "req/s after", "change", "p95 before", "p95 after", "change"];
  const title = `Before: ${before.startedAt} (${before.git.commit.slice(0, 10)}), after: ${after.startedAt} (${after.git.commit.slice(0, 10)})`;
  return `${title}\n${pad([header, ...rows], (column) => column >= 2)}`;
}
