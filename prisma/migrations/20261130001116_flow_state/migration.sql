-- AlterTable
ALTER TABLE "backlog_item" ADD COLUMN     "last_change_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_change_status" "ItemStatus";


-- ─── Kept by the database (hand-written) ───
-- backlog_item.last_change_status / last_change_at mirror the item's latest status_change (by changed_at, then id).
-- Statement-level triggers with transition tables refresh only the items a statement touched, in one set-based
-- UPDATE, so bulk inserts (import, seed) cost one pass, not one per row.
CREATE FUNCTION "flow_state_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "backlog_item" b
     SET "last_change_status" = h."to_status", "last_change_at" = h."changed_at"
    FROM (SELECT i."item_id", l."to_status", l."changed_at"
            FROM (SELECT DISTINCT "item_id" FROM "changed") i
            LEFT JOIN LATERAL (
              SELECT sc."to_status", sc."changed_at" FROM "status_change" sc
               WHERE sc."item_id" = i."item_id"
               ORDER BY sc."changed_at" DESC, sc."id" DESC LIMIT 1
            ) l ON true) h
   WHERE b."id" = h."item_id"
     AND (b."last_change_status" IS DISTINCT FROM h."to_status" OR b."last_change_at" IS DISTINCT FROM h."changed_at");
  RETURN NULL;
END $$;

CREATE TRIGGER "flow_state_after_insert" AFTER INSERT ON "status_change"
  REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "flow_state_refresh"();
CREATE TRIGGER "flow_state_after_delete" AFTER DELETE ON "status_change"
  REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "flow_state_refresh"();
-- An update may move a change to another item or instant: refresh the items on both sides of it.
CREATE TRIGGER "flow_state_after_update_old" AFTER UPDATE ON "status_change"
  REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "flow_state_refresh"();
CREATE TRIGGER "flow_state_after_update_new" AFTER UPDATE ON "status_change"
  REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "flow_state_refresh"();

UPDATE "backlog_item" b
   SET "last_change_status" = l."to_status", "last_change_at" = l."changed_at"
  FROM (SELECT DISTINCT ON ("item_id") "item_id", "to_status", "changed_at"
          FROM "status_change" ORDER BY "item_id", "changed_at" DESC, "id" DESC) l
 WHERE b."id" = l."item_id";
