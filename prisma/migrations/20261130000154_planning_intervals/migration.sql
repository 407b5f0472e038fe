-- CreateEnum
CREATE TYPE "IntervalState" AS ENUM ('PLANNING', 'COMMITTED', 'RUNNING', 'CLOSED');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('OPEN', 'RESOLVED', 'OWNED', 'ACCEPTED', 'MITIGATED');

-- AlterTable (the free-text "planning_interval" column is dropped below, once its tags are records)
ALTER TABLE "backlog_item" ADD COLUMN     "planned_sprint_id" INTEGER,
ADD COLUMN     "planning_interval_id" INTEGER;

-- CreateTable
CREATE TABLE "planning_interval" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "state" "IntervalState" NOT NULL DEFAULT 'PLANNING',
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "planning_interval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interval_objective" (
    "id" SERIAL NOT NULL,
    "interval_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "committed" BOOLEAN NOT NULL DEFAULT true,
    "planned_value" INTEGER,
    "actual_value" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "interval_objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interval_risk" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "interval_id" INTEGER NOT NULL,
    "team_id" INTEGER,
    "item_id" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "RiskStatus" NOT NULL DEFAULT 'OPEN',
    "owner_person_id" INTEGER NOT NULL,
    "raised_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "interval_risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interval_milestone" (
    "id" SERIAL NOT NULL,
    "interval_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interval_milestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "planning_interval_name_key" ON "planning_interval"("name");

-- CreateIndex
CREATE INDEX "planning_interval_start_date_idx" ON "planning_interval"("start_date");

-- CreateIndex
CREATE INDEX "interval_objective_interval_id_team_id_idx" ON "interval_objective"("interval_id", "team_id");

-- CreateIndex
CREATE INDEX "interval_objective_team_id_idx" ON "interval_objective"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "interval_risk_key_key" ON "interval_risk"("key");

-- CreateIndex
CREATE INDEX "interval_risk_interval_id_status_idx" ON "interval_risk"("interval_id", "status");

-- CreateIndex
CREATE INDEX "interval_risk_team_id_idx" ON "interval_risk"("team_id");

-- CreateIndex
CREATE INDEX "interval_risk_item_id_idx" ON "interval_risk"("item_id");

-- CreateIndex
CREATE INDEX "interval_risk_owner_person_id_idx" ON "interval_risk"("owner_person_id");

-- CreateIndex
CREATE INDEX "interval_milestone_interval_id_date_idx" ON "interval_milestone"("interval_id", "date");

-- CreateIndex
CREATE INDEX "backlog_item_planning_interval_id_team_id_idx" ON "backlog_item"("planning_interval_id", "team_id");

-- CreateIndex
CREATE INDEX "backlog_item_planned_sprint_id_idx" ON "backlog_item"("planned_sprint_id");

-- AddForeignKey
ALTER TABLE "backlog_item" ADD CONSTRAINT "backlog_item_planning_interval_id_fkey" FOREIGN KEY ("planning_interval_id") REFERENCES "planning_interval"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_item" ADD CONSTRAINT "backlog_item_planned_sprint_id_fkey" FOREIGN KEY ("planned_sprint_id") REFERENCES "sprint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interval_objective" ADD CONSTRAINT "interval_objective_interval_id_fkey" FOREIGN KEY ("interval_id") REFERENCES "planning_interval"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interval_objective" ADD CONSTRAINT "interval_objective_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interval_risk" ADD CONSTRAINT "interval_risk_interval_id_fkey" FOREIGN KEY ("interval_id") REFERENCES "planning_interval"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interval_risk" ADD CONSTRAINT "interval_risk_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interval_risk" ADD CONSTRAINT "interval_risk_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interval_risk" ADD CONSTRAINT "interval_risk_owner_person_id_fkey" FOREIGN KEY ("owner_person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interval_risk" ADD CONSTRAINT "interval_risk_raised_by_id_fkey" FOREIGN KEY ("raised_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interval_milestone" ADD CONSTRAINT "interval_milestone_interval_id_fkey" FOREIGN KEY ("interval_id") REFERENCES "planning_interval"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ─── The free-text planning-interval tags become records (hand-written data migration) ───
-- A tag that names a year and a quarter ("PI 2026.2", "PI-2026.2", "2026 Q2", "2026-Q2", "Q2 2026") becomes the
-- interval of that calendar quarter; tags naming the same quarter share one record, named after the tag most items
-- carry (ties: text order). Its state follows the calendar on the day the migration runs (past: closed, current: running,
-- future: planning). Only epics and features are planned into intervals: a theme's or a story's tag, and any tag
-- that names no quarter, is kept as the label "PI: <tag>", so nothing typed is lost.
CREATE TEMP TABLE "pi_tag" ON COMMIT DROP AS
SELECT t.tag, t.uses,
       COALESCE(a[1], b[2])::int AS year,
       COALESCE(a[2], b[1])::int AS quarter
  FROM (SELECT btrim("planning_interval") AS tag, count(*) AS uses
          FROM "backlog_item"
         WHERE "level" IN ('EPIC', 'FEATURE') AND btrim(COALESCE("planning_interval", '')) <> ''
         GROUP BY 1) t
  CROSS JOIN LATERAL (SELECT regexp_match(t.tag, '^(?:PI\s*[-_]?\s*)?(\d{4})\s*[.\-_ ]\s*Q?([1-4])$', 'i') AS a,
                             regexp_match(t.tag, '^(?:PI\s*[-_]?\s*)?Q([1-4])\s*[.\-_ /]?\s*(\d{4})$', 'i') AS b) m
 WHERE a IS NOT NULL OR b IS NOT NULL;

INSERT INTO "planning_interval" ("name", "start_date", "end_date", "state", "closed_at", "updated_at")
SELECT q.tag, q.start_date, q.end_date,
       (CASE WHEN q.end_date < CURRENT_DATE THEN 'CLOSED' WHEN q.start_date <= CURRENT_DATE THEN 'RUNNING' ELSE 'PLANNING' END)::"IntervalState",
       CASE WHEN q.end_date < CURRENT_DATE THEN CURRENT_TIMESTAMP END,
       CURRENT_TIMESTAMP
  FROM (SELECT DISTINCT ON (year, quarter) tag,
               make_date(year, quarter * 3 - 2, 1) AS start_date,
               (make_date(year, quarter * 3 - 2, 1) + interval '3 months' - interval '1 day')::date AS end_date
          FROM "pi_tag" ORDER BY year, quarter, uses DESC, tag) q;

UPDATE "backlog_item" b
   SET "planning_interval_id" = pi."id"
  FROM "pi_tag" t
  JOIN "planning_interval" pi ON pi."start_date" = make_date(t.year, t.quarter * 3 - 2, 1)
 WHERE b."level" IN ('EPIC', 'FEATURE') AND btrim(b."planning_interval") = t.tag;

UPDATE "backlog_item"
   SET "labels" = array_append("labels", 'PI: ' || btrim("planning_interval"))
 WHERE btrim(COALESCE("planning_interval", '')) <> ''
   AND "planning_interval_id" IS NULL
   AND NOT (('PI: ' || btrim("planning_interval")) = ANY ("labels"));

ALTER TABLE "backlog_item" DROP COLUMN "planning_interval";

-- ─── Rules the database holds (hand-written; names start with db_rule_, see prisma/schema.prisma) ───
ALTER TABLE "planning_interval" ADD CONSTRAINT "db_rule_interval_dates" CHECK ("start_date" <= "end_date");
-- One organisation, one sequence of intervals: two intervals never share a day.
ALTER TABLE "planning_interval" ADD CONSTRAINT "db_rule_interval_no_overlap" EXCLUDE USING gist (daterange("start_date", "end_date", '[]') WITH &&);
ALTER TABLE "planning_interval" ADD CONSTRAINT "db_rule_interval_closed" CHECK (("state" = 'CLOSED') = ("closed_at" IS NOT NULL));
ALTER TABLE "planning_interval" ADD CONSTRAINT "db_rule_interval_name" CHECK (btrim("name") <> '');
-- Epics and features are planned into an interval; a feature's planned sprint needs its interval.
ALTER TABLE "backlog_item" ADD CONSTRAINT "db_rule_item_interval_level" CHECK ("planning_interval_id" IS NULL OR "level" IN ('EPIC', 'FEATURE'));
ALTER TABLE "backlog_item" ADD CONSTRAINT "db_rule_item_planned_sprint" CHECK ("planned_sprint_id" IS NULL OR ("level" = 'FEATURE' AND "planning_interval_id" IS NOT NULL));
ALTER TABLE "interval_objective" ADD CONSTRAINT "db_rule_interval_objective_values" CHECK (
  ("planned_value" IS NULL OR "planned_value" BETWEEN 1 AND 10) AND ("actual_value" IS NULL OR "actual_value" BETWEEN 0 AND 10));
ALTER TABLE "interval_milestone" ADD CONSTRAINT "db_rule_interval_milestone_name" CHECK (btrim("name") <> '');
