# One image for every service of Relais; docker-compose.yml picks the command.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
RUN npm install -g pnpm@12.18.0
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY patches ./patches
COPY services ./services
COPY frontends ./frontends
COPY tests/package.json ./tests/package.json
COPY bench/package.json ./bench/package.json
RUN pnpm install --frozen-lockfile

FROM deps AS frontends
COPY . .
RUN pnpm run build:frontends

FROM deps AS services
COPY . .
# one ES module per service, built in place (see scripts/build-services.ts)
RUN node --import tsx scripts/build-services.ts
ENV NODE_ENV=production
USER node
# overridden per service in docker-compose.yml (same flags as scripts/build-services.ts serviceNodeFlags)
CMD ["node", "--max-semi-space-size=16", "--max-old-space-size=160", "services/gateway/dist/main.mjs"]

FROM nginx:1.27-alpine AS backoffice
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=frontends /app/frontends/shell/dist /usr/share/nginx/html
COPY --from=frontends /app/frontends/planning/dist /usr/share/nginx/html/apps/planning
COPY --from=frontends /app/frontends/billing/dist /usr/share/nginx/html/apps/billing
COPY --from=frontends /app/frontends/finance/dist /usr/share/nginx/html/apps/finance
COPY --from=frontends /app/frontends/field/dist /usr/share/nginx/html/terrain
COPY --from=frontends /app/frontends/portal/dist /usr/share/nginx/html/portail
