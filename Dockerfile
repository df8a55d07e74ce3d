# Charla image (issue 22). NOT BUILT on the development machines (no container runtime there);
# packaging.test.ts runs the same steps outside a container: the build, then `npm start` as a
# non-root user with a read-only app folder and a writable data folder.
#
#   docker build -t charla .
#   docker run -p 3000:3000 -v charla-data:/data charla
#
# Stages: `deps` installs the production dependencies only, `build` installs everything and builds
# the widget, inbox and server; the final stage copies the two results and holds no compiler,
# no dev dependency and no npm cache.

FROM node:20-bookworm-slim AS base
WORKDIR /app
# Native addons (better-sqlite3, argon2) normally download a prebuilt binary; these are the fallback.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY packages/protocol/package.json packages/protocol/
COPY packages/server/package.json packages/server/
COPY packages/inbox/package.json packages/inbox/
COPY packages/widget/package.json packages/widget/
COPY e2e/package.json e2e/
COPY bench/package.json bench/

FROM base AS deps
RUN npm ci --omit=dev && npm cache clean --force

FROM base AS build
RUN npm ci
COPY . .
# Builds into packages/*/dist-<hash> with `dist` symlinks; then drops the build-only modules.
RUN npm run build && rm -rf packages/*/node_modules

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=sqlite:/data/charla.db \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_CACHE=/tmp/.npm
RUN groupadd --system charla \
  && useradd --system --gid charla --home-dir /data --no-create-home charla \
  && mkdir /data && chown charla:charla /data
WORKDIR /app
# Owned by root: the app folder is read-only for the user that runs it.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/packages ./packages
USER charla
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# What `npm start` runs: checks the build matches the sources (it does: built above) and starts
# the server. Node itself is the container's first process, so `docker stop`'s SIGTERM reaches the
# server, which closes its sockets and the database and exits; with `npm start` here npm handed the
# signal to a shell that left the server running (ops/packaging.test.ts found one per run).
CMD ["node", "scripts/start.mjs"]
