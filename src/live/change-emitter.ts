// The message bus under GraphQL subscriptions. With REDIS_URL, mqemitter-redis: a change
// committed on one instance reaches subscribers on every instance. Without it, mqemitter in
// this process. mercurius subscribes through it; services publish through publisherOver.
import type { EventEmitter } from 'node:events';
import mqemitter, { type MQEmitter } from 'mqemitter';
import mqemitterRedis from 'mqemitter-redis';
import { tenantTopic, type ChangePublisher } from './ticket-changes.js';

/** Where the bus reports trouble (the app's logger). */
export interface BusLog {
  error(obj: object, msg: string): void;
}

export interface ChangeEmitter {
  emitter: MQEmitter;
  close(): Promise<void>;
}

export function createChangeEmitter(redisUrl: string | undefined, log: BusLog): ChangeEmitter {
  const emitter: MQEmitter = redisUrl
    ? (mqemitterRedis({ connectionString: redisUrl }) as unknown as MQEmitter)
    : mqemitter();
  // mqemitter-redis reports a Redis outage on `state`, and an unheard 'error' would end the
  // process: log it (without the URL, which may hold a password); ioredis reconnects.
  (emitter as unknown as { state?: EventEmitter }).state?.on('error', (e: Error) =>
    log.error({ err: { message: e.message } }, 'subscription bus error'),
  );
  return { emitter, close: () => new Promise<void>((resolve) => emitter.close(() => resolve())) };
}

/** What services call: a committed change, on its tenant's topic. */
export function publisherOver(emitter: MQEmitter, log: BusLog): ChangePublisher {
  return {
    publish(tenantId, change) {
      emitter.emit({ topic: tenantTopic(tenantId), payload: change }, (error) => {
        if (error) log.error({ err: { message: error.message } }, 'a ticket change was not published');
      });
    },
  };
}
