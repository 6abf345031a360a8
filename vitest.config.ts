import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/support/empty.ts"),
    },
  },
  test: {
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      AUTH_SECRET: "test-secret-that-is-long-enough-for-hmac-0123456789",
      APP_ORIGIN: "http://localhost:3000",
      OUTBOX_ENABLED: "true",
    },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.{ts,tsx}", "tests/unit/**/*.test.{ts,tsx}"] },
      },
      ...(["postgres", "pglite"] as const).map((database) => ({
        extends: true as const,
        test: {
          name: database,
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          // A *.postgres.test.ts file tests what only PostgreSQL runs (the bench's scale generator).
          exclude: database === "pglite" ? ["tests/integration/**/*.postgres.test.{ts,tsx}"] : [],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/database.ts"],
          env: { TEST_DATABASE: database },
        },
      })),
    ],
  },
});
