import autocannon from "autocannon";
import type { BenchRequest } from "./visitors";

export type Latency = { mean: number; p50: number; p95: number; p99: number; max: number };

export type LoadResult = {
  connections: number;
  durationSeconds: number;
  /** Responses received, whatever their status. */
  responses: number;
  requestsPerSecond: number;
  /** Milliseconds, from each response's own timing (autocannon's summary has no p95). */
  latencyMs: Latency;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

/** Nearest-rank percentiles of a set of samples. */
export function summarizeLatencies(samples: number[]): Latency {
  if (samples.length === 0) return { mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((left, right) => left - right);
  const at = (percentile: number) => sorted[Math.min(sorted.length - 1, Math.ceil((percentile / 100) * sorted.length) - 1)] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { mean, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? 0 };
}

function requestInit(request: BenchRequest): RequestInit {
  return { method: request.method ?? "GET", headers: request.headers, body: request.body, redirect: "manual" };
}

/**
 * One request as a browser would send it: the page must answer `expectedStatus` and show
 * `expectedText`. Throws with what came back otherwise (a redirect to the login page, an error).
 */
export async function checkTarget(url: string, request: BenchRequest, expected: { status: number; text: string }): Promise<void> {
  const response = await fetch(url, requestInit(request));
  const body = await response.text();
  if (response.status !== expected.status) {
    const location = response.headers.get("location");
    throw new Error(`answered ${response.status}${location ? ` → ${location}` : ""} instead of ${expected.status}`);
  }
  if (!body.includes(expected.text)) throw new Error(`answered ${response.status} without the text "${expected.text}"`);
}

/** A few requests first: the server compiles and caches on the first hits of a route. */
export async function warmUp(url: string, request: BenchRequest, count = 20): Promise<void> {
  for (let index = 0; index < count; index += 1) await (await fetch(url, requestInit(request))).arrayBuffer();
}

export async function measureLoad({
  url,
  connections,
  durationSeconds,
  request,
}: {
  url: string;
  connections: number;
  durationSeconds: number;
  request: BenchRequest;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration: durationSeconds,
    method: request.method ?? "GET",
    headers: request.headers,
    body: request.body,
    timeout: 10,
  });
  instance.on("response", (_client: unknown, _statusCode: number, _bytes: number, responseTimeMs: number) => {
    latencies.push(responseTimeMs);
  });
  const result = await instance;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, stats]) => [status, stats.count]));
  return {
    connections,
    durationSeconds: result.duration,
    responses: latencies.length,
    requestsPerSecond: latencies.length / result.duration,
    latencyMs: summarizeLatencies(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}
