// autocannon 9 ships no types: the part of its API the harness uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    /** A request as autocannon builds it: the options' defaults, then what setupRequest returns. */
    type RequestParams = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    };

    type Request = {
      /** Called before each request of a connection: what it returns is sent. */
      setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams;
      /** Called on each answer, header names as the server wrote them. */
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
    };

    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      method?: "GET" | "POST";
      headers?: Record<string, string>;
      body?: string;
      /** Sent in turn by each connection; without a setupRequest, each is built once. */
      requests?: Request[];
      timeout?: number;
    };

    type Result = {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
      requests: { total: number; average: number };
    };

    type Instance = EventEmitter &
      PromiseLike<Result> & {
        stop: () => void;
      };
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
