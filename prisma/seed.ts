/**
 * `npm run db:seed`: loads the demo data (prisma/seed/demo.ts) into the database named by DATABASE_URL (or the
 * embedded one). Safe to run again: nothing is duplicated. SEED_TODAY=YYYY-MM-DD anchors the dates to another day.
 */
import { getDb } from "@/lib/db/client";
import { formatSummary, resolveSeedToday, seedDemoData } from "@/prisma/seed/demo";

/** A failure as one line: the last meaningful line of the message (Prisma puts the cause last), plus its code. */
function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = error.message
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("→") && !/^\d+\s/.test(line));
  const reason = lines[lines.length - 1] ?? error.name;
  const code = "code" in error && typeof error.code === "string" ? error.code : "";
  // P2021/P2022: a table or column is missing, i.e. the database is not migrated to this schema.
  const hint = code === "P2021" || code === "P2022" ? " Run `npm run db:migrate` first." : "";
  return `${reason}${code ? ` (${code})` : ""}${hint}`;
}

async function main(): Promise<number> {
  let db: ReturnType<typeof getDb> | undefined;
  try {
    const today = resolveSeedToday(process.env.SEED_TODAY);
    db = getDb();
    const summary = await seedDemoData(db, { today });
    console.log(formatSummary(summary));
    return 0;
  } catch (error) {
    console.error(`seed failed: ${oneLine(error)}`);
    return 1;
  } finally {
    await db?.$disconnect().catch(() => {});
  }
}

process.exitCode = await main();
