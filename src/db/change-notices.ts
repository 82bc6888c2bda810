// Change notices: one dedicated PostgreSQL connection per process (not from the pool, which
// would hand it back and lose the LISTEN) that listens on the channel the database triggers
// of migration 0012 notify on. Subscribers (the authentication cache, the keyring) drop what
// a notice names. While the connection is down notices can be missed, so subscribers are
// told to drop everything when it goes down and again when it is back, and `listening`
// stays false in between: a cache must not serve or keep entries it cannot hear about.
import pg from 'pg';

export const authChangeChannel = 'phidesk_auth_changes';

/** What a trigger announced: the table, the tenant and the row a cache is keyed by; never a value. */
export interface ChangeNotice {
  table: string;
  tenantId: string | null;
  id: string | null;
}

export interface ChangeSubscriber {
  onNotice(notice: ChangeNotice): void;
  /** Notices may have been missed (connection lost or re-established): drop everything. */
  onReset(): void;
}

export interface ChangeNotices {
  /** true while LISTEN is established, so no notice committed from now on can be missed */
  readonly listening: boolean;
  subscribe(subscriber: ChangeSubscriber): () => void;
  /**
   * Resolves once every notice committed before the call has reached the subscribers: a
   * round trip on the listening connection, after which PostgreSQL has sent what was queued.
   * Callers that share the wait share one round trip. Resolves at once while not listening.
   */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

export interface ChangeNoticesOptions {
  connectionString: string;
  channel?: string;
  /** first reconnect delay; doubles up to maxBackoffMs */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** how often the connection proves it is alive (a dead TCP peer would otherwise go unnoticed) */
  heartbeatMs?: number;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export async function startChangeNotices(options: ChangeNoticesOptions): Promise<ChangeNotices> {
  const channel = options.channel ?? authChangeChannel;
  const minBackoffMs = options.minBackoffMs ?? 100;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const subscribers = new Set<ChangeSubscriber>();
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let backoffMs = minBackoffMs;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  function reset(): void {
    for (const s of subscribers) s.onReset();
  }

  function deliver(message: pg.Notification): void {
    if (message.channel !== channel || !message.payload) return;
    let notice: ChangeNotice;
    try {
      const parsed = JSON.parse(message.payload) as Partial<ChangeNotice>;
      notice = { table: String(parsed.table), tenantId: parsed.tenantId ?? null, id: parsed.id ?? null };
    } catch {
      // not ours to read: drop everything rather than guess what it meant
      reset();
      return;
    }
    for (const s of subscribers) s.onNotice(notice);
  }

  function lost(current: pg.Client, error: unknown): void {
    if (client !== current) return;
    client = undefined;
    listening = false;
    clearInterval(heartbeat);
    current.removeAllListeners('notification');
    current.end().catch(() => undefined);
    reset();
    if (closed) return;
    options.log?.warn({ err: error, retryInMs: backoffMs }, 'change notices: connection lost, reconnecting');
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    const delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    reconnectTimer = setTimeout(() => void connect().catch(() => undefined), delay);
    reconnectTimer.unref();
  }

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: 'phidesk-notices',
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('connection ended')));
    next.on('notification', deliver);
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => undefined);
      await next.end().catch(() => undefined);
      if (closed) return;
      options.log?.warn({ err: error, retryInMs: backoffMs }, 'change notices: could not listen, retrying');
      scheduleReconnect();
      throw error;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    listening = true;
    backoffMs = minBackoffMs;
    // Whatever was cached before this point may have missed a notice.
    reset();
    heartbeat = setInterval(() => void probe(next, heartbeatMs / 2), heartbeatMs);
    heartbeat.unref();
  }

  /** A query that must answer in time, or the connection is treated as lost. */
  async function probe(on: pg.Client, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('change notices: heartbeat timed out')), timeoutMs);
    });
    try {
      await Promise.race([on.query('select 1'), timeout]);
    } catch (error) {
      lost(on, error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The round trip on the wire, and the next one that callers arriving meanwhile share. */
  let inFlight: Promise<void> | undefined;
  let pending: Promise<void> | undefined;

  function roundTrip(on: pg.Client): Promise<void> {
    const trip = probe(on, 5_000).finally(() => {
      if (inFlight === trip) inFlight = undefined;
    });
    inFlight = trip;
    return trip;
  }

  function caughtUp(): Promise<void> {
    const on = client;
    if (!on || !listening) return Promise.resolve();
    if (pending) return pending;
    if (!inFlight) return roundTrip(on);
    // The trip on the wire may have left before the caller's commit: wait for it, then send one more.
    pending = inFlight.then(() => {
      pending = undefined;
      return client === on ? roundTrip(on) : undefined;
    });
    return pending;
  }

  // The first connection is awaited, so a process that cannot listen does not start with a cache it cannot trust.
  await connect().catch((error: unknown) => {
    options.log?.warn({ err: error }, 'change notices: not listening yet; authentication is not cached until it is');
  });

  return {
    get listening() {
      return listening;
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    caughtUp,
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      clearInterval(heartbeat);
      const current = client;
      client = undefined;
      listening = false;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
      reset();
    },
  };
}
