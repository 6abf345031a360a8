import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { getDatabaseHandle } from "@/db/client";
import { passwordHashParameters } from "@/lib/auth/password-hash";
import { type AccountPool, ensureAccountPool } from "./account-pool";
import { type Argon2Result, measureArgon2Verify } from "./argon2-baseline";
import { countInsuredPersons, recreateDatabase, seedDatabase } from "./database";
import { describeError } from "./errors";
import { auditWithLighthouse, LighthouseRuntimeError } from "./lighthouse";
import { type ExpectedAnswer, checkTarget, measureLoad, warmUp } from "./load";
import {
  type BenchResults,
  type LighthouseRun,
  type Phase,
  type TargetRun,
  formatArgon2Table,
  formatComparison,
  formatLighthouseTable,
  formatLoadTable,
} from "./results-format";
import { growScaleData } from "./scale";
import { type RunningServer, buildApp, startServer } from "./server";
import { type DocumentTransferRun, formatDocumentTransferTable, measureDocumentTransfer } from "./document-transfer";
import { type BenchTarget, baselinePage, benchTargets, documentTransferTarget } from "./targets";
import type { SetupContext } from "./visitors";

/*
 * npm run bench [-- options]: builds the app, serves it with `next start` on 127.0.0.1 over a
 * PostgreSQL database of its own (dropped, migrated, seeded), loads each target of targets.ts
 * with autocannon, measures the baselines, audits pages with Lighthouse, then prints the tables
 * and writes them to tests/bench/results/<timestamp>.json. See docs/decisions/0005-benchmarks.md.
 */

const USAGE = `npm run bench -- [options]
  --duration <s>         seconds of load per target and concurrency (default 10)
  --connections <list>   concurrent connections, comma separated (default 1,10)
  --scale                also load the scale data set and measure at each size of --persons
  --persons <list>       insured persons for --scale, comma separated (default 1000,100000)
  --lines <list>         statement lines (Remboursements) at each size of --persons, comma separated
                         (default 1000,10000000: the page, a filter and the CSV side by side)
  --only <texts>         only the targets whose name or path contains one of these texts, comma separated (the baseline always runs)
  --skip-build           serve the existing .next build (for quick runs while developing the bench)
  --skip-lighthouse      no Lighthouse audits
  --paired-baseline      measure the baseline (page or argon2) again just before each target and divide by that one
                         (a shared machine's load changes within a run; doubles the load phase's time)
  --compare <file>       print this earlier results file side by side with this run
  --current <file>       with --compare: compare these two files, run nothing
  --port <n>             port on 127.0.0.1 (default 3300)
  --database-url <url>   the benchmark's own database, dropped and recreated (default postgres://postgres@127.0.0.1:5432/mes_bench)`;

function readOptions() {
  return parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "1,10" },
      scale: { type: "boolean", default: false },
      persons: { type: "string", default: "1000,100000" },
      lines: { type: "string", default: "1000,10000000" },
      only: { type: "string" },
      "skip-build": { type: "boolean", default: false },
      "skip-lighthouse": { type: "boolean", default: false },
      "paired-baseline": { type: "boolean", default: false },
      compare: { type: "string" },
      current: { type: "string" },
      port: { type: "string", default: "3300" },
      "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/mes_bench" },
      help: { type: "boolean", default: false },
    },
  }).values;
}

function positiveIntegers(list: string, name: string): number[] {
  const numbers = list.split(",").map((item) => Number(item.trim()));
  if (numbers.length === 0 || numbers.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new Error(`--${name} takes positive integers separated by commas, not "${list}"`);
  }
  return numbers;
}

function readResults(file: string): BenchResults {
  return JSON.parse(readFileSync(file, "utf8")) as BenchResults;
}

function gitState(): BenchResults["git"] {
  const read = (args: string[]) => spawnSync("git", args, { encoding: "utf8" }).stdout?.trim() ?? "";
  return { commit: read(["rev-parse", "HEAD"]) || "unknown", hasUncommittedChanges: read(["status", "--porcelain"]) !== "" };
}

const HOST = "127.0.0.1";
/**
 * Accounts the password step goes round when measured over many accounts: five times the most
 * connections, so that no two requests in flight share one.
 */
const ACCOUNTS_PER_CONNECTION = 5;
const RESULTS_DIR = path.join(process.cwd(), "tests", "bench", "results");
/**
 * Lighthouse runs per page when Lighthouse itself fails to record the page load (NO_NAVSTART and
 * the like: Chrome's trace on a busy machine, whatever the page). Main's last run lost
 * /activation/nouveau-code twice in a row so; a third attempt, then the audit is reported as
 * not measured without failing the run (the page's own failures still do).
 */
const LIGHTHOUSE_ATTEMPTS = 3;

type Context = {
  origin: string;
  authSecret: string;
  durationSeconds: number;
  connections: number[];
  targets: readonly BenchTarget[];
  databaseUrl: string;
  accountPool: AccountPool;
  /** Whether each target's reference is measured again just before it (--paired-baseline). */
  isReferencePaired: boolean;
  /** The server's CPU time so far (RunningServer.cpuMilliseconds). */
  serverCpuMilliseconds: () => number | null;
};

function expectedAnswerOf(target: BenchTarget): ExpectedAnswer {
  return { status: target.expectedStatus ?? 200, text: target.expectedText, nextStep: target.expectedNextStep };
}

function setupContextOf(context: Context): SetupContext {
  return { origin: context.origin, authSecret: context.authSecret, now: new Date(), accountPool: context.accountPool };
}

/** Checks, warms up and loads one target at one concurrency; a failure is recorded, not thrown. */
async function measureTarget(context: Context, target: BenchTarget, connections: number): Promise<TargetRun> {
  const run: TargetRun = {
    target: target.name,
    path: target.path,
    baseline: target.baseline,
    isBaseline: target === baselinePage,
    connections,
    loadAverage: os.loadavg()[0] ?? 0,
  };
  try {
    const request = target.setup ? await target.setup(setupContextOf(context)) : {};
    const url = `${context.origin}${target.path}`;
    const expected = expectedAnswerOf(target);
    await checkTarget(url, request, expected);
    await warmUp(url, request);
    const cpuBefore = context.serverCpuMilliseconds();
    run.result = await measureLoad({ url, connections, durationSeconds: context.durationSeconds, request, expected });
    const cpuAfter = context.serverCpuMilliseconds();
    const { result } = run;
    if (cpuBefore !== null && cpuAfter !== null && result.responses > 0) run.serverCpuMsPerRequest = (cpuAfter - cpuBefore) / result.responses;
    const problems = result.non2xx + (result.unexpectedAnswers ?? 0) + result.errors + result.timeouts;
    console.log(
      `  ${target.name} ×${connections}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, ` +
        `p95 ${result.latencyMs.p95.toFixed(1)} ms${run.serverCpuMsPerRequest === undefined ? "" : `, ${run.serverCpuMsPerRequest.toFixed(2)} ms server CPU each`}` +
        `${problems > 0 ? `, ${problems} bad answers` : ""}`,
    );
  } catch (error) {
    run.error = describeError(error);
    console.log(`  ${target.name} ×${connections}: not measured, ${run.error}`);
  }
  return run;
}

/** The reference a run is divided by: throughput and CPU time of the baseline page or of bare argon2. */
function referenceOf(run: TargetRun, baselineRun: TargetRun | undefined, argon2Run: Argon2Result | undefined) {
  if (run.pairedReference) return run.pairedReference;
  return run.baseline === "argon2"
    ? { perSecond: argon2Run?.verificationsPerSecond, cpuMs: argon2Run?.cpuMsPerVerification }
    : { perSecond: baselineRun?.result?.requestsPerSecond, cpuMs: baselineRun?.serverCpuMsPerRequest };
}

async function measurePairedReference(context: Context, target: BenchTarget, connections: number): Promise<TargetRun["pairedReference"]> {
  if (target.baseline === "argon2") {
    const argon2 = await measureArgon2Verify({ concurrency: connections, durationSeconds: context.durationSeconds });
    return { perSecond: argon2.verificationsPerSecond, cpuMs: argon2.cpuMsPerVerification };
  }
  const baseline = await measureTarget(context, baselinePage, connections);
  return { perSecond: baseline.result?.requestsPerSecond, cpuMs: baseline.serverCpuMsPerRequest };
}

async function measurePhase(context: Context, key: string, argon2Runs: readonly Argon2Result[]): Promise<Phase> {
  const persons = await countInsuredPersons(context.databaseUrl);
  console.log(`\nLoad, ${key === "seed" ? "seeded database" : `scale data set`}: ${persons.toLocaleString("en")} insured persons`);
  const runs: TargetRun[] = [];
  for (const target of [baselinePage, ...context.targets]) {
    for (const connections of context.connections) {
      // On a shared machine the load changes from one minute to the next: a reference measured just before is comparable.
      const pairedReference = context.isReferencePaired && target !== baselinePage ? await measurePairedReference(context, target, connections) : undefined;
      const run = await measureTarget(context, target, connections);
      if (pairedReference) run.pairedReference = pairedReference;
      runs.push(run);
    }
  }
  for (const run of runs) {
    const baselineRun = runs.find((candidate) => candidate.isBaseline && candidate.connections === run.connections);
    const argon2Run = argon2Runs.find((candidate) => candidate.concurrency === run.connections);
    const reference = referenceOf(run, baselineRun, argon2Run);
    if (run.result && reference.perSecond) run.ratioToBaseline = run.result.requestsPerSecond / reference.perSecond;
    if (run.serverCpuMsPerRequest && reference.cpuMs) run.cpuRatioToBaseline = reference.cpuMs / run.serverCpuMsPerRequest;
  }
  return { key, persons, runs };
}

/** The 5 MB document's round trips, as the demo patient; a failure is recorded, not thrown. */
async function measureTransfer(context: Context): Promise<DocumentTransferRun> {
  console.log(`\n${documentTransferTarget.name}`);
  try {
    const request = await documentTransferTarget.setup(setupContextOf(context));
    const run = await measureDocumentTransfer({ origin: context.origin, request });
    console.log(`  raw / app: upload ${run.ratio.upload.toFixed(2)}×, download ${run.ratio.download.toFixed(2)}×, both ${run.ratio.total.toFixed(2)}×`);
    return run;
  } catch (error) {
    const failed = { error: describeError(error) } as DocumentTransferRun;
    console.log(`  not measured, ${failed.error}`);
    return failed;
  }
}

async function auditPages(context: Context, timestamp: string): Promise<LighthouseRun[]> {
  const audited = context.targets.filter((target) => target.isLighthouseAudited);
  if (audited.length === 0) return [];
  console.log("\nLighthouse (mobile)");
  const reportsDir = path.join(RESULTS_DIR, `${timestamp}-lighthouse`);
  mkdirSync(reportsDir, { recursive: true });
  const runs: LighthouseRun[] = [];
  for (const target of audited) {
    const run: LighthouseRun = { target: target.name, path: target.path };
    try {
      const request = target.setup ? await target.setup(setupContextOf(context)) : {};
      const url = `${context.origin}${target.path}`;
      await checkTarget(url, request, expectedAnswerOf(target));
      const slug = target.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
      const audit = () =>
        auditWithLighthouse({
          url,
          headers: request.headers,
          reportPath: path.join(reportsDir, `${slug}.json`),
          chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
        });
      for (let attempt = 1; !run.scores; attempt += 1) {
        try {
          run.scores = await audit();
        } catch (error) {
          // Lighthouse's own failures to record a trace ask for another run; the page's are not retried.
          if (!(error instanceof LighthouseRuntimeError)) throw error;
          run.retriedAfter = error.code;
          if (attempt >= LIGHTHOUSE_ATTEMPTS) {
            run.isToolFailure = true;
            throw error;
          }
          console.log(`  ${target.name}: ${error.message}; audited again`);
        }
      }
      console.log(`  ${target.name}: performance ${run.scores.performance}, accessibility ${run.scores.accessibility}`);
    } catch (error) {
      run.error = describeError(error);
      console.log(`  ${target.name}: not audited, ${run.error}`);
    }
    runs.push(run);
  }
  return runs;
}

async function main(): Promise<number> {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.current) {
    if (!options.compare) throw new Error("--current goes with --compare <earlier file>");
    console.log(formatComparison(readResults(options.compare), readResults(options.current)));
    return 0;
  }
  const durationSeconds = positiveIntegers(options.duration, "duration")[0] ?? 10;
  const connections = positiveIntegers(options.connections, "connections");
  const scaleSizes = options.scale ? positiveIntegers(options.persons, "persons") : [];
  const lineSizes = options.scale ? positiveIntegers(options.lines, "lines") : [];
  if (lineSizes.length !== scaleSizes.length) {
    console.error("--lines needs one size per size of --persons.");
    return 2;
  }
  const port = positiveIntegers(options.port, "port")[0] ?? 3300;
  const only = options.only
    ?.toLowerCase()
    .split(",")
    .map((text) => text.trim())
    .filter(Boolean);
  const isChosen = (target: { name: string; path: string }) =>
    !only || only.some((text) => target.name.toLowerCase().includes(text) || target.path.toLowerCase().includes(text));
  const targets = benchTargets.filter(isChosen);
  const isTransferMeasured = isChosen(documentTransferTarget);
  const databaseUrl = options["database-url"];
  const previous = options.compare ? readResults(options.compare) : null;

  const startedAt = new Date();
  const timestamp = startedAt.toISOString().replace(/[:.]/g, "-");
  mkdirSync(RESULTS_DIR, { recursive: true });
  const origin = `http://${HOST}:${port}`;
  const authSecret = randomBytes(32).toString("base64url");
  // The server and this process (which signs the demo patient in) share one configuration.
  const settings = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    APP_ORIGIN: origin,
    OUTBOX_ENABLED: "true",
    // Documents are encrypted with it; production refuses to start without one.
    DOCUMENT_MASTER_KEYS: `bench1:${randomBytes(32).toString("base64")}`,
    // The reference page every page's throughput is read against: served only when asked for.
    BENCH_BASELINE_ENABLED: "true",
  };
  Object.assign(process.env, settings);
  const serverEnv: NodeJS.ProcessEnv = { ...process.env, ...settings, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };

  if (options["skip-build"]) {
    console.log("Serving the existing build (--skip-build).");
  } else {
    console.log("Building the app (next build)…");
    buildApp(serverEnv);
  }
  console.log(`Database ${new URL(databaseUrl).pathname.slice(1)}: recreated, migrated, seeded.`);
  await recreateDatabase(databaseUrl);
  seedDatabase(serverEnv);

  // DATABASE_URL is set above: the lib functions the targets' setups call reach the bench database.
  const handle = getDatabaseHandle();
  let server: RunningServer | undefined;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the server.`);
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);

  const results: BenchResults = {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: "",
    git: gitState(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      totalMemoryMb: Math.round(os.totalmem() / 1_048_576),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    options: { durationSeconds, connections, isScaleRun: options.scale, isBuilt: !options["skip-build"] },
    argon2: { parameters: { ...passwordHashParameters }, runs: [] },
    phases: [],
    lighthouse: [],
  };
  try {
    const poolSize = ACCOUNTS_PER_CONNECTION * Math.max(...connections);
    const accountPool = await ensureAccountPool(databaseUrl, poolSize);
    console.log(
      `Account pool: ${poolSize} generated accounts for the password step` +
        (accountPool.personsAdded > 0 ? ` (the register grew by ${accountPool.personsAdded} persons of the scale data set).` : "."),
    );
    results.accountPool = { accounts: poolSize, personsAdded: accountPool.personsAdded };
    server = await startServer({ env: serverEnv, host: HOST, port, logFile: path.join(RESULTS_DIR, `${timestamp}-server.log`) });
    console.log(`Server up at ${origin}.`);
    const running = server;
    const context: Context = {
      origin,
      authSecret,
      durationSeconds,
      connections,
      targets,
      databaseUrl,
      accountPool,
      isReferencePaired: options["paired-baseline"],
      serverCpuMilliseconds: () => running.cpuMilliseconds(),
    };

    console.log("\nBaseline: argon2id verify in this process (server idle)");
    for (const concurrency of connections) {
      const run = await measureArgon2Verify({ concurrency, durationSeconds });
      results.argon2.runs.push(run);
      console.log(`  ×${concurrency}: ${run.verificationsPerSecond.toFixed(1)} verify/s, p50 ${run.latencyMs.p50.toFixed(1)} ms, ${run.cpuMsPerVerification?.toFixed(2)} ms CPU each`);
    }

    if (scaleSizes.length === 0) {
      results.phases.push(await measurePhase(context, "seed", results.argon2.runs));
    }
    for (const [index, persons] of scaleSizes.entries()) {
      console.log(`\nScale data set: growing to ${persons.toLocaleString("en")} insured persons…`);
      const generation = await growScaleData(databaseUrl, { persons, statementLines: lineSizes[index] });
      console.log(
        `  ${generation.personsBefore.toLocaleString("en")} → ${generation.personsAfter.toLocaleString("en")} in ${generation.seconds.toFixed(1)} s`,
      );
      const phase = await measurePhase(context, String(persons), results.argon2.runs);
      results.phases.push({ ...phase, generation });
      // Lighthouse looks at the front end, which the data's volume hardly changes: once, on the first state.
      if (index === 0 && !options["skip-lighthouse"]) results.lighthouse = await auditPages(context, timestamp);
    }
    if (scaleSizes.length === 0 && !options["skip-lighthouse"]) results.lighthouse = await auditPages(context, timestamp);
    if (isTransferMeasured) results.documentTransfer = await measureTransfer(context);
  } finally {
    await server?.stop();
    await handle.close();
  }

  results.finishedAt = new Date().toISOString();
  const file = path.join(RESULTS_DIR, `${timestamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${formatLoadTable(results)}\n\n${formatArgon2Table(results)}`);
  if (results.lighthouse.length > 0) console.log(`\n${formatLighthouseTable(results)}`);
  if (results.documentTransfer) console.log(`\n${formatDocumentTransferTable(results.documentTransfer)}`);
  console.log(`\nResults: ${path.relative(process.cwd(), file)}`);
  if (previous) console.log(`\n${formatComparison(previous, results)}`);

  // A Lighthouse audit that Lighthouse itself could not record says nothing about the page: reported, not failed.
  const hasFailures =
    results.phases.some((phase) => phase.runs.some((run) => run.error)) ||
    results.lighthouse.some((run) => run.error && !run.isToolFailure) ||
    Boolean(results.documentTransfer?.error);
  return hasFailures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm run bench failed: ${describeError(error)}\n\n${USAGE}`);
    process.exit(1);
  },
);
