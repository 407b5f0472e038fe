-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "dedupe_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "notification_recipient_id_dedupe_key_key" ON "notification"("recipient_id", "dedupe_key");


-- Hand-written rules (checked by tests/integration/db/drift.test.ts).
ALTER TABLE "notification" ADD CONSTRAINT "db_rule_notification_dedupe_key" CHECK ("dedupe_key" IS NULL OR length("dedupe_key") > 0);
ALTER TABLE "service_request" ADD CONSTRAINT "db_rule_request_escalation_level" CHECK ("escalation_level" >= 0);
