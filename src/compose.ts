// The composition root: wires repositories, services and transports for one process.
// main.ts owns the process (database server, signals); tests call composeApp directly.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { pendingMigrations } from './db/migrate.js';
import { buildApp, mergeResolvers } from './app.js';
import { meRoutes } from './auth/me.routes.js';
import { createJwtVerifier } from './auth/jwt-verifier.js';
import { reportJwksFetchFailure } from './auth/jwks-fetch-failures.js';
import { authenticateCredentials } from './auth/authenticator.js';
import { createAuthCache, type AuthCache } from './auth/auth-cache.js';
import type { ChangeNotices } from './db/change-notices.js';
import { createAuditTrail, type AuditKeys } from './audit/index.js';
import { listAllIssuerJwks, lookupTrustedIssuers } from './tenants/tenants.service.js';
import { warnAboutHttpJwksIssuers } from './auth/http-jwks-issuers.js';
import { tenantsRoutes } from './tenants/tenants.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { groupsRoutes } from './groups/groups.routes.js';
import { apiKeysRoutes } from './api-keys/api-keys.routes.js';
import { breakGlassRoutes } from './break-glass/break-glass.routes.js';
import { meGraphql } from './auth/me.resolvers.js';
import { tenantsGraphql } from './tenants/tenants.resolvers.js';
import { usersGraphql } from './users/users.resolvers.js';
import { groupsGraphql } from './groups/groups.resolvers.js';
import { apiKeysGraphql } from './api-keys/api-keys.resolvers.js';
import { breakGlassGraphql } from './break-glass/break-glass.resolvers.js';
import type { GraphqlAdapter } from './graphql/resolver-kit.js';
import type { ServiceDeps } from './services/scope.js';
import type { MasterKeyProvider } from './crypto/master-key.js';
import { Keyring } from './crypto/keyring.js';
import { PgTenantKeyStore } from './crypto/pg-tenant-key-store.js';
import { contactsRoutes } from './contacts/contacts.routes.js';
import { contactsGraphql } from './contacts/contacts.resolvers.js';
import { ticketsRoutes } from './tickets/tickets.routes.js';
import { settingsRoutes } from './tickets/settings.routes.js';
import { ticketSettingsGraphql } from './tickets/ticket-settings.resolvers.js';
import { ticketsGraphql } from './tickets/tickets.resolvers.js';
import { startIdempotencyPurge } from './tickets/idempotency-purge.service.js';
import { startSlaBreachWatch } from './tickets/sla-breach-watch.service.js';
import { startDeadlineWatch } from './patient-rights/deadline-watch.service.js';
import { activityReviewRoutes } from './activity-review/activity-review.routes.js';
import { ACTIVITY_REVIEW_INTERVAL_MS, startActivityReview } from './activity-review/review-run.service.js';
import { incidentsRoutes } from './incidents/incidents.routes.js';
import type { PeriodicJob } from './services/periodic-job.js';
import { attachmentsRoutes } from './attachments/attachments.routes.js';
import { attachmentsGraphql } from './attachments/attachments.resolvers.js';
import { attachmentSettingsRoutes } from './attachments/attachment-settings.routes.js';
import { attachmentSettingsGraphql } from './attachments/attachment-settings.resolvers.js';
import { PgAttachmentStore } from './attachments/pg-attachment-store.js';
import { baaRoutes } from './baa/baa.routes.js';
import { phiDetectionSettingsRoutes } from './phi-detection/settings.routes.js';
import { phiDetectionSettingsGraphql } from './phi-detection/settings.resolvers.js';
import { minimumNecessaryRoutes } from './minimum-necessary/minimum-necessary.routes.js';
import { minimumNecessaryGraphql } from './minimum-necessary/minimum-necessary.resolvers.js';
import { baaGraphql } from './baa/baa.resolvers.js';
import { disclosureRoutes } from './disclosure/disclosure.routes.js';
import { disclosureGraphql } from './disclosure/disclosure.resolvers.js';
import { webhooksRoutes } from './webhooks/webhooks.routes.js';
import { webhooksGraphql } from './webhooks/webhooks.resolvers.js';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhooks/webhook-dispatcher.service.js';
import type { HostLookup } from './net/url-guard.js';
import { createChangeEmitter, publisherOver } from './live/change-emitter.js';
import { liveGraphql } from './live/live.resolvers.js';
import { patientRightsRoutes } from './patient-rights/patient-rights.routes.js';
import { retentionRoutes } from './retention/retention.routes.js';
import { retentionGraphql } from './retention/retention.resolvers.js';
import { startRetentionPurge } from './retention/purge-job.js';
import { patientRightsGraphql } from './patient-rights/patient-rights.resolvers.js';
import { siemSinksRoutes } from './siem/siem-sinks.routes.js';
import { siemSinksGraphql } from './siem/siem-sinks.resolvers.js';
import { activityReviewGraphql } from './activity-review/activity-review.resolvers.js';
import { incidentsGraphql } from './incidents/incidents.resolvers.js';
import { siemLag, startSiemStreamer } from './siem/siem-streamer.service.js';

export interface ComposeDeps {
  config: Config;
  db: Kysely<Database>;
  logStream?: DestinationStream | undefined;
  /** audit signing key, public keys and client-address hash key; loaded from configuration when omitted */
  auditKeys?: AuditKeys | undefined;
  /** a small pool of its own for the audit group commit and sequencer, so they never queue behind requests; default db */
  auditDb?: Kysely<Database> | undefined;
  /**
   * run the audit sequencer and checkpoints, and the webhook dispatcher (WEBHOOK_DISPATCHER), in this
   * process (default true; tests that drive them by hand or count a request's statements pass false)
   */
  auditJobs?: boolean | undefined;
  /** wraps tenant keys (src/crypto/master-key-setup.ts); required: there is no fallback key */
  masterKey: MasterKeyProvider;
  /** master keys that may still wrap some tenant keys during a master-key rotation */
  previousMasterKeys?: readonly MasterKeyProvider[] | undefined;
  /**
   * the process's LISTEN connection (src/db/change-notices.ts), owned by the caller: with it,
   * authentication is cached (AUTH_CACHE_SECONDS) and tenant key changes reach the keyring at
   * once; without it, every request authenticates in SQL
   */
  changeNotices?: ChangeNotices | undefined;
  /** name resolution for webhook URLs (registration and every delivery); dns.lookup when omitted (tests inject one) */
  webhookLookup?: HostLookup | undefined;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function composeApp(deps: ComposeDeps): Promise<FastifyInstance> {
  const { db, config } = deps;
  const trail = await createAuditTrail(config, db, {
    keys: deps.auditKeys,
    runJobs: deps.auditJobs,
    auditDb: deps.auditDb,
  });
  // committed ticket changes go to GraphQL subscribers: through Redis across instances
  // (REDIS_URL), else in this process; its errors are logged once `app` exists
  const busLog = { error: (obj: object, msg: string) => app.log.error(obj, msg) };
  const changeBus = createChangeEmitter(config.redisUrl, busLog);
  const services: ServiceDeps = { db, audit: trail.port, changes: publisherOver(changeBus.emitter, busLog) };
  // One keyring per process: its cache is what keeps unwrapping off the request path.
  const keyring = new Keyring({
    masterKey: deps.masterKey,
    previousMasterKeys: deps.previousMasterKeys,
    store: new PgTenantKeyStore(db),
    cacheMaxAgeMs: config.keyCacheSeconds * 1000,
  });
  const ticketsGql = ticketsGraphql({ ...services, keyring });
  // attachments' sealed chunks live in PostgreSQL; an object store would implement AttachmentStore
  const attachmentDeps = { ...services, keyring, store: new PgAttachmentStore(db) };
  const verifier = createJwtVerifier({
    lookupIssuer: (iss) => lookupTrustedIssuers(db, iss),
    clockSkewSeconds: config.auth.clockSkewSeconds,
    maxSessionAgeSeconds: config.auth.sessionMaxAgeSeconds,
    jwksCacheMaxAgeMs: config.auth.jwksCacheSeconds * 1000,
    allowHttpJwks: config.auth.allowHttpJwks,
    allowPrivateUrls: config.allowPrivateUrls,
    // logged for the operator, audited for the tenant; runs only on requests, once `app` exists
    onJwksFetchFailure: (jwksUri, error, requester) =>
      reportJwksFetchFailure({ log: app.log, audit: trail.port }, jwksUri, error, requester),
  });
  const notices = deps.changeNotices;
  const authCache: AuthCache | undefined =
    notices && config.auth.cacheSeconds > 0
      ? createAuthCache({
          notices,
          ttlMs: config.auth.cacheSeconds * 1000,
          maxEntries: config.auth.cacheMaxEntries,
        })
      : undefined;
  // A retired, rotated or shredded tenant key is re-read at its next use, not KEY_CACHE_SECONDS later.
  const stopKeyringNotices = notices?.subscribe({
    onNotice: (n) => {
      if (n.table === 'tenant_keys' || n.table === 'tenants') keyring.forget(n.tenantId ?? undefined);
    },
    onReset: () => keyring.forget(),
  });
  let migrationsCurrent = false;
  // Where registered JWKS URIs may point (tenants.service.ts IssuerUrlRules); spread into
  // both adapters' deps so REST and GraphQL registrations follow the same rules.
  const issuerUrlRules = { allowHttpJwks: config.auth.allowHttpJwks, allowPrivateUrls: config.allowPrivateUrls };
  // Webhook URLs pass the outbound-URL guard; http only to loopback, and private addresses
  // only with ALLOW_PRIVATE_URLS (refused in production).
  const webhookDeps = {
    ...services,
    keyring,
    urlPolicy: { allowPrivate: config.allowPrivateUrls, allowHttpLoopback: config.allowPrivateUrls },
    lookup: deps.webhookLookup,
  };
  // Each area's GraphQL adapter lives in its feature folder (<area>/<area>.resolvers.ts).
  const adapters: GraphqlAdapter[] = [
    meGraphql(),
    tenantsGraphql({ ...services, ...issuerUrlRules }),
    usersGraphql(services),
    groupsGraphql(services),
    apiKeysGraphql(services),
    breakGlassGraphql({ ...services, keyring, maxMinutes: config.breakGlassMaxMinutes }),
    contactsGraphql({ ...services, keyring }),
    trail.graphql(services),
    ticketsGql,
    ticketSettingsGraphql(services),
    attachmentsGraphql(attachmentDeps),
    attachmentSettingsGraphql(services),
    baaGraphql(services),
    phiDetectionSettingsGraphql(services),
    minimumNecessaryGraphql(services),
    webhooksGraphql(webhookDeps),
    siemSinksGraphql(webhookDeps),
    liveGraphql({ ...services, keyring }),
    patientRightsGraphql({ ...services, keyring }),
    retentionGraphql({ ...services, keyring }),
    disclosureGraphql({ ...services, keyring }),
    activityReviewGraphql({ ...services, keyring }),
    incidentsGraphql({ ...services, keyring }),
  ];

  const app = await buildApp({
    config,
    logStream: deps.logStream,
    restAreas: [
      meRoutes,
      tenantsRoutes({ ...services, ...issuerUrlRules }),
      usersRoutes(services),
      groupsRoutes(services),
      apiKeysRoutes(services),
      breakGlassRoutes({ ...services, keyring, maxMinutes: config.breakGlassMaxMinutes }),
      contactsRoutes({ ...services, keyring }),
      ticketsRoutes({ ...services, keyring }),
      settingsRoutes(services),
      trail.routes(services),
      attachmentsRoutes(attachmentDeps),
      attachmentSettingsRoutes(services),
      baaRoutes(services),
      disclosureRoutes({ ...services, keyring }),
      phiDetectionSettingsRoutes(services),
      minimumNecessaryRoutes(services),
      webhooksRoutes(webhookDeps),
      siemSinksRoutes(webhookDeps),
      patientRightsRoutes({ ...services, keyring }),
      retentionRoutes({ ...services, keyring }),
      activityReviewRoutes({ ...services, keyring }),
      incidentsRoutes({ ...services, keyring }),
    ],
    resolvers: mergeResolvers(...adapters.map((a) => a.resolvers)),
    fieldPolicies: Object.fromEntries(adapters.flatMap((a) => Object.entries(a.policies))),
    recordDenial: trail.recordDenial,
    auditPort: trail.port,
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
    // how far the furthest-behind SIEM sink is (counts only: /readyz is public)
    readinessDetails: async () => ({ siem: await siemLag(db) }),
    authPlugins: [verifier.plugin],
    authChangesSettled: authCache && notices ? () => notices.caughtUp() : undefined,
    authenticate: (request) =>
      authenticateCredentials(
        { ...services, verifier, cache: authCache },
        {
          request,
          authorization: header(request, 'authorization'),
          apiKey: header(request, 'x-api-key'),
          clientAddress: request.ip,
          userAgent: header(request, 'user-agent'),
          requestId: request.id,
          purposeOfUse: header(request, 'x-purpose-of-use'),
        },
      ),
    // a subscription's credential comes in its connection_init payload, and is checked on the
    // websocket's upgrade request like a request's own (and again every recheckMs)
    subscriptions: {
      emitter: changeBus.emitter,
      recheckMs: config.subscriptions.recheckMs,
      authenticate: (credentials, request) =>
        authenticateCredentials(
          { ...services, verifier, cache: authCache },
          {
            request,
            ...credentials,
            clientAddress: request.ip,
            userAgent: header(request, 'user-agent'),
            requestId: request.id,
          },
        ),
    },
  });
  app.addHook('onClose', async () => changeBus.close());
  // unwrapped tenant keys must not outlive the server that used them
  app.addHook('onClose', async () => keyring.clear());
  app.addHook('onClose', async () => {
    authCache?.close();
    stopKeyringNotices?.();
  });
  // issuers registered with an http JWKS while ALLOW_HTTP_JWKS was on: named in the log now,
  // not discovered from partners' 401s. Advisory only: a database that is not up yet must not
  // stop the server from starting (/readyz reports that), so a failed check is logged and skipped.
  app.addHook('onReady', async () => {
    await warnAboutHttpJwksIssuers({
      allowHttpJwks: config.auth.allowHttpJwks,
      listIssuers: () => listAllIssuerJwks(db),
      log: app.log,
    }).catch((err: unknown) => app.log.warn({ err }, 'could not check trusted issuers for http JWKS URLs at start-up'));
  });
  let purge: { stop(): Promise<void> } | undefined;
  app.addHook('onReady', async () => {
    purge = startIdempotencyPurge(db, app.log);
  });
  app.addHook('onClose', async () => purge?.stop());
  let dispatcher: WebhookDispatcher | undefined;
  app.addHook('onReady', async () => {
    if (config.webhooks.dispatcher && deps.auditJobs !== false)
      dispatcher = startWebhookDispatcher({ ...webhookDeps, ...config.webhooks }, app.log);
  });
  app.addHook('onClose', async () => dispatcher?.stop());
  // the chained audit trail streamed to each tenant's SIEM sinks (same URL rules and timing as webhooks)
  let siemStreamer: PeriodicJob | undefined;
  app.addHook('onReady', async () => {
    if (deps.auditJobs !== false) siemStreamer = startSiemStreamer({ ...webhookDeps, ...config.webhooks }, app.log);
  });
  app.addHook('onClose', async () => siemStreamer?.stop());
  // SLA breaches and patient-rights deadlines, announced as events by every process
  const watches: PeriodicJob[] = [];
  app.addHook('onReady', async () => {
    if (deps.auditJobs === false) return;
    watches.push(startSlaBreachWatch(services, config.deadlineWatchIntervalMs, app.log));
    watches.push(startDeadlineWatch(services, config.deadlineWatchIntervalMs, app.log));
    if (config.retentionPurgeIntervalMs > 0)
      watches.push(startRetentionPurge(services, config.retentionPurgeIntervalMs, app.log));
    watches.push(startActivityReview(services, ACTIVITY_REVIEW_INTERVAL_MS, app.log));
  });
  app.addHook('onClose', async () => {
    await Promise.all(watches.map((w) => w.stop()));
  });
  // the public key endpoint, and the sequencer and checkpoints started on ready, drained on close
  await trail.attach(app);
  return app;
}
