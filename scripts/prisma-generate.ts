/** `npm run db:generate` (also postinstall): generates the Prisma client into lib/generated/prisma, offline. */
import { prismaGenerate } from "./prisma-cli";

prismaGenerate();
