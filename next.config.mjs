/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly through file URLs that Turbopack cannot bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  // Lets a second build live beside the usual one (two test runs in one work tree); .next otherwise.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
