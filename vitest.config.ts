import path from "node:path";
import { defineConfig } from "vitest/config";

// A non-UTC zone with a half-hour offset and southern-hemisphere DST flushes out date bugs.
process.env.TZ = "Australia/Adelaide";

// The PostgreSQL the integration tests use: DATABASE_URL when given (each test file gets its own schema,
// dropped afterwards), otherwise every test file starts its own in-memory embedded PGlite.
const testDatabaseUrl = process.env.DATABASE_URL ?? "";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside a React Server Components bundle; tests import server modules directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Each integration file has its own database; two workers keep the 2-core machines busy without thrashing.
    maxWorkers: 2,
    env: { TZ: "Australia/Adelaide", TEST_DATABASE_URL: testDatabaseUrl },
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/setup-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
