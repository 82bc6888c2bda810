// The audit trail as one process wires it: the keys from configuration, the capture port
// services write through, the REST and GraphQL adapters, the public key endpoint and the
// background jobs (sequencer, checkpoints) tied to the app's lifecycle. compose.ts calls
// this once; nothing here is a switch a deployment could use to turn capture off.
import type { FastifyInstance } from 'fastify';
import type { IResolvers } from 'mercurius';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { FieldPolicies } from '../graphql/gate.js';
import type { DenialRecorder } from '../http/gate.js';
import { auditGraphql } from './audit.resolvers.js';
import type { AuditPort } from '../services/audit-port.js';
import type { ServiceDeps } from '../services/scope.js';
import { denialAction } from './actions.js';
import { DEV_SIGNING_KEY_BANNER, loadAuditKeys, type AuditKeys } from './checkpoint/audit-keys.js';
import { AuditJobs } from './audit-jobs.js';
import { auditKeyRoutes, auditRoutes } from './audit.routes.js';
import type { AuditServiceDeps } from './audit.service.js';
import { DirectoryCheckpointSink, type CheckpointSink } from './checkpoint/checkpoint-sink.js';
import { createAuditInbox } from './capture/inbox.service.js';

export interface AuditTrailOptions {
  /** keys already loaded (tests); default: loaded from configuration */
  keys?: AuditKeys | undefined;
  /** run the sequencer and checkpoints in this process (default true; tests that drive them by hand pass false) */
  runJobs?: boolean | undefined;
  sink?: CheckpointSink | undefined;
  /**
   * Connections for the group commit and the jobs (a small pool of their own, so audit
   * writes never wait behind request transactions for a connection); default `db`.
   */
  auditDb?: Kysely<Database> | undefined;
}

export interface AuditTrail {
  port: AuditPort;
  keys: AuditKeys;
  sink: CheckpointSink;
  /** the /v1/audit routes */
  routes(services: ServiceDeps): (app: FastifyInstance) => Promise<void>;
  graphql(services: ServiceDeps): { resolvers: IResolvers; policies: FieldPolicies };
  /** records a denial by a declared route or field policy; durable before the 403 leaves */
  recordDenial: DenialRecorder;
  /** Adds the well-known key route and ties the jobs to the app: start when ready, drain on close. */
  attach(app: FastifyInstance): Promise<void>;
  /** the jobs once attached (undefined when runJobs is false) */
  readonly jobs: AuditJobs | undefined;
}

export async function createAuditTrail(
  config: Config,
  db: Kysely<Database>,
  opts: AuditTrailOptions = {},
): Promise<AuditTrail> {
  const keys = opts.keys ?? (await loadAuditKeys(config));
  const sink = opts.sink ?? new DirectoryCheckpointSink(config.audit.checkpointDir);
  let jobs: AuditJobs | undefined;
  const writer = opts.auditDb ?? db;
  const port = createAuditInbox(writer, {
    addressHashKey: keys.addressHashKey,
    onCommitted: (tenantId) => jobs?.nudge(tenantId),
  });
  const serviceDeps = (services: ServiceDeps): AuditServiceDeps => ({
    ...services,
    sink,
    publicKeys: keys.publicKeys,
    retentionYears: config.audit.retentionYears,
  });
  return {
    port,
    keys,
    sink,
    routes: (services) => auditRoutes(serviceDeps(services)),
    graphql: (services) => auditGraphql(serviceDeps(services)),
    recordDenial: (actor, policy, resourceId) =>
      port.writeDetached(actor.tenantId, actor, [
        {
          action: denialAction(policy.subject, policy.action),
          resourceType: policy.subject,
          resourceId,
          outcome: 'denied',
          reasonCode: 'FORBIDDEN',
        },
      ]),
    get jobs() {
      return jobs;
    },
    async attach(app) {
      await app.register(auditKeyRoutes(keys.publicKeys));
      if (keys.created)
        app.log.warn({ signingKeyFile: config.audit.signingKeyFile }, `created ${DEV_SIGNING_KEY_BANNER}`);
      else if (config.audit.usesDevSigningKey)
        app.log.warn({ signingKeyFile: config.audit.signingKeyFile }, DEV_SIGNING_KEY_BANNER);
      if (opts.runJobs === false) return;
      jobs = new AuditJobs({
        db: writer,
        log: app.log,
        signingKey: keys.signingKey,
        sink,
        sequencerIntervalMs: config.audit.sequencerIntervalMs,
        checkpointIntervalMs: config.audit.checkpointIntervalSeconds * 1000,
        // chaining some tens of ms later costs nothing and makes each pass a bigger batch
        nudgeDelayMs: Math.min(50, config.audit.sequencerIntervalMs),
      });
      const started = jobs;
      app.addHook('onReady', async () => started.start());
      // onClose runs after the server stopped taking requests and drained them.
      app.addHook('onClose', async () => started.stop());
    },
  };
}

export type { AuditKeys };
