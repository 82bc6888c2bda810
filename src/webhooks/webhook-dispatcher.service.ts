// The in-process dispatcher: every WEBHOOK_POLL_MS it claims due deliveries (SKIP LOCKED,
// so any number of processes share the outbox) and attempts them concurrently. A claim
// is a lease (dispatcher.repository.ts): a process killed mid-attempt loses nothing, the
// delivery comes due again. At least once: a receiver deduplicates by webhook-id.
import type { FastifyBaseLogger } from 'fastify';
import { claimDue } from './dispatcher.repository.js';
import { deliverOnce, type DeliveryDeps } from './webhook-delivery.service.js';

const BATCH = 20;

export interface WebhookDispatcher {
  /** one round now (tests; the timer calls it too); resolves when its attempts are done */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startWebhookDispatcher(
  deps: DeliveryDeps & { pollMs: number },
  log: FastifyBaseLogger,
): WebhookDispatcher {
  // an attempt's time plus a margin: the lease must outlast the attempt it covers
  const leaseMs = deps.timeoutMs + 5_000;
  let running: Promise<number> | undefined;
  let stopped = false;

  const round = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const claimed = await claimDue(deps.db, BATCH, leaseMs);
      await Promise.all(
        claimed.map((d) =>
          deliverOnce(deps, d).catch((err: unknown) => {
            // ids only: the error may come from the database, never with PHI from here
            log.warn({ err, deliveryId: d.id }, 'webhook delivery bookkeeping failed; its lease will expire');
          }),
        ),
      );
      total += claimed.length;
      if (claimed.length < BATCH || stopped) return total;
    }
  };
  const runOnce = (): Promise<number> => {
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!running)
      runOnce().catch((err: unknown) => {
        log.warn({ err }, 'webhook dispatcher round failed');
      });
  }, deps.pollMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
