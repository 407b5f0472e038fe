-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ValueStreamKind" AS ENUM ('BUYER_JOURNEY', 'AUDIENCE_SEGMENT', 'PRODUCT', 'REGION', 'CHANNEL', 'LIFECYCLE_STAGE', 'STRATEGIC_INITIATIVE');

-- CreateEnum
CREATE TYPE "TeamKind" AS ENUM ('DELIVERY_POD', 'SHARED_SERVICE');

-- CreateEnum
CREATE TYPE "TeamShape" AS ENUM ('CROSS_FUNCTIONAL', 'FUNCTIONAL', 'HYBRID');

-- CreateEnum
CREATE TYPE "DecisionMode" AS ENUM ('TEAM_OWNS', 'NEEDS_APPROVAL');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('PRODUCT_OWNER', 'AGILE_LEAD', 'CONTENT_STRATEGIST', 'PAID_MEDIA', 'CRM_LIFECYCLE', 'DESIGNER', 'SEO_ANALYTICS', 'CUSTOMER_SUCCESS_LIAISON', 'VIDEO_CREATIVE', 'REVOPS_ATTRIBUTION', 'LEGAL_COUNSEL', 'BRAND_MANAGER', 'WEB_DEVELOPER', 'OVERSIGHT');

-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('ADMIN', 'LEADER', 'MEMBER', 'VIEWER');

-- CreateEnum
CREATE TYPE "ObjectiveLevel" AS ENUM ('PORTFOLIO', 'VALUE_STREAM', 'TEAM');

-- CreateEnum
CREATE TYPE "ObjectiveStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ACHIEVED', 'MISSED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "ItemLevel" AS ENUM ('THEME', 'EPIC', 'FEATURE', 'STORY');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('FUNNEL', 'REVIEWING', 'ANALYZING', 'PORTFOLIO_BACKLOG', 'IMPLEMENTING', 'BACKLOG', 'READY', 'IN_PROGRESS', 'BLOCKED', 'IN_REVIEW', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SprintStatus" AS ENUM ('PLANNED', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "DependencyType" AS ENUM ('SHARED_RESOURCE', 'CAMPAIGN_COLLISION', 'AUDIENCE_OVERLAP', 'LAUNCH_CONFLICT', 'DATA_NEED', 'TECHNOLOGY');

-- CreateEnum
CREATE TYPE "DependencyStatus" AS ENUM ('OPEN', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'BLOCKED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TurnaroundUnit" AS ENUM ('BUSINESS_HOURS', 'BUSINESS_DAYS');

-- CreateEnum
CREATE TYPE "IntakeMethod" AS ENUM ('TICKET', 'MEETING', 'ASYNC_FORM');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'DELIVERED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "KpiFrequency" AS ENUM ('WEEKLY', 'BIWEEKLY', 'MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "KpiScope" AS ENUM ('TEAM', 'VALUE_STREAM', 'PORTFOLIO');

-- CreateTable
CREATE TABLE "organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "workday_start" INTEGER NOT NULL DEFAULT 540,
    "workday_end" INTEGER NOT NULL DEFAULT 1050,
    "working_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "value_stream" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ValueStreamKind" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "value_stream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TeamKind" NOT NULL,
    "shape" "TeamShape" NOT NULL,
    "mission" TEXT NOT NULL DEFAULT '',
    "value_stream_id" INTEGER,
    "cadence_days" INTEGER NOT NULL DEFAULT 10,
    "cadence_anchor" DATE NOT NULL,
    "wip_limit" INTEGER NOT NULL,
    "requires_brief_link" BOOLEAN NOT NULL DEFAULT false,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_right" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "mode" "DecisionMode" NOT NULL,
    "approver_person_id" INTEGER,
    "approver_role" TEXT,
    "response_hours" INTEGER,
    "escalation_route" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "decision_right_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "role" "MemberRole" NOT NULL,
    "allocation_pct" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "org_role" "OrgRole" NOT NULL,
    "person_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objective" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "level" "ObjectiveLevel" NOT NULL,
    "status" "ObjectiveStatus" NOT NULL DEFAULT 'ACTIVE',
    "parent_id" INTEGER,
    "value_stream_id" INTEGER,
    "team_id" INTEGER,
    "owner_person_id" INTEGER,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "key_result" (
    "id" SERIAL NOT NULL,
    "objective_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "baseline" DOUBLE PRECISION NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "current" DOUBLE PRECISION NOT NULL,
    "direction" "Direction" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "key_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objective_item" (
    "objective_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,

    CONSTRAINT "objective_item_pkey" PRIMARY KEY ("objective_id","item_id")
);

-- CreateTable
CREATE TABLE "backlog_item" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "level" "ItemLevel" NOT NULL,
    "is_task" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parent_id" INTEGER,
    "team_id" INTEGER,
    "status" "ItemStatus" NOT NULL,
    "rank" TEXT NOT NULL,
    "business_value" INTEGER,
    "time_criticality" INTEGER,
    "risk_reduction" INTEGER,
    "job_size" INTEGER,
    "estimate" INTEGER,
    "value_theme" TEXT,
    "planning_interval" TEXT,
    "release_tag" TEXT,
    "launch_start" DATE,
    "launch_end" DATE,
    "audience_segments" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "channel" TEXT,
    "acceptance_criteria" TEXT NOT NULL DEFAULT '',
    "brief_url" TEXT,
    "owner_person_id" INTEGER,
    "planned_benefit" DECIMAL(14,2),
    "realised_benefit" DECIMAL(14,2),
    "investment" DECIMAL(14,2),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "backlog_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_change" (
    "id" BIGSERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "from_status" "ItemStatus",
    "to_status" "ItemStatus" NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "changed_by" INTEGER,

    CONSTRAINT "status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sprint" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "goal" TEXT NOT NULL DEFAULT '',
    "capacity_points" INTEGER NOT NULL,
    "status" "SprintStatus" NOT NULL DEFAULT 'PLANNED',
    "goal_met" BOOLEAN,
    "completed_points" INTEGER,
    "started_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "sprint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sprint_item" (
    "id" SERIAL NOT NULL,
    "sprint_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "committed" BOOLEAN NOT NULL DEFAULT false,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mid_sprint" BOOLEAN NOT NULL DEFAULT false,
    "removed_at" TIMESTAMPTZ(3),
    "points_at_start" INTEGER,

    CONSTRAINT "sprint_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sprint_availability" (
    "sprint_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "days_off" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "sprint_availability_pkey" PRIMARY KEY ("sprint_id","person_id")
);

-- CreateTable
CREATE TABLE "retro_action_item" (
    "id" SERIAL NOT NULL,
    "sprint_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "owner_person_id" INTEGER,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "done_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "retro_action_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dependency" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "from_team_id" INTEGER NOT NULL,
    "from_item_id" INTEGER,
    "to_team_id" INTEGER NOT NULL,
    "to_item_id" INTEGER,
    "type" "DependencyType" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "from_owner_id" INTEGER NOT NULL,
    "to_owner_id" INTEGER NOT NULL,
    "needed_by" DATE NOT NULL,
    "status" "DependencyStatus" NOT NULL DEFAULT 'OPEN',
    "rejection_reason" TEXT,
    "proposed_date" DATE,
    "resolved_at" TIMESTAMPTZ(3),
    "logged_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "dependency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_level_agreement" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER NOT NULL,
    "request_type" TEXT NOT NULL,
    "request_days" INTEGER[],
    "turnaround" INTEGER NOT NULL,
    "turnaround_unit" "TurnaroundUnit" NOT NULL,
    "intake_method" "IntakeMethod" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "service_level_agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_escalation_step" (
    "id" SERIAL NOT NULL,
    "sla_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "person_id" INTEGER,
    "role" TEXT,

    CONSTRAINT "sla_escalation_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_request" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "sla_id" INTEGER NOT NULL,
    "requesting_team_id" INTEGER NOT NULL,
    "requester_id" INTEGER NOT NULL,
    "assignee_id" INTEGER,
    "item_id" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "clock_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "service_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "Direction" NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "frequency" "KpiFrequency" NOT NULL,
    "data_owner_id" INTEGER NOT NULL,
    "scope" "KpiScope" NOT NULL,
    "team_id" INTEGER,
    "value_stream_id" INTEGER,
    "key_result_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi_measurement" (
    "id" SERIAL NOT NULL,
    "kpi_id" INTEGER NOT NULL,
    "period_start" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "recorded_by_id" INTEGER,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kpi_measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "team_id" INTEGER,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "recipient_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "holiday_organization_id_date_key" ON "holiday"("organization_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "value_stream_slug_key" ON "value_stream"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "value_stream_name_key" ON "value_stream"("name");

-- CreateIndex
CREATE UNIQUE INDEX "team_slug_key" ON "team"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "team_name_key" ON "team"("name");

-- CreateIndex
CREATE INDEX "team_value_stream_id_idx" ON "team"("value_stream_id");

-- CreateIndex
CREATE INDEX "team_kind_idx" ON "team"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "decision_right_team_id_decision_key" ON "decision_right"("team_id", "decision");

-- CreateIndex
CREATE UNIQUE INDEX "person_email_key" ON "person"("email");

-- CreateIndex
CREATE INDEX "membership_team_id_role_idx" ON "membership"("team_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "membership_person_id_team_id_key" ON "membership"("person_id", "team_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_person_id_key" ON "app_user"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "objective_key_key" ON "objective"("key");

-- CreateIndex
CREATE INDEX "objective_parent_id_idx" ON "objective"("parent_id");

-- CreateIndex
CREATE INDEX "objective_level_status_idx" ON "objective"("level", "status");

-- CreateIndex
CREATE INDEX "key_result_objective_id_idx" ON "key_result"("objective_id");

-- CreateIndex
CREATE INDEX "objective_item_item_id_idx" ON "objective_item"("item_id");

-- CreateIndex
CREATE UNIQUE INDEX "backlog_item_key_key" ON "backlog_item"("key");

-- CreateIndex
CREATE INDEX "backlog_item_parent_id_idx" ON "backlog_item"("parent_id");

-- CreateIndex
CREATE INDEX "backlog_item_team_id_status_idx" ON "backlog_item"("team_id", "status");

-- CreateIndex
CREATE INDEX "backlog_item_level_status_idx" ON "backlog_item"("level", "status");

-- CreateIndex
CREATE INDEX "backlog_item_owner_person_id_idx" ON "backlog_item"("owner_person_id");

-- CreateIndex
CREATE INDEX "backlog_item_launch_start_launch_end_idx" ON "backlog_item"("launch_start", "launch_end");

-- CreateIndex
CREATE INDEX "status_change_item_id_changed_at_idx" ON "status_change"("item_id", "changed_at");

-- CreateIndex
CREATE INDEX "status_change_changed_at_to_status_idx" ON "status_change"("changed_at", "to_status");

-- CreateIndex
CREATE INDEX "sprint_team_id_status_idx" ON "sprint"("team_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "sprint_team_id_number_key" ON "sprint"("team_id", "number");

-- CreateIndex
CREATE INDEX "sprint_item_item_id_idx" ON "sprint_item"("item_id");

-- CreateIndex
CREATE UNIQUE INDEX "sprint_item_sprint_id_item_id_key" ON "sprint_item"("sprint_id", "item_id");

-- CreateIndex
CREATE INDEX "retro_action_item_sprint_id_idx" ON "retro_action_item"("sprint_id");

-- CreateIndex
CREATE UNIQUE INDEX "dependency_key_key" ON "dependency"("key");

-- CreateIndex
CREATE INDEX "dependency_from_team_id_status_idx" ON "dependency"("from_team_id", "status");

-- CreateIndex
CREATE INDEX "dependency_to_team_id_status_idx" ON "dependency"("to_team_id", "status");

-- CreateIndex
CREATE INDEX "dependency_from_item_id_idx" ON "dependency"("from_item_id");

-- CreateIndex
CREATE INDEX "dependency_to_item_id_idx" ON "dependency"("to_item_id");

-- CreateIndex
CREATE INDEX "dependency_status_needed_by_idx" ON "dependency"("status", "needed_by");

-- CreateIndex
CREATE UNIQUE INDEX "service_level_agreement_team_id_request_type_key" ON "service_level_agreement"("team_id", "request_type");

-- CreateIndex
CREATE UNIQUE INDEX "sla_escalation_step_sla_id_position_key" ON "sla_escalation_step"("sla_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "service_request_key_key" ON "service_request"("key");

-- CreateIndex
CREATE INDEX "service_request_sla_id_status_idx" ON "service_request"("sla_id", "status");

-- CreateIndex
CREATE INDEX "service_request_requesting_team_id_idx" ON "service_request"("requesting_team_id");

-- CreateIndex
CREATE INDEX "service_request_status_due_at_idx" ON "service_request"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_key_key" ON "kpi"("key");

-- CreateIndex
CREATE INDEX "kpi_scope_team_id_idx" ON "kpi"("scope", "team_id");

-- CreateIndex
CREATE INDEX "kpi_value_stream_id_idx" ON "kpi"("value_stream_id");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_measurement_kpi_id_period_start_key" ON "kpi_measurement"("kpi_id", "period_start");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_at_idx" ON "audit_event"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_team_id_at_idx" ON "audit_event"("team_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "notification_recipient_id_read_at_idx" ON "notification"("recipient_id", "read_at");

-- AddForeignKey
ALTER TABLE "holiday" ADD CONSTRAINT "holiday_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_value_stream_id_fkey" FOREIGN KEY ("value_stream_id") REFERENCES "value_stream"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_right" ADD CONSTRAINT "decision_right_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_right" ADD CONSTRAINT "decision_right_approver_person_id_fkey" FOREIGN KEY ("approver_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objective" ADD CONSTRAINT "objective_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "objective"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objective" ADD CONSTRAINT "objective_value_stream_id_fkey" FOREIGN KEY ("value_stream_id") REFERENCES "value_stream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objective" ADD CONSTRAINT "objective_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objective" ADD CONSTRAINT "objective_owner_person_id_fkey" FOREIGN KEY ("owner_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_result" ADD CONSTRAINT "key_result_objective_id_fkey" FOREIGN KEY ("objective_id") REFERENCES "objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objective_item" ADD CONSTRAINT "objective_item_objective_id_fkey" FOREIGN KEY ("objective_id") REFERENCES "objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objective_item" ADD CONSTRAINT "objective_item_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_item" ADD CONSTRAINT "backlog_item_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "backlog_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_item" ADD CONSTRAINT "backlog_item_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_item" ADD CONSTRAINT "backlog_item_owner_person_id_fkey" FOREIGN KEY ("owner_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_change" ADD CONSTRAINT "status_change_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_change" ADD CONSTRAINT "status_change_changed_by_fkey" FOREIGN KEY ("changed_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint" ADD CONSTRAINT "sprint_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint_item" ADD CONSTRAINT "sprint_item_sprint_id_fkey" FOREIGN KEY ("sprint_id") REFERENCES "sprint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint_item" ADD CONSTRAINT "sprint_item_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint_availability" ADD CONSTRAINT "sprint_availability_sprint_id_fkey" FOREIGN KEY ("sprint_id") REFERENCES "sprint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint_availability" ADD CONSTRAINT "sprint_availability_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retro_action_item" ADD CONSTRAINT "retro_action_item_sprint_id_fkey" FOREIGN KEY ("sprint_id") REFERENCES "sprint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retro_action_item" ADD CONSTRAINT "retro_action_item_owner_person_id_fkey" FOREIGN KEY ("owner_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_from_team_id_fkey" FOREIGN KEY ("from_team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_to_team_id_fkey" FOREIGN KEY ("to_team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_from_item_id_fkey" FOREIGN KEY ("from_item_id") REFERENCES "backlog_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_to_item_id_fkey" FOREIGN KEY ("to_item_id") REFERENCES "backlog_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_from_owner_id_fkey" FOREIGN KEY ("from_owner_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_to_owner_id_fkey" FOREIGN KEY ("to_owner_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_logged_by_id_fkey" FOREIGN KEY ("logged_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_level_agreement" ADD CONSTRAINT "service_level_agreement_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_escalation_step" ADD CONSTRAINT "sla_escalation_step_sla_id_fkey" FOREIGN KEY ("sla_id") REFERENCES "service_level_agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_escalation_step" ADD CONSTRAINT "sla_escalation_step_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_sla_id_fkey" FOREIGN KEY ("sla_id") REFERENCES "service_level_agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_requesting_team_id_fkey" FOREIGN KEY ("requesting_team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_data_owner_id_fkey" FOREIGN KEY ("data_owner_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_value_stream_id_fkey" FOREIGN KEY ("value_stream_id") REFERENCES "value_stream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_key_result_id_fkey" FOREIGN KEY ("key_result_id") REFERENCES "key_result"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_measurement" ADD CONSTRAINT "kpi_measurement_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_measurement" ADD CONSTRAINT "kpi_measurement_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ─── Rules the database holds (hand-written; names start with db_rule_, see prisma/schema.prisma) ───

ALTER TABLE "organization" ADD CONSTRAINT "db_rule_organization_workday" CHECK ("workday_start" >= 0 AND "workday_end" <= 1440 AND "workday_start" < "workday_end");
ALTER TABLE "team" ADD CONSTRAINT "db_rule_team_cadence" CHECK ("cadence_days" BETWEEN 1 AND 30);
ALTER TABLE "team" ADD CONSTRAINT "db_rule_team_wip_limit" CHECK ("wip_limit" > 0);
ALTER TABLE "membership" ADD CONSTRAINT "db_rule_membership_allocation" CHECK ("allocation_pct" BETWEEN 1 AND 100);
-- Rule 2: exactly one backlog owner per team (at most one here; "at least one" is a finding, not a refusal).
CREATE UNIQUE INDEX "db_rule_one_product_owner_per_team" ON "membership" ("team_id") WHERE "role" = 'PRODUCT_OWNER';
ALTER TABLE "decision_right" ADD CONSTRAINT "db_rule_decision_right_response" CHECK ("response_hours" IS NULL OR "response_hours" > 0);
ALTER TABLE "objective" ADD CONSTRAINT "db_rule_objective_scope" CHECK (
  ("level" = 'PORTFOLIO' AND "team_id" IS NULL) OR
  ("level" = 'VALUE_STREAM' AND "value_stream_id" IS NOT NULL AND "team_id" IS NULL) OR
  ("level" = 'TEAM' AND "team_id" IS NOT NULL));
ALTER TABLE "objective" ADD CONSTRAINT "db_rule_objective_period" CHECK ("period_start" <= "period_end");
ALTER TABLE "backlog_item" ADD CONSTRAINT "db_rule_item_team" CHECK ("level" IN ('THEME', 'EPIC') OR "team_id" IS NOT NULL);
ALTER TABLE "backlog_item" ADD CONSTRAINT "db_rule_item_task" CHECK (NOT "is_task" OR "level" = 'STORY');
ALTER TABLE "backlog_item" ADD CONSTRAINT "db_rule_item_status_by_level" CHECK (
  ("level" IN ('THEME', 'EPIC') AND "status" IN ('FUNNEL', 'REVIEWING', 'ANALYZING', 'PORTFOLIO_BACKLOG', 'IMPLEMENTING', 'DONE', 'CANCELLED')) OR
  ("level" IN ('FEATURE', 'STORY') AND "status" IN ('BACKLOG', 'READY', 'IN_PROGRESS', 'BLOCKED', 'IN_REVIEW', 'DONE', 'CANCELLED')));
ALTER TABLE "backlog_item" ADD CONSTRAINT "db_rule_item_numbers" CHECK (
  ("estimate" IS NULL OR "estimate" >= 0) AND ("job_size" IS NULL OR "job_size" > 0) AND
  ("business_value" IS NULL OR "business_value" BETWEEN 0 AND 100) AND
  ("time_criticality" IS NULL OR "time_criticality" BETWEEN 0 AND 100) AND
  ("risk_reduction" IS NULL OR "risk_reduction" BETWEEN 0 AND 100) AND
  ("investment" IS NULL OR "investment" >= 0) AND ("planned_benefit" IS NULL OR "planned_benefit" >= 0));
ALTER TABLE "backlog_item" ADD CONSTRAINT "db_rule_item_launch_window" CHECK ("launch_start" IS NULL OR "launch_end" IS NULL OR "launch_start" <= "launch_end");
ALTER TABLE "backlog_item" ADD CONSTRAINT "db_rule_item_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");
ALTER TABLE "backlog_item" ADD CONSTRAINT "db_rule_item_rank" CHECK ("rank" <> '' AND length("rank") <= 64);
-- One rank space per team (features and stories) and one per level for portfolio items (themes, epics):
-- a position is never held twice.
CREATE UNIQUE INDEX "db_rule_item_rank_team" ON "backlog_item" ("team_id", "rank") WHERE "team_id" IS NOT NULL;
CREATE UNIQUE INDEX "db_rule_item_rank_portfolio" ON "backlog_item" ("level", "rank") WHERE "team_id" IS NULL;
ALTER TABLE "sprint" ADD CONSTRAINT "db_rule_sprint_dates" CHECK ("start_date" <= "end_date");
ALTER TABLE "sprint" ADD CONSTRAINT "db_rule_sprint_numbers" CHECK ("number" > 0 AND "capacity_points" >= 0 AND ("completed_points" IS NULL OR "completed_points" >= 0));
ALTER TABLE "sprint" ADD CONSTRAINT "db_rule_sprint_closed" CHECK ("status" <> 'CLOSED' OR ("goal_met" IS NOT NULL AND "completed_points" IS NOT NULL));
CREATE UNIQUE INDEX "db_rule_one_active_sprint_per_team" ON "sprint" ("team_id") WHERE "status" = 'ACTIVE';
ALTER TABLE "sprint_availability" ADD CONSTRAINT "db_rule_availability_days" CHECK ("days_off" >= 0);
ALTER TABLE "dependency" ADD CONSTRAINT "db_rule_dependency_two_teams" CHECK ("from_team_id" <> "to_team_id");
ALTER TABLE "dependency" ADD CONSTRAINT "db_rule_dependency_resolved" CHECK (("status" = 'RESOLVED') = ("resolved_at" IS NOT NULL));
ALTER TABLE "service_level_agreement" ADD CONSTRAINT "db_rule_sla_turnaround" CHECK ("turnaround" > 0 AND cardinality("request_days") > 0 AND "request_days" <@ ARRAY[1,2,3,4,5,6,7]);
ALTER TABLE "sla_escalation_step" ADD CONSTRAINT "db_rule_escalation_target" CHECK ("person_id" IS NOT NULL OR "role" IS NOT NULL);
ALTER TABLE "service_request" ADD CONSTRAINT "db_rule_request_times" CHECK ("clock_starts_at" >= "submitted_at" AND "due_at" >= "clock_starts_at");
ALTER TABLE "service_request" ADD CONSTRAINT "db_rule_request_delivered" CHECK (("status" = 'DELIVERED') = ("delivered_at" IS NOT NULL));
ALTER TABLE "kpi" ADD CONSTRAINT "db_rule_kpi_scope" CHECK (
  ("scope" = 'PORTFOLIO' AND "team_id" IS NULL AND "value_stream_id" IS NULL) OR
  ("scope" = 'VALUE_STREAM' AND "value_stream_id" IS NOT NULL AND "team_id" IS NULL) OR
  ("scope" = 'TEAM' AND "team_id" IS NOT NULL));
