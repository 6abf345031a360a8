import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSupportedNodeVersion, runtimeRules, unsupportedRuntimeMessage } from "@/lib/server/runtime";

const root = path.resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
const pinned = manifest.optionalDependencies[runtimeRules.runtimePackage] ?? "";

describe("the supported Node.js", () => {
  it("is the LTS line from its first LTS release, and nothing older or newer", () => {
    for (const version of ["v24.11.0", "v24.22.3", "24.30.1"]) expect(isSupportedNodeVersion(version), version).toBe(true);
    for (const version of ["v20.20.2", "v22.21.0", "v24.10.0", "v25.0.0", "v26.12.1", "", "next"]) {
      expect(isSupportedNodeVersion(version), version).toBe(false);
    }
  });

  it("is refused with a message that names what runs and the fix", () => {
    const message = unsupportedRuntimeMessage("v20.20.2", "/usr/bin/node");
    expect(message).toContain("Node.js v20.20.2 (/usr/bin/node) is not supported");
    expect(message).toContain(`Node.js ${runtimeRules.nodeMajor} LTS`);
    expect(message).toContain("npm start");
    expect(message).toContain("node_modules/.bin/node");
  });

  it("is what package.json pins exactly and declares in engines", () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(isSupportedNodeVersion(pinned)).toBe(true);
    expect(manifest.engines.node).toBe(`>=${runtimeRules.minimumVersion} <${runtimeRules.nodeMajor + 1}`);
  });

  // Vitest runs this file in a worker it started itself: its Node is the one the suite runs on.
  it("runs this suite", () => {
    expect(isSupportedNodeVersion(process.version), process.version).toBe(true);
  });

  // npm ci installs the pinned binary on Linux x64 only (an optional dependency); elsewhere the
  // host provides Node.js 24 and the test above is the check.
  it.runIf(process.platform === "linux" && process.arch === "x64")("runs this suite on the binary npm installed from the pin", () => {
    const binary = path.join(root, "node_modules", runtimeRules.runtimePackage, "bin", "node");
    expect(realpathSync(process.execPath)).toBe(realpathSync(binary));
    expect(process.version).toBe(`v${pinned}`);
  });
});
