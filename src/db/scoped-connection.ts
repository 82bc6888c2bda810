// Fewer round trips for tenant transactions. Every statement is a network round trip on a
// pooled connection that the request holds meanwhile; a tenant transaction used to pay
// three of them for its frame alone (BEGIN with the scope, COMMIT, and for reads the same).
// This wrapper around pg's pool lets src/db/tenant-tx.ts send the frame along with the
// statements instead:
// - a write transaction's BEGIN and tenant scope travel with its first statement, and
//   statements marked to go with the commit (the audit inbox insert) travel with COMMIT;
// - a read runs each statement in its own implicit transaction, READ ONLY and scoped,
//   in one message (PostgreSQL runs a multi-statement simple query as one transaction).
// Those messages use the simple protocol, so their values are written in as literals
// (sql-inline.ts). tenant-tx.ts drives the wrapper with control statements (CONTROL
// below); Kysely's own driver is left as it is and never sees the difference.
import type pg from 'pg';
import { inlineParameters } from './sql-inline.js';

/** Prefix of the statements tenant-tx.ts uses to drive a connection (never sent). */
export const CONTROL = '/*phidesk:scope*/';
/** Prefix of a statement that may wait and travel with the COMMIT (its result is not needed). */
export const WITH_COMMIT = '/*phidesk:with-commit*/';

type Mode = 'write' | 'read';

/** What a connection holds back for the tenant transaction it is serving. */
interface ScopeState {
  mode: Mode;
  /** the frame's opening statements (BEGIN or SET TRANSACTION READ ONLY, and the scope) */
  opening: string[];
  /** a write transaction's BEGIN has been sent */
  open: boolean;
  /** statements to send just before COMMIT: values written in, and as written (to observe) */
  withCommit: Array<{ sent: string; shown: string }>;
}

/** A COMMIT whose batch held deferred statements failed: the write and its audit did not land. */
export class DeferredStatementError extends Error {
  constructor(cause: unknown) {
    super('a statement sent with the commit failed; the transaction did not commit', { cause });
  }
}

type QueryResult = pg.QueryResult<Record<string, unknown>>;
type Observe = ((sql: string) => void) | undefined;

const done = (command: string): QueryResult =>
  ({ command, rowCount: 0, rows: [], fields: [], oid: 0 }) as unknown as QueryResult;

class ScopedClient {
  state: ScopeState | undefined;
  /** a ROLLBACK failed: the connection goes back to the pool only to be destroyed */
  broken = false;
  constructor(
    readonly client: pg.PoolClient,
    private readonly observe: Observe,
  ) {}

  /** Sends statements as one simple-protocol message; returns each one's result. */
  private async batch(statements: string[], shown: string[]): Promise<QueryResult[]> {
    this.observe?.(shown.join(';\n'));
    const result = (await this.client.query(statements.join(';\n'))) as unknown as QueryResult | QueryResult[];
    return Array.isArray(result) ? result : [result];
  }

  /** The control statements of tenant-tx.ts: open (with mode and opening), end, abort. */
  private async control(text: string): Promise<QueryResult> {
    const [verb, mode, ...opening] = text.slice(CONTROL.length).split('\n');
    if (verb === 'end') return this.end();
    if (verb === 'abort') return this.abort();
    if (verb !== 'open' || (mode !== 'read' && mode !== 'write'))
      throw new Error(`unknown connection control: ${verb}`);
    if (this.state) throw new Error('a tenant transaction is already open on this connection');
    this.state = { mode, opening, open: false, withCommit: [] };
    return done('BEGIN');
  }

  private async end(): Promise<QueryResult> {
    const state = this.state;
    if (!state) throw new Error('no tenant transaction is open on this connection');
    this.state = undefined;
    if (state.mode === 'read' && !state.open) return done('COMMIT');
    if (!state.open && state.withCommit.length === 0) return done('COMMIT');
    const head = state.open ? [] : state.opening;
    const statements = [...head, ...state.withCommit.map((s) => s.sent), 'commit'];
    const shown = [...head, ...state.withCommit.map((s) => s.shown), 'commit'];
    try {
      const results = await this.batch(statements, shown);
      return done(results.at(-1)?.command ?? 'COMMIT');
    } catch (e) {
      // the batch stopped at the failing statement, inside the transaction: end it here
      await this.client.query('rollback').catch(() => {
        this.broken = true;
      });
      throw state.withCommit.length > 0 ? new DeferredStatementError(e) : e;
    }
  }

  private async abort(): Promise<QueryResult> {
    const state = this.state;
    this.state = undefined;
    if (!state?.open) return done('ROLLBACK');
    try {
      return await this.query('rollback', []);
    } catch (e) {
      this.broken = true; // whatever state the server is in, this connection is not reused
      throw e;
    }
  }

  async query(text: string, values: unknown[] | undefined): Promise<QueryResult> {
    if (text.startsWith(CONTROL)) return this.control(text);
    const state = this.state;
    if (state?.mode === 'write' && text.startsWith(WITH_COMMIT)) {
      state.withCommit.push({ sent: inlineParameters(text, values ?? []), shown: text });
      return done('INSERT');
    }
    if (!state || state.open) {
      this.observe?.(text);
      return this.client.query(text, values);
    }
    // The opening goes with this statement. A write's BEGIN opens a transaction that stays
    // open (even if a statement in the batch fails: ROLLBACK ends it); a read's frame is
    // the implicit transaction of this one message, so the next statement gets it again.
    if (state.mode === 'write') state.open = true;
    const statements = [...state.opening, inlineParameters(text, values ?? [])];
    const results = await this.batch(statements, [...state.opening, text]);
    return results.at(-1)!;
  }

  /** A cursor (pg-cursor) cannot be inlined: open a real transaction for it first. */
  async openForCursor(): Promise<void> {
    const state = this.state;
    if (!state || state.open) return;
    const opening = state.mode === 'read' ? ['begin read only', ...state.opening.slice(1)] : state.opening;
    state.open = true;
    await this.batch(opening, opening);
  }
}

const wrappers = new WeakMap<pg.PoolClient, pg.PoolClient>();

/**
 * The pool Kysely gets: each client it hands out is the pg client behind a proxy whose
 * `query` goes through ScopedClient. A client goes back to the pool only with no tenant
 * transaction pending; one released mid-transaction is destroyed, never reused.
 */
export function scopedPool(pool: pg.Pool, observe?: Observe): pg.Pool {
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    const scoped = new ScopedClient(client, observe);
    return new Proxy(client, {
      get(target, prop) {
        if (prop === 'query')
          return (text: unknown, values?: unknown[]) => {
            if (typeof text === 'string') return scoped.query(text, values);
            // a cursor or query object (streaming): the frame must be open on the server first
            return scoped.openForCursor().then(() => target.query(text as never));
          };
        if (prop === 'release')
          return (err?: Error | boolean) => {
            const dirty = scoped.state !== undefined || scoped.broken;
            scoped.state = undefined;
            scoped.broken = false;
            target.release(dirty ? new Error('released inside a tenant transaction') : err);
          };
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'connect')
        return async () => {
          const client = await target.connect();
          let wrapped = wrappers.get(client);
          if (!wrapped) wrappers.set(client, (wrapped = wrap(client)));
          return wrapped;
        };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
