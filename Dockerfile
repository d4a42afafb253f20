# syntax=docker/dockerfile:1
#
# Production image of GPA Workspace. The container runs scripts/start.ts (what
# `npm start` runs), which with DATABASE_URL set:
#   migrate (prisma/migrations) -> import prisma/seed/*.md (idempotent) -> next start
# The Next build is made here, at image build time, so start finds .next/BUILD_ID
# and never builds at run time. The build itself needs no database.
# Without DATABASE_URL, start.ts falls back to an embedded PostgreSQL under
# /app/.data (a quick `docker run` trial; that data dies with the container).
#
#   docker compose up -d --build        (see docker-compose.yml)

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every dependency (dev ones too: the build needs them) ----------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# The project never runs Prisma's schema engine (migrations go through
# lib/db/migrate.ts), so @prisma/engines' postinstall must not download it.
ENV NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
# postinstall runs `prisma generate`, which reads the config and the schema
# and writes the client to lib/generated/prisma.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
RUN npm ci

# ---- build: next build, then drop dev dependencies ------------------------
FROM deps AS build
# .dockerignore keeps node_modules, .next and lib/generated from the host out.
COPY . .
ENV NODE_ENV=production
RUN npm run build \
 && npm prune --omit=dev \
 && rm -rf .next/cache

# ---- runtime ---------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    PORT=3000
# The whole built tree: node_modules (production deps, incl. tsx and the
# Prisma runtime), lib/generated, .next, prisma/ (migrations + seed), lib/,
# scripts/, app/, components/, package.json, next.config.js, tsconfig.json
# (tsx resolves the @/ alias through it), postcss.config.mjs.
# Owned by `node` because next start writes its cache under .next/cache.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# This is `npm start` (package.json "start"), run without npm in between: npm
# exits on SIGTERM without passing it on, so `docker stop` would SIGKILL the
# server. start.ts itself handles SIGTERM: it stops next start, then exits 0.
# Keep it in step with package.json's "start" script.
CMD ["node", "--import", "tsx", "scripts/start.ts"]
