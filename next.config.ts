import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The PGlite/pg drivers are server-only Node packages; keep them out of the bundler.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
