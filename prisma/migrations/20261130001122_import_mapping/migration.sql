-- CreateTable
CREATE TABLE "import_mapping" (
    "team_id" INTEGER NOT NULL,
    "mapping" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "import_mapping_pkey" PRIMARY KEY ("team_id")
);

-- CreateTable
CREATE TABLE "imported_issue" (
    "item_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "issue_id" TEXT,
    "issue_type" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imported_issue_pkey" PRIMARY KEY ("item_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "imported_issue_team_id_issue_id_key" ON "imported_issue"("team_id", "issue_id");

-- AddForeignKey
ALTER TABLE "import_mapping" ADD CONSTRAINT "import_mapping_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imported_issue" ADD CONSTRAINT "imported_issue_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imported_issue" ADD CONSTRAINT "imported_issue_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

