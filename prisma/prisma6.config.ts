// Prisma 6.19's CLI ships a WebAssembly schema engine, so `migrate diff` works offline. It is used only to
// author migration SQL (scripts/new-migration.ts) and by the drift test; never to apply migrations.
import { defineConfig } from "prisma6/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  // Never connected to by `migrate diff --from-* schema-datamodel`; the adapter only selects the wasm engine.
  adapter: async () => new PrismaPg({ connectionString: process.env.PRISMA6_DIFF_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" }),
});
