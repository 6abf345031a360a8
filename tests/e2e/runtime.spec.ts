import { readFileSync } from "node:fs";
import { describeRuntime, isSupportedNodeVersion } from "@/lib/server/runtime";
import { e2eServer } from "./support/server";
import { expect, test } from "./support/test";

// Playwright starts the server through `node tests/e2e/support/start-server.mjs`, which builds
// and serves with process.execPath: the server must run on the very binary this runner runs on
// (node_modules/.bin/node under npm and npx), and that binary must be a supported one.
test("the server under test says it runs on the runner's own, supported Node.js", async ({ request }) => {
  expect((await request.get("/api/health")).ok()).toBe(true);
  const started = /^\[start\] (Node\.js \S+ \(.+\))$/m.exec(readFileSync(e2eServer.logPath, "utf8"))?.[1];
  expect(started).toBe(describeRuntime(process.version, process.execPath));
  expect(isSupportedNodeVersion(process.version), process.version).toBe(true);
});
