/** The app under end-to-end test: a production build on loopback, over its own PostgreSQL database. */
export const e2eServer = {
  port: 3100,
  origin: "http://127.0.0.1:3100",
  databaseUrl: process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/mes_e2e",
};
