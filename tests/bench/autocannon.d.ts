// autocannon 9 ships no types: the part of its API the harness uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
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

  function autocannon(options: Options): Instance;
  export default autocannon;
}
