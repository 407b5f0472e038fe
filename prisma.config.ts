// Prisma 7 CLI configuration. Only `prisma generate` is used from the Prisma 7 CLI here: migrations are
// applied by scripts/migrate.ts (offline) and authored by scripts/new-migration.ts (see README).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
