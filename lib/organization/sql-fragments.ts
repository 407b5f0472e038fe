import { Prisma } from "@/lib/generated/prisma/client";

/** The organisation's time zone when no organisation row exists yet (matches the schema default). */
export const DEFAULT_TIME_ZONE = "Europe/London";

/**
 * Today's date in the organisation's time zone, as a SQL expression of type `date`. "Overdue" means
 * "before today where the teams work", not before today in the database server's zone.
 */
export const orgTodaySql = Prisma.sql`(now() AT TIME ZONE COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), ${DEFAULT_TIME_ZONE}))::date`;
