// The ceiling for bench/tickets.bench.ts: a bare Fastify + pg server doing the same
// ticket insert, select by id and page of 50 as the app, on its own tiny table in the same
// database, with no authentication, policy, sealing, audit, timeline or idempotency; one
// autocommit statement per request. Beside it, for information, POST /tickets/audited:
// BEGIN, the same insert, one row into an audit-like table, COMMIT, so the price of a
// transaction with its audit row (what the app's guarantees start from) is visible.
// Bench-only code: nothing in src/ uses it.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';

const columns =
  'id, subject, description, status, priority, type, channel, requester_id, assignee_id, group_id, tags, version, created_at, updated_at';

const present = (r: Record<string, any>) => ({
  id: r['id'],
  subject: r['subject'],
  description: r['description'],
  status: r['status'],
  priority: r['priority'],
  type: r['type'],
  channel: r['channel'],
  requesterId: r['requester_id'],
  assigneeId: r['assignee_id'],
  groupId: r['group_id'],
  tags: r['tags'],
  version: r['version'],
  createdAt: r['created_at'],
  updatedAt: r['updated_at'],
});

const insertTicket = `insert into bench_bare_tickets (id, subject, description, status, priority, type, channel, requester_id, assignee_id, group_id, tags)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${columns}`;

const ticketValues = (b: Record<string, any>) => [
  randomUUID(),
  b['subject'],
  b['description'] ?? null,
  b['status'] ?? 'new',
  b['priority'] ?? 'normal',
  b['type'] ?? 'question',
  b['channel'] ?? 'api',
  b['requesterId'] ?? null,
  b['assigneeId'] ?? null,
  b['groupId'] ?? null,
  b['tags'] ?? [],
];

const bodySchema = {
  body: {
    type: 'object',
    required: ['subject'],
    properties: { subject: { type: 'string', minLength: 1, maxLength: 500 } },
  },
};

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/** Creates the table (if missing) and listens on 127.0.0.1 with a random port. */
export async function startBareServer(databaseUrl: string, poolMax: number): Promise<BareServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, application_name: 'phidesk-bench-bare' });
  await pool.query(`create table if not exists bench_bare_tickets (
    id uuid primary key, subject text not null, description text, status text not null, priority text not null,
    type text not null, channel text not null, requester_id uuid, assignee_id uuid, group_id uuid,
    tags text[] not null default '{}', version integer not null default 1,
    created_at timestamptz not null default clock_timestamp(), updated_at timestamptz not null default clock_timestamp())`);
  await pool.query('create index if not exists bench_bare_tickets_order on bench_bare_tickets (created_at, id)');

  await pool.query(`create table if not exists bench_bare_audit (
    id uuid primary key, occurred_at timestamptz not null default clock_timestamp(), action text not null,
    entity_ids uuid[] not null, body jsonb not null)`);

  const app: FastifyInstance = Fastify({ logger: false });
  app.post<{ Body: Record<string, any> }>('/tickets', { schema: bodySchema }, async (req, reply) => {
    const { rows } = await pool.query(insertTicket, ticketValues(req.body));
    const ticket = present(rows[0]);
    return reply.code(201).header('location', `/tickets/${ticket.id}`).send(ticket);
  });
  app.post<{ Body: Record<string, any> }>('/tickets/audited', { schema: bodySchema }, async (req, reply) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query(insertTicket, ticketValues(req.body));
      const ticket = present(rows[0]);
      await client.query('insert into bench_bare_audit (id, action, entity_ids, body) values ($1, $2, $3, $4)', [
        randomUUID(),
        'ticket.create',
        [ticket.id],
        { ticketId: ticket.id, fields: Object.keys(ticket) },
      ]);
      await client.query('commit');
      return reply.code(201).header('location', `/tickets/${ticket.id}`).send(ticket);
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  });
  app.get<{ Params: { id: string } }>('/tickets/:id', async (req, reply) => {
    const { rows } = await pool.query(`select ${columns} from bench_bare_tickets where id = $1`, [req.params.id]);
    return rows[0] ? present(rows[0]) : reply.code(404).send({ code: 'NOT_FOUND' });
  });
  app.get<{ Querystring: { limit?: string } }>('/tickets', async (req) => {
    const limit = Math.min(Number(req.query.limit ?? 50), 100);
    const { rows } = await pool.query(`select ${columns} from bench_bare_tickets order by created_at, id limit $1`, [
      limit + 1,
    ]);
    return { items: rows.slice(0, limit).map(present), nextCursor: rows.length > limit ? rows[limit - 1].id : null };
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

/** Bulk-loads the bare table up to `total` rows (one INSERT ... SELECT), so its list reads the same table size as the app's. */
export async function fillBareTickets(client: pg.Client, total: number): Promise<void> {
  const { rows } = await client.query('select count(*)::int as n from bench_bare_tickets');
  const missing = total - (rows[0].n as number);
  if (missing <= 0) return;
  await client.query(
    `insert into bench_bare_tickets (id, subject, description, status, priority, type, channel, tags, created_at)
     select gen_random_uuid(), 'Refill question ' || g, 'Patient asks whether the metformin refill can be sent to another pharmacy.',
       'new', 'normal', 'question', 'api', '{pharmacy,refill}', clock_timestamp()
     from generate_series(1, $1) g`,
    [missing],
  );
}
