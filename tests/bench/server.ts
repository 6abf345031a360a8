import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";

const NEXT_BIN = "node_modules/next/dist/bin/next";

/** `next build`, in this process's directory, with the environment the server will run with. */
export function buildApp(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

async function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

export type RunningServer = {
  origin: string;
  /**
   * CPU time the server's processes have used so far (user + system, every thread: argon2's
   * worker threads too), in milliseconds; null where /proc is not there to read it.
   */
  cpuMilliseconds: () => number | null;
  /** Stops the whole process group; safe to call twice. */
  stop: () => Promise<void>;
};

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Negative pid: the group the detached child leads, next-server included (STACK.md pitfall 8).
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

const CLOCK_TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/**
 * CPU time of every process in one process group, from /proc/<pid>/stat (utime and stime, the
 * 14th and 15th fields, in clock ticks; the 5th is the group). Other programs on the machine
 * slow the server down but do not add to its CPU time: per request, this figure stays
 * comparable between runs on a busy machine where throughput does not.
 */
function groupCpuMilliseconds(groupId: number): number | null {
  let ticks = 0;
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // Ended meanwhile.
    }
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== groupId) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * `next start` on loopback only, detached in a process group of its own so that stopping it
 * leaves no orphan next-server; its output goes to `logFile`. Resolves once /api/health answers.
 */
export async function startServer({
  env,
  host,
  port,
  logFile,
}: {
  env: NodeJS.ProcessEnv;
  host: "127.0.0.1";
  port: number;
  logFile: string;
}): Promise<RunningServer> {
  if (!(await isPortFree(host, port))) throw new Error(`${host}:${port} is already in use: stop what listens there first`);
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", host, "-p", String(port)], {
    env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Whatever happens to the bench (an exception, Ctrl-C), the server goes with it.
  const killOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    killGroup(child, "SIGTERM");
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000).unref());
    if ((await Promise.race([exited, timeout])) === "timeout") {
      killGroup(child, "SIGKILL");
      await exited;
    }
    process.off("exit", killOnExit);
  };

  const origin = `http://${host}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`next start exited with ${child.exitCode}; its log (${logFile}):\n${readFileSync(logFile, "utf8").slice(-2_000)}`);
    }
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return { origin, stop, cpuMilliseconds: () => (child.pid === undefined ? null : groupCpuMilliseconds(child.pid)) };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer /api/health within 60 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
