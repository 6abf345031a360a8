import type { Page, Route } from "@playwright/test";
import { e2eServer } from "../../e2e/support/server";
import { type RawRequest, type RawResponse, headerOf } from "./http";

/**
 * A server action's POST as the browser sent it, captured before it left (the browser's request
 * is aborted, so the action has not run): the replays decide what reaches the server.
 */
export type CapturedAction = {
  actionId: string;
  /** The page's path and query: an action is posted to the page that shows its form. */
  path: string;
  /** The browser's headers, Cookie aside (kept in `cookie`). */
  headers: Record<string, string>;
  /** The browser's cookies for the app at the time, as a Cookie header. */
  cookie: string;
  body: Buffer;
};

/**
 * Headers a replay keeps from the browser's request; the others are the transport's business.
 * X-Forwarded-For is the test's own client address (set on the page): without it a replay would
 * come from 127.0.0.1, shared by every test, and meet the app's per-address limits.
 */
const KEPT_HEADERS = ["accept", "content-type", "next-action", "next-router-state-tree", "origin", "referer", "user-agent", "x-forwarded-for"];

/**
 * Clicks through `submit` and captures the POST of action `actionId` that it causes, aborting it;
 * leaves the page on about:blank. Other requests (pages, other actions such as the idle timer's)
 * go on untouched; a second POST of the same action is aborted too, so that the capture stays the
 * only one and the action never runs behind the replays' back.
 */
export async function captureActionPost(page: Page, actionId: string, submit: () => Promise<unknown>): Promise<CapturedAction> {
  let resolveCapture: (captured: CapturedAction) => void = () => {};
  let rejectCapture: (error: unknown) => void = () => {};
  const capture = new Promise<CapturedAction>((resolve, reject) => {
    resolveCapture = resolve;
    rejectCapture = reject;
  });
  // Awaited only once submit() is through; a failure before that must not go unhandled meanwhile.
  capture.catch(() => {});
  let isCaptured = false;
  const isAppUrl = (url: URL) => url.origin === e2eServer.origin;
  // Errors end the capture rather than escape the handler: Playwright would report an escaped one
  // as the test's failure and close the page, and the actual cause would be lost.
  const handler = async (route: Route) => {
    try {
      const request = route.request();
      const headers = await request.allHeaders();
      // The route may have been settled meanwhile (unrouted, page gone): nothing to undo then.
      if (request.method() !== "POST" || headers["next-action"] !== actionId) return await route.continue().catch(() => {});
      if (isCaptured) return await route.abort().catch(() => {});
      isCaptured = true;
      const cookies = await page.context().cookies(e2eServer.origin);
      const url = new URL(request.url());
      const captured: CapturedAction = {
        actionId,
        path: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(KEPT_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name] as string])),
        cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
        body: request.postDataBuffer() ?? Buffer.alloc(0),
      };
      await route.abort();
      resolveCapture(captured);
    } catch (error) {
      rejectCapture(error);
    }
  };
  await page.route(isAppUrl, handler);
  let timer: NodeJS.Timeout | undefined;
  try {
    await submit();
    return await Promise.race([
      capture,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`action ${actionId} was not posted within 15 s`)), 15_000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    // Leaving the app first: with the route still in place, no request of the page can slip
    // through while it is removed (Playwright lets in-flight requests go on at that moment).
    await page.goto("about:blank").catch(() => {});
    await page.unroute(isAppUrl, handler).catch(() => {});
  }
}

export type ReplayChanges = {
  /** The Cookie header to send instead of the browser's; null sends none. */
  cookie?: string | null;
  /** Headers to add or replace; null removes one. */
  headers?: Record<string, string | null>;
  body?: Buffer;
  actionId?: string;
};

/** The captured request, changed as an attacker would change it. */
export function replayOf(captured: CapturedAction, changes: ReplayChanges = {}): RawRequest {
  const headers: Record<string, string> = { ...captured.headers, "next-action": changes.actionId ?? captured.actionId };
  const cookie = changes.cookie === undefined ? captured.cookie : changes.cookie;
  if (cookie) headers.cookie = cookie;
  for (const [name, value] of Object.entries(changes.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return { method: "POST", path: captured.path, headers, body: changes.body ?? captured.body };
}

/** What a server action answered: where it sent the person, and the state it returned. */
export type ActionOutcome = {
  status: number;
  /** The path of `redirect()` inside the action, if it called it. */
  redirect: string | null;
  /** The action's return value (row 1 of the React Flight answer), if it returned. */
  result: unknown;
};

/**
 * The rows of a React Flight answer by id. A row is "<id>:<value>\n", except a text row,
 * "<id>:T<byte length in hex>,<text>", which has no line end: long strings travel that way.
 */
function readFlightRows(body: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let position = 0;
  while (position < body.length) {
    const colon = body.indexOf(":", position);
    if (colon < 0) break;
    const id = body.subarray(position, colon).toString();
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(",", colon);
      const length = Number.parseInt(body.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, body.subarray(comma + 1, comma + 1 + length).toString());
      position = comma + 1 + length;
    } else {
      const end = body.indexOf("\n", colon);
      const stop = end < 0 ? body.length : end;
      rows.set(id, body.subarray(colon + 1, stop).toString());
      position = stop + 1;
    }
  }
  return rows;
}

export function outcomeOf(response: RawResponse): ActionOutcome {
  const redirectHeader = headerOf(response, "x-action-redirect");
  const isFlight = (headerOf(response, "content-type") ?? "").startsWith("text/x-component");
  const resultRow = isFlight ? readFlightRows(response.body).get("1") : undefined;
  let result: unknown;
  if (resultRow !== undefined) {
    try {
      result = JSON.parse(resultRow);
    } catch {
      result = resultRow;
    }
  }
  return { status: response.status, redirect: redirectHeader ? redirectHeader.split(";")[0]! : null, result };
}

/** A cookie a response set, as the browser would store it. */
export type SetCookie = { name: string; value: string; isDeleted: boolean };

export function parseSetCookie(line: string): SetCookie {
  const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
  const separator = pair.indexOf("=");
  const name = pair.slice(0, separator);
  const value = pair.slice(separator + 1);
  const isExpired = attributes.some((attribute) => {
    const [key = "", attributeValue = ""] = attribute.split("=");
    if (key.toLowerCase() === "max-age") return Number(attributeValue) <= 0;
    if (key.toLowerCase() === "expires") return new Date(attributeValue).getTime() < Date.now();
    return false;
  });
  return { name, value, isDeleted: isExpired || value === "" };
}

/** Gives the browser the cookies a replayed request received, as if it had sent the request itself. */
export async function adoptCookies(page: Page, setCookies: string[]): Promise<void> {
  for (const line of setCookies) {
    const cookie = parseSetCookie(line);
    await page.context().clearCookies({ name: cookie.name });
    if (!cookie.isDeleted) {
      await page.context().addCookies([{ name: cookie.name, value: cookie.value, url: e2eServer.origin, httpOnly: true, sameSite: "Lax" }]);
    }
  }
}
