/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly through file URLs that Turbopack cannot bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
