import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
const e = await startEmbeddedDatabase();
await migrate({ connectionString: e.url });
process.env.DATABASE_URL = e.url; process.env.DATABASE_POOL_MAX = "1";
const { getDb } = await import("@/lib/db/client");
const db = getDb();
const t0 = Date.now();
await db.$transaction(async (tx) => {
  for (let i = 0; i < 200; i++) {
    await tx.person.upsert({ where: { email: `bench${i}@x.example` }, create: { email: `bench${i}@x.example`, name: "B" }, update: { name: "B" } });
  }
  const t1 = Date.now();
  console.log("200 upserts", t1 - t0);
  await tx.person.createMany({ data: Array.from({ length: 300 }, (_, i) => ({ email: `bulk${i}@x.example`, name: "C" })), skipDuplicates: true });
  console.log("createMany 300", Date.now() - t1);
  const t2 = Date.now();
  for (let i = 0; i < 100; i++) await tx.person.findMany({ where: { email: { in: ["a", "b"] } } });
  console.log("100 findMany", Date.now() - t2);
}, { timeout: 300000 }).catch((err: unknown) => console.log(String(err)));
await db.$disconnect();
await e.stop();
