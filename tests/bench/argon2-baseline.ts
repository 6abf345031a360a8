import { hash, verify } from "@node-rs/argon2";
import { passwordHashParameters } from "@/lib/auth/password-hash";
import { type Latency, summarizeLatencies } from "./load";

export type Argon2Result = {
  concurrency: number;
  durationSeconds: number;
  verifications: number;
  verificationsPerSecond: number;
  latencyMs: Latency;
  /** This process's CPU time per verification (the server is idle meanwhile), in milliseconds. */
  cpuMsPerVerification?: number;
};

const PASSWORD = "Mesure-Argon2-2026!";

/**
 * Bare argon2id verifications in this process, at the project's parameters
 * (lib/auth/password-hash.ts): the ceiling of any step that checks a password, on this machine.
 * `concurrency` calls are kept in flight, like the load's connections.
 */
export async function measureArgon2Verify({ concurrency, durationSeconds }: { concurrency: number; durationSeconds: number }): Promise<Argon2Result> {
  const passwordHash = await hash(PASSWORD, passwordHashParameters);
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const endsAt = startedAt + durationSeconds * 1000;
  const worker = async () => {
    while (performance.now() < endsAt) {
      const callStartedAt = performance.now();
      if (!(await verify(passwordHash, PASSWORD))) throw new Error("argon2 verify refused the right password");
      latencies.push(performance.now() - callStartedAt);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    concurrency,
    durationSeconds: elapsedSeconds,
    verifications: latencies.length,
    verificationsPerSecond: latencies.length / elapsedSeconds,
    latencyMs: summarizeLatencies(latencies),
    cpuMsPerVerification: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length),
  };
}
