/** `npm run db:migrate`: brings the database named by DATABASE_URL to the current schema. Safe to re-run. */
import { MigrationError, migrate } from "../lib/db/migrate";
import { describeConnectionError } from "../lib/db/database-url";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("error: DATABASE_URL is not set. Run this through `npm run db:migrate`.");
  process.exit(1);
}
try {
  const result = await migrate({ connectionString: url, log: (line) => console.log(line) });
  console.log(
    `database is up to date: ${result.applied.length} migration(s) applied now, ${result.alreadyApplied.length} already applied`,
  );
} catch (error) {
  const line = error instanceof MigrationError ? error.message : describeConnectionError(error, url);
  console.error(`error: ${line}`);
  process.exit(1);
}
