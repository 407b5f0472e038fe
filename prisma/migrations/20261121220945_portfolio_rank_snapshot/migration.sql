-- CreateTable
CREATE TABLE "portfolio_rank_snapshot" (
    "taken_on" DATE NOT NULL,
    "item_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "portfolio_rank_snapshot_pkey" PRIMARY KEY ("taken_on","item_id")
);

-- CreateIndex
CREATE INDEX "portfolio_rank_snapshot_item_id_idx" ON "portfolio_rank_snapshot"("item_id");

-- CreateIndex
CREATE UNIQUE INDEX "portfolio_rank_snapshot_taken_on_position_key" ON "portfolio_rank_snapshot"("taken_on", "position");

-- AddForeignKey
ALTER TABLE "portfolio_rank_snapshot" ADD CONSTRAINT "portfolio_rank_snapshot_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ─── Rules the database holds (hand-written; names start with db_rule_, see prisma/schema.prisma) ───
ALTER TABLE "portfolio_rank_snapshot" ADD CONSTRAINT "db_rule_rank_snapshot_position" CHECK ("position" > 0);
