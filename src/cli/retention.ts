// `phidesk retention purge`: deletes what is past each tenant's retention and under no
// legal hold, in batches (each its own transaction, audited as the CLI system actor).
// A run that was killed is resumed by the next invocation. Audit events are never purged.
import { loadConfig } from '../config.js';
import { purgeAllTenants, purgeTenant, type PurgeResult } from '../retention/purge.service.js';
import { UsageError, type CommandRun } from './command.js';
import type { retentionPurgeOptions } from './commands.js';
import { withCliDatabase } from './database.js';
import { requireTenant } from './lookup.js';
import { cliActor, cliDeps } from './system-actor.js';

const counts = (r: PurgeResult) =>
  `${r.removed.tickets} ticket(s), ${r.removed.comments} comment(s), ${r.removed.attachments} attachment(s), ${r.removed.contacts} contact(s)`;

function wholeNumber(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${name} must be ${min}..${max}`);
  return n;
}

export const retentionPurge: CommandRun<typeof retentionPurgeOptions> = async (values, io) => {
  const batchSize = wholeNumber(values['batch-size'], 'batch-size', 1, 5000, 500);
  const config = loadConfig();
  // a throttle for tests and slow disks; never in production, where it could only delay a purge
  const requestedPause = wholeNumber(values['batch-pause-ms'], 'batch-pause-ms', 0, 60_000, 0);
  const pauseMs = config.env === 'production' ? 0 : requestedPause;
  const results = await withCliDatabase(config, async (h) => {
    const deps = { ...cliDeps(h.db), actorFor: cliActor };
    const options = {
      batchSize,
      pauseMs,
      onBatch: values.json
        ? undefined
        : (p: { tenantId: string; phase: string; batches: number }) =>
            io.stdout.write(`tenant ${p.tenantId}: batch ${p.batches} committed (${p.phase})\n`),
    };
    if (values.tenant === undefined) return purgeAllTenants(deps, options);
    const tenant = await requireTenant(h, values.tenant);
    return [await purgeTenant(deps, tenant.id, options)];
  });
  if (values.json) {
    io.stdout.write(`${JSON.stringify(results)}\n`);
    return 0;
  }
  for (const r of results) {
    if (r.status === 'no_policy') io.stdout.write(`tenant ${r.tenantId}: no retention periods set; nothing purged\n`);
    else
      io.stdout.write(
        `tenant ${r.tenantId}: purge run ${r.runId} ${r.status}${r.resumed ? ' (resumed)' : ''}: ${counts(r)} removed in ${r.batches} batch(es)\n`,
      );
  }
  if (results.length === 0) io.stdout.write('no tenant has retention periods set; nothing purged\n');
  return 0;
};
