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
  /**
   * Answers with the expected status that were not the expected success: a server action
   * refusing (wrong password, rate limit) still answers 200, only without its redirect.
   * Absent from results files written before it was counted.
   */
  unexpectedAnswers?: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

/** What a target's answer must be for the request to count as working. */
export type ExpectedAnswer = {
  status: number;
  /** A text the body holds. */
  text: string;
  /**
   * For a server action whose success leads to another page: that page's path (query string
   * aside), from its redirect() (the `x-action-redirect` header) or from the state it returns
   * (`redirectTo`, which the form follows, as LoginForm does).
   */
  nextStep?: string;
};

/** Nearest-rank percentiles of a set of samples. */
export function summarizeLatencies(samples: number[]): Latency {
  if (samples.length === 0) return { mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((left, right) => left - right);
  const at = (percentile: number) => sorted[Math.min(sorted.length - 1, Math.ceil((percentile / 100) * sorted.length) - 1)] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { mean, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? 0 };
}

let clientAddressCount = 0;

/**
 * A client address no earlier request of this run had, from the documentation range
 * (2001:db8::/32), as our reverse proxy would write it in X-Forwarded-For. Next.js keeps an
 * X-Forwarded-For it receives, and the app trusts its right-most entry (lib/http/client-address.ts).
 */
export function nextClientAddress(): string {
  clientAddressCount += 1;
  return `2001:db8::${Math.floor(clientAddressCount / 0x10000).toString(16)}:${(clientAddressCount % 0x10000).toString(16)}`;
}

/**
 * Hands out a request's variants in turn (BenchRequest.variants), one counter per request so
 * that its check, its warm-up and its load go round the same list.
 */
const nextVariantIndex = new WeakMap<BenchRequest, number>();

function nextVariant(request: BenchRequest): { headers?: Record<string, string>; body?: string } {
  const { variants } = request;
  if (!variants || variants.length === 0) return { headers: request.headers, body: request.body };
  const index = nextVariantIndex.get(request) ?? 0;
  nextVariantIndex.set(request, (index + 1) % variants.length);
  const variant = variants[index]!;
  return { headers: { ...request.headers, ...variant.headers }, body: variant.body };
}

/** The next request to send: its variant's headers and body, with a client address of its own when the target needs one per request. */
function requestInit(request: BenchRequest): RequestInit {
  const { headers, body } = nextVariant(request);
  const withAddress = request.needsClientAddressPerRequest ? { ...headers, "x-forwarded-for": nextClientAddress() } : headers;
  return { method: request.method ?? "GET", headers: withAddress, body, redirect: "manual" };
}

/** The state a server action returned: row 1 of its React Flight answer, as text. */
function actionStateText(body: string): string | undefined {
  return /^1:(.*)$/m.exec(body)?.[1];
}

/**
 * Where a server action's answer sends the person, query string aside: its `x-action-redirect`
 * header ("<url>;<push|replace>"), else the `redirectTo` of the state it returned.
 */
function nextStepPath(header: string | string[] | undefined, body: string): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  let target = value?.split(";")[0];
  if (!target) {
    const state = actionStateText(body);
    try {
      const parsed: unknown = state === undefined ? undefined : JSON.parse(state);
      if (parsed && typeof parsed === "object" && "redirectTo" in parsed && typeof parsed.redirectTo === "string") target = parsed.redirectTo;
    } catch {
      // Not JSON: no state to read.
    }
  }
  return target?.split("?")[0] ?? null;
}

/**
 * One request as a browser would send it (one per variant, each account of a pool once): the
 * page must answer `expected.status`, show `expected.text` and, for a server action, redirect
 * where a success does. Throws with what came back otherwise (a redirect to the login page, an
 * error, a refusal).
 */
export async function checkTarget(url: string, request: BenchRequest, expected: ExpectedAnswer): Promise<void> {
  for (let index = 0; index < Math.max(1, request.variants?.length ?? 0); index += 1) await checkOneRequest(url, request, expected);
}

async function checkOneRequest(url: string, request: BenchRequest, expected: ExpectedAnswer): Promise<void> {
  const response = await fetch(url, requestInit(request));
  const body = await response.text();
  if (response.status !== expected.status) {
    const location = response.headers.get("location");
    throw new Error(`answered ${response.status}${location ? ` → ${location}` : ""} instead of ${expected.status}`);
  }
  if (expected.nextStep !== undefined) {
    const next = nextStepPath(response.headers.get("x-action-redirect") ?? undefined, body);
    if (next !== expected.nextStep) {
      // The action returned another state: its error says why.
      const state = actionStateText(body)?.slice(0, 300);
      throw new Error(`answered without leading to ${expected.nextStep}${next ? ` (to ${next})` : ""}${state ? `: ${state}` : ""}`);
    }
  }
  if (!body.includes(expected.text)) throw new Error(`answered ${response.status} without the text "${expected.text}"`);
}

/** A few requests first: the server compiles and caches on the first hits of a route. */
export async function warmUp(url: string, request: BenchRequest, count = 20): Promise<void> {
  for (let index = 0; index < count; index += 1) await (await fetch(url, requestInit(request))).arrayBuffer();
}

type AutocannonRequest = NonNullable<autocannon.Options["requests"]>[number];

/**
 * autocannon builds each request once unless it has a setupRequest hook; only targets that need
 * it get one (a hook per request costs the bench process CPU the server shares), and only
 * server actions get their answers read.
 */
function perRequestHooks(request: BenchRequest, expected: ExpectedAnswer, onUnexpected: () => void): AutocannonRequest[] | undefined {
  const hooks: AutocannonRequest = {};
  if (request.variants) {
    hooks.setupRequest = (built) => {
      const { headers, body } = nextVariant(request);
      const address: Record<string, string> = request.needsClientAddressPerRequest ? { "x-forwarded-for": nextClientAddress() } : {};
      return { ...built, headers: { ...built.headers, ...headers, ...address }, body };
    };
  } else if (request.needsClientAddressPerRequest) {
    hooks.setupRequest = (built) => ({ ...built, headers: { ...built.headers, "x-forwarded-for": nextClientAddress() } });
  }
  const { nextStep } = expected;
  if (nextStep !== undefined) {
    hooks.onResponse = (status, body, _context, headers) => {
      // Header names come as the server wrote them.
      const redirect = Object.entries(headers).find(([name]) => name.toLowerCase() === "x-action-redirect")?.[1];
      if (status === expected.status && nextStepPath(redirect, body) !== nextStep) onUnexpected();
    };
  }
  return Object.keys(hooks).length > 0 ? [hooks] : undefined;
}

export async function measureLoad({
  url,
  connections,
  durationSeconds,
  request,
  expected,
}: {
  url: string;
  connections: number;
  durationSeconds: number;
  request: BenchRequest;
  expected: ExpectedAnswer;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let unexpectedAnswers = 0;
  const requests = perRequestHooks(request, expected, () => {
    unexpectedAnswers += 1;
  });
  const instance = autocannon({
    url,
    connections,
    duration: durationSeconds,
    method: request.method ?? "GET",
    headers: request.headers,
    body: request.body,
    ...(requests ? { requests } : {}),
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
    unexpectedAnswers,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}
