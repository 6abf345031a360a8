/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly through file URLs that Turbopack cannot bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  // Lets a second build live beside the usual one (two test runs in one work tree); .next otherwise.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // npm test type-checks the whole tree first (npm run typecheck: route types, then tsc), so the
  // end-to-end server's build (tests/e2e/support/start-server.mjs) skips doing it a second time.
  typescript: { ignoreBuildErrors: process.env.BUILD_SKIP_TYPECHECK === "1" },
};

export default nextConfig;
