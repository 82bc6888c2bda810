// The composition root: wires repositories, services and transports for one process.
// main.ts owns the process (database server, signals); tests call composeApp directly.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { pendingMigrations } from './db/migrate.js';
import { buildApp } from './app.js';
import { meRoutes } from './auth/me.routes.js';
import { createJwtVerifier } from './auth/jwt-verifier.js';
import { authenticateCredentials } from './auth/authenticator.js';
import { createAuditInbox } from './audit/inbox.js';
import { lookupTrustedIssuers } from './tenants/tenants.service.js';
import { tenantsRoutes } from './tenants/tenants.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { groupsRoutes } from './groups/groups.routes.js';
import { apiKeysRoutes } from './api-keys/api-keys.routes.js';
import { breakGlassRoutes } from './break-glass/break-glass.routes.js';
import { identityGraphql } from './graphql/identity.resolvers.js';
import type { ServiceDeps } from './services/scope.js';

export interface ComposeDeps {
  config: Config;
  db: Kysely<Database>;
  logStream?: DestinationStream | undefined;
  /** keyed hashing of client addresses in audit events; random when omitted (tests) */
  addressHashKey?: Buffer | undefined;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function composeApp(deps: ComposeDeps): Promise<FastifyInstance> {
  const { db, config } = deps;
  const audit = createAuditInbox(db, { addressHashKey: deps.addressHashKey ?? randomBytes(32) });
  const services: ServiceDeps = { db, audit };
  const verifier = createJwtVerifier({
    lookupIssuer: (iss) => lookupTrustedIssuers(db, iss),
    clockSkewSeconds: config.auth.clockSkewSeconds,
    maxSessionAgeSeconds: config.auth.sessionMaxAgeSeconds,
    jwksCacheMaxAgeMs: config.auth.jwksCacheSeconds * 1000,
    allowHttpJwks: config.auth.allowHttpJwks,
  });
  let migrationsCurrent = false;
  const graphql = identityGraphql({ ...services, allowHttpJwks: config.auth.allowHttpJwks, maxMinutes: config.breakGlassMaxMinutes });

  return buildApp({
    config,
    logStream: deps.logStream,
    restAreas: [
      meRoutes,
      tenantsRoutes({ ...services, allowHttpJwks: config.auth.allowHttpJwks }),
      usersRoutes(services),
      groupsRoutes(services),
      apiKeysRoutes(services),
      breakGlassRoutes({ ...services, maxMinutes: config.breakGlassMaxMinutes }),
    ],
    resolvers: graphql.resolvers,
    fieldPolicies: graphql.policies,
    readiness: async () => {
      try {
        await sql`select 1`.execute(db);
      } catch {
        return 'database unreachable';
      }
      // Once current, stays current for this process: migrations only run before listen.
      if (!migrationsCurrent) {
        const pending = await pendingMigrations(db as Kysely<any>);
        if (pending.length > 0) return `${pending.length} migration(s) pending`;
        migrationsCurrent = true;
      }
      return undefined;
    },
    authenticate: (request) => authenticateCredentials({ ...services, verifier }, {
      authorization: header(request, 'authorization'),
      apiKey: header(request, 'x-api-key'),
      clientAddress: request.ip,
      userAgent: header(request, 'user-agent'),
      requestId: request.id,
      purposeOfUse: header(request, 'x-purpose-of-use'),
    }),
  });
}
