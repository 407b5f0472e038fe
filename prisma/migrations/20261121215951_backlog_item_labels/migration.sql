-- AlterTable
ALTER TABLE "backlog_item" ADD COLUMN     "labels" TEXT[] DEFAULT ARRAY[]::TEXT[];

