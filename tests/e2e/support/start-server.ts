// Starts the app for Playwright: a fresh database, migrated and seeded, then a production build
// served on loopback with the outbox explicitly enabled (codes are read at /dev/outbox). The
// server's output also goes to a log file, which the attack suite searches for leaked secrets.
// Run by Playwright with tsx (playwright.config.ts), so that the port, database, secret and log
// path come from server.ts, the one place the tests read them too.
import { execSync, spawn } from "node:child_process";
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
};

const url = new URL(databaseUrl);
const name = url.pathname.slice(1);
url.pathname = "/postgres";
const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE ${name}`);
await admin.end();

const run = (command: string) => execSync(command, { stdio: "inherit", env });
run("npm run db:migrate");
run("npm run db:seed");
if (!process.env.E2E_SKIP_BUILD) run("npx next build");

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
