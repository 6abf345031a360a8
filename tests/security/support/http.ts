import http from "node:http";
import { e2eServer } from "../../e2e/support/server";

/**
 * A bare HTTP client for attacks: it sends exactly the headers it is given (Host, Origin and
 * Cookie included), keeps no cookie jar, follows no redirect and never retries, so that what
 * the server answered is what the test sees.
 */

export type RawRequest = {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
};

export type RawResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const { hostname, port } = new URL(e2eServer.origin);

/**
 * A kept-alive socket the server closed meanwhile fails at once with ECONNRESET: the request then
 * never reached the server, and goes again on a new socket (Node.js' documented way). Nothing
 * else is retried.
 */
export async function send(request: RawRequest): Promise<RawResponse> {
  try {
    return await sendOnce(request, agent);
  } catch (error) {
    if ((error as { isOnReusedSocket?: boolean }).isOnReusedSocket) return sendOnce(request, false);
    throw error;
  }
}

function sendOnce({ method = "GET", path, headers = {}, body }: RawRequest, via: http.Agent | false): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const payload = typeof body === "string" ? Buffer.from(body) : body;
    const request = http.request(
      {
        hostname,
        port,
        method,
        path,
        agent: via,
        // node:http writes its own Host only when none is given.
        headers: { host: `${hostname}:${port}`, ...headers, ...(payload ? { "content-length": String(payload.length) } : {}) },
        timeout: 60_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const buffer = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: buffer, text: buffer.toString("utf8") });
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`timeout: ${method} ${path}`)));
    request.on("error", (error: NodeJS.ErrnoException) => {
      reject(Object.assign(error, { isOnReusedSocket: request.reusedSocket && error.code === "ECONNRESET" }));
    });
    request.end(payload);
  });
}

export function headerOf(response: RawResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The Set-Cookie lines of a response, one per cookie. */
export function setCookiesOf(response: RawResponse): string[] {
  return response.headers["set-cookie"] ?? [];
}

/** Runs `work` on every item with at most `concurrency` in flight: two cores serve the app and the tests. */
export async function forEachLimited<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await work(items[index] as T, index);
    }
  });
  await Promise.all(runners);
}
