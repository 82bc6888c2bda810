// Seeding for bench/tickets.bench.ts, through the app's API as a customer would: SLA
// policies, agents, groups, contacts, tickets with a public reply and an internal note,
// a partner identity provider trusted by the tenant (its JWKS on 127.0.0.1) with
// supervisor tokens for several subjects; then bulk loads to a given number of tickets
// (API creates for the app, one INSERT ... SELECT for the bare table) followed by ANALYZE,
// since autovacuum is off on this machine and the planner would otherwise plan on an
// empty table's statistics.
import type pg from 'pg';
import { startFakeIdp, type FakeIdp } from '../tests/helpers/idp.js';
import { fillBareTickets } from './tickets-bare.js';
import { auditSettled } from './tickets-storage.js';
import { CREATE, send, type BenchContext } from './tickets-workloads.js';

const AUDIENCE = 'phidesk-bench';
/** distinct token subjects (users provisioned on first sight), rotated per request in the JWT mode */
const TOKEN_SUBJECTS = 20;

async function json(res: Response, expected: number): Promise<any> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`seeding: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export function ticketBody(i: number, contacts: string[], users: string[], groups: string[]) {
  return {
    subject: `Refill question ${i}`,
    description: 'Patient asks whether the metformin refill can be sent to another pharmacy.',
    priority: i % 4 === 0 ? 'high' : 'normal',
    requesterId: contacts[i % contacts.length],
    assigneeId: users[i % users.length],
    groupId: groups[i % groups.length],
    tags: ['pharmacy', 'refill'],
  };
}

export interface Seeded {
  ctx: BenchContext;
  idp: FakeIdp;
}

/** Seeds the tenant through the API and returns what the workloads need. */
export async function seed(appUrl: string, bareUrl: string, adminKey: string, tickets: number): Promise<Seeded> {
  const call = (method: string, p: string, key: string, body: unknown, base = appUrl) =>
    fetch(`${base}${p}`, {
      method,
      headers: { ...(key ? { 'x-api-key': key } : {}), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const post = (p: string, key: string, body: unknown) => call('POST', p, key, body);
  const supervisor = (
    await json(await post('/v1/api-keys', adminKey, { name: 'bench supervisor', roles: ['supervisor'] }), 201)
  ).secret as string;
  await json(
    await call('PUT', '/v1/sla-policies/normal', adminKey, { firstResponseMinutes: 240, resolutionMinutes: 2880 }),
    200,
  );
  const businessHours = { timezone: 'America/New_York', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
  await json(
    await call('PUT', '/v1/sla-policies/high', adminKey, {
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      businessHours,
    }),
    200,
  );
  const users: string[] = [];
  const groups: string[] = [];
  const contacts: string[] = [];
  for (let i = 0; i < 5; i++) {
    users.push(
      (await json(await post('/v1/users', adminKey, { displayName: `Agent ${i}`, roles: ['agent'] }), 201)).id,
    );
    groups.push((await json(await post('/v1/groups', adminKey, { name: `Group ${i}` }), 201)).id);
  }
  for (let i = 0; i < 50; i++) {
    const contact = { name: `Patient ${i} Example`, mrn: `MRN-${100_000 + i}`, email: `patient${i}@example.org` };
    contacts.push((await json(await post('/v1/contacts', supervisor, contact), 201)).id);
  }
  const body = (i: number) => ticketBody(i, contacts, users, groups);
  const ticketIds: string[] = [];
  const bareIds: string[] = [];
  for (let i = 0; i < tickets; i++) {
    const id = (await json(await post('/v1/tickets', supervisor, body(i)), 201)).id as string;
    ticketIds.push(id);
    const reply = { body: 'We have asked the pharmacy to transfer it.', public: true };
    await json(await post(`/v1/tickets/${id}/comments`, supervisor, reply), 201);
    const note = { body: 'Pharmacy called back; waiting for the prescriber.' };
    await json(await post(`/v1/tickets/${id}/comments`, supervisor, note), 201);
    bareIds.push((await json(await call('POST', '/tickets', '', body(i), bareUrl), 201)).id);
  }

  // The partner identity provider: the tenant trusts it through the API, as a tenant admin would.
  const idp = await startFakeIdp();
  await json(
    await post('/v1/tenant/issuers', adminKey, { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: AUDIENCE }),
    201,
  );
  const tokens: string[] = [];
  const exp = Math.floor(Date.now() / 1000) + 3 * 3600;
  for (let i = 0; i < TOKEN_SUBJECTS; i++) {
    const token = idp.sign({
      sub: `bench-agent-${i}`,
      aud: AUDIENCE,
      exp,
      roles: ['supervisor'],
      name: `Bench agent ${i}`,
      amr: ['pwd', 'otp'],
    });
    // the first request of a subject provisions its user: one at a time, before the load
    await json(await fetch(`${appUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } }), 200);
    tokens.push(token);
  }
  const ctx: BenchContext = {
    appUrl,
    bareUrl,
    ticketIds,
    bareIds,
    apiKey: supervisor,
    tokens,
    createBody: JSON.stringify(body(7)),
  };
  return { ctx, idp };
}

export async function ticketCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query('select count(*)::int as n from tickets');
  return rows[0].n as number;
}

/** Creates tickets through the API until the app has `total`, fills the bare table to as many, then ANALYZE (and a checkpoint). */
export async function growTo(client: pg.Client, ctx: BenchContext, total: number): Promise<void> {
  const missing = total - (await ticketCount(client));
  if (missing > 0)
    await send(
      ctx,
      {
        name: CREATE,
        request: (c) => ({
          url: `${c.appUrl}/v1/tickets`,
          method: 'POST',
          headers: { 'x-api-key': c.apiKey, 'content-type': 'application/json' },
          body: c.createBody,
        }),
      },
      missing,
      20,
    );
  await fillBareTickets(client, total);
  await auditSettled(client);
  await client.query('analyze');
  // write out what the load dirtied now, so the runs that follow do not pay for it
  await client.query('checkpoint');
}

/** The cursors of the first `pages` pages of 50 of the ticket list, to spread list reads over different tickets. */
export async function listCursors(ctx: BenchContext, pages: number): Promise<string[]> {
  const cursors = [''];
  while (cursors.length < pages) {
    const cursor = cursors[cursors.length - 1];
    const res = await fetch(
      `${ctx.appUrl}/v1/tickets?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      {
        headers: { 'x-api-key': ctx.apiKey },
      },
    );
    const next = (await json(res, 200)).nextCursor as string | null;
    if (!next) break;
    cursors.push(next);
  }
  return cursors;
}
