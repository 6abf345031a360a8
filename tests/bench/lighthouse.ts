import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** Kept out of the app's dependencies (it needs its own Chrome and pulls ~100 packages); run through npx. */
// Run by npx from the bench, whose PATH starts with node_modules/.bin: on the project's Node 24
// (Lighthouse 13 declares Node >= 22.19).
const LIGHTHOUSE = "lighthouse@13.5.0";
const CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync";

export type LighthouseScores = {
  /** 0–100, Lighthouse's mobile preset (simulated slow 4G, mid-range phone). */
  performance: number;
  accessibility: number;
  /** The accessibility audits that failed, by Lighthouse id (e.g. "color-contrast"): what to fix first. */
  failedAccessibilityAudits: string[];
  /** Milliseconds, except cumulative layout shift (unitless). */
  metrics: {
    firstContentfulPaint: number;
    largestContentfulPaint: number;
    totalBlockingTime: number;
    cumulativeLayoutShift: number;
    speedIndex: number;
  };
};

/**
 * Lighthouse finished but could not measure the page (its report's runtimeError, e.g. NO_NAVSTART:
 * "Something went wrong with recording the trace over your page load. Please run Lighthouse
 * again."): a failure of the measuring tool, not of the page.
 */
export class LighthouseRuntimeError extends Error {
  constructor(readonly code: string, message: string) {
    super(`lighthouse: ${code} ${message}`);
  }
}

type LighthouseReport = {
  categories: Record<"performance" | "accessibility", { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { numericValue?: number; score: number | null }>;
  runtimeError?: { code: string; message: string };
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Lighthouse in mobile mode on one page, with Debian's Chromium; the full report is kept at `reportPath`. */
export async function auditWithLighthouse({
  url,
  headers,
  reportPath,
  chromePath,
}: {
  url: string;
  headers?: Record<string, string>;
  reportPath: string;
  chromePath: string;
}): Promise<LighthouseScores> {
  const args = [
    "-y",
    LIGHTHOUSE,
    url,
    "--output=json",
    `--output-path=${reportPath}`,
    "--only-categories=performance,accessibility",
    `--chrome-flags=${CHROME_FLAGS}`,
    "--quiet",
    ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
  ];
  const { code, output } = await run("npx", args, { ...process.env, CHROME_PATH: chromePath }, 240_000);
  if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${output.trim().split("\n").slice(-3).join(" ")}`);
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as LighthouseReport;
  if (report.runtimeError) throw new LighthouseRuntimeError(report.runtimeError.code, report.runtimeError.message);
  const score = (category: "performance" | "accessibility") => Math.round((report.categories[category].score ?? 0) * 100);
  const metric = (audit: string) => report.audits[audit]?.numericValue ?? Number.NaN;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    failedAccessibilityAudits: report.categories.accessibility.auditRefs
      .filter((reference) => reference.weight > 0 && report.audits[reference.id]?.score === 0)
      .map((reference) => reference.id),
    metrics: {
      firstContentfulPaint: metric("first-contentful-paint"),
      largestContentfulPaint: metric("largest-contentful-paint"),
      totalBlockingTime: metric("total-blocking-time"),
      cumulativeLayoutShift: metric("cumulative-layout-shift"),
      speedIndex: metric("speed-index"),
    },
  };
}
