// Starts the app for Playwright: a fresh database, migrated and seeded, then a production build
// served on loopback with the outbox explicitly enabled (codes are read at /dev/outbox). The
// server's output also goes to a log file, which the attack suite searches for leaked secrets.
// Run by Playwright with tsx (playwright.config.ts), so that the port, database, secret and log
// path come from server.ts, the one place the tests read them too.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { e2eServer } from "./server";

const { port, databaseUrl, logPath } = e2eServer;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: e2eServer.authSecret,
  APP_ORIGIN: e2eServer.origin,
  OUTBOX_ENABLED: "true",
  DOCUMENT_MASTER_KEYS: e2eServer.documentMasterKeys,
};

const url = new URL(databaseUrl);
const name = url.pathname.slice(1);
url.pathname = "/postgres";
const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE ${name}`);
await admin.end();

/** Runs a command to its end; rejects on a non-zero exit. */
const run = (command: string, args: string[], extraEnv: Record<string, string> = {}) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
// The build touches no database and the database steps hardly use the processor: side by side.
// Types were checked by npm test's first step (npm run typecheck): the build does not check them again.
const build = process.env.E2E_SKIP_BUILD
  ? Promise.resolve()
  : run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { BUILD_SKIP_TYPECHECK: "1" });
await run("npm", ["run", "db:migrate"]);
await run("npm", ["run", "db:seed"]);
await build;

mkdirSync(path.dirname(logPath), { recursive: true });
const log = createWriteStream(logPath, { flags: "w" });
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
  stdio: ["ignore", "pipe", "pipe"],
  env,
});
for (const [source, sink] of [
  [server.stdout, process.stdout],
  [server.stderr, process.stderr],
] as const) {
  source.on("data", (chunk: Buffer) => {
    sink.write(chunk);
    log.write(chunk);
  });
}
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => log.end(() => process.exit(code ?? 0)));
