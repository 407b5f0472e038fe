// Prisma 6.19's CLI ships a WebAssembly schema engine, so `migrate diff` works offline. It is used only to
// author migration SQL (scripts/new-migration.ts) and by the drift test; never to apply migrations.
import { defineConfig } from "prisma6/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  // The wasm engine opens a connection even for a schema-to-schema diff (nothing is written), so this must
  // name a reachable Postgres: scripts/prisma-cli.ts passes the current database in PRISMA6_DIFF_URL.
  adapter: async () =>
    new PrismaPg({
      connectionString: process.env.PRISMA6_DIFF_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      // The CLI never closes its pool; without this the process lingers 10 s for the idle timeout.
      allowExitOnIdle: true,
    }),
});
