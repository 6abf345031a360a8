/**
 * The app under end-to-end test: a production build on loopback, over its own PostgreSQL database.
 * E2E_PORT and E2E_DATABASE_URL let two runs on one machine stay out of each other's way.
 */
const port = Number(process.env.E2E_PORT ?? 3100);

export const e2eServer = {
  port,
  origin: `http://127.0.0.1:${port}`,
  databaseUrl: process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/mes_e2e",
  /** The AUTH_SECRET start-server.ts starts the app with: session cookies are sealed with it. */
  authSecret: "end-to-end-secret-0123456789-abcdefghijklmnop",
  /** The documents' master key (production refuses to start without one); a fixed test value, never a real one. */
  documentMasterKeys: `e2e1:${Buffer.from("end-to-end-master-key-32-bytes!!").toString("base64")}`,
  /** Everything the server printed during the run (tests/e2e/support/start-server.ts writes it). */
  logPath: process.env.E2E_SERVER_LOG ?? "test-results/server.log",
};
