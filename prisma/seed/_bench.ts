import { getDb } from "@/lib/db/client";
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
  throw new Error("rollback");
}, { timeout: 300000 }).catch((e: unknown) => console.log(String(e)));
await db.$disconnect();
