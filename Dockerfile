# syntax=docker/dockerfile:1.7
# Marketing Portfolio: a multi-stage build.
#   target "app"   — the Next.js standalone server (node server.js), small and without dev dependencies
#   target "tools" — the full install, for the one-shot migration and the job worker (npm run worker)
# docs/operations.md explains how compose.yaml runs them.

ARG NODE_VERSION=20.20-bookworm-slim

FROM node:${NODE_VERSION} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.ts scripts/prisma-cli.ts ./scripts/
COPY prisma ./prisma
# postinstall generates the Prisma client (no native engine is needed at run time).
RUN npm install --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

FROM node:${NODE_VERSION} AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system app && useradd --system --gid app --home /app app
COPY --from=build --chown=app:app /app/.next/standalone ./
COPY --from=build --chown=app:app /app/.next/static ./.next/static
COPY --from=build --chown=app:app /app/public ./public
# Readiness compares applied migrations with the ones this image ships.
COPY --from=build --chown=app:app /app/prisma/migrations ./prisma/migrations
USER app
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]

FROM deps AS tools
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN groupadd --system app && useradd --system --gid app --home /app app && chown -R app:app /app
USER app
# Overridden per service: `npm run db:migrate` (one-shot) or `npm run worker`.
CMD ["npm", "run", "worker"]
