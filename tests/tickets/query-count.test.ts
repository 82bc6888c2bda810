// Acceptance 4: a GraphQL page of tickets with requester, assignee, group and last comment
// costs a constant number of SQL statements, whatever the page size: the loaders batch
// each field into one query. Every statement the app sends (authentication, transaction
// control) is counted through the database handle's observer; the audit writer has its
// own pool, as in production, and its chain appends are counted apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { gqlOk, ok, desk, type Desk } from './helpers.js';

let t: TestApp;
let d: Desk;
let recording: string[] | undefined;
let auditRecording: string[] | undefined;

beforeAll(async () => {
  // no background sequencer/checkpoints: only the request's own statements are counted
  t = await startTestApp({
    auditJobs: false,
    onQuery: (statement) => recording?.push(statement),
    auditOnQuery: (statement) => auditRecording?.push(statement),
  });
  d = await desk(t);
  const users: string[] = [];
  const groups: string[] = [];
  for (let i = 0; i < 5; i++) {
    users.push((await ok(d.admin.post('/v1/users', { displayName: `Agent ${i}`, roles: ['agent'] }), 201)).id);
    groups.push((await ok(d.admin.post('/v1/groups', { name: `Group ${i}` }), 201)).id);
  }
  for (let i = 0; i < 60; i++) {
    const contact = (await ok(d.supervisor.post('/v1/contacts', { name: `Patient ${i}`, mrn: `MRN-${i}` }), 201)).id;
    const ticket = (
      await ok(
        d.supervisor.post('/v1/tickets', {
          subject: `Ticket ${i}`,
          requesterId: contact,
          assigneeId: users[i % 5],
          groupId: groups[i % 5],
        }),
        201,
      )
    ).id;
    await ok(d.supervisor.post(`/v1/tickets/${ticket}/comments`, { body: `First ${i}`, public: true }), 201);
    await ok(d.supervisor.post(`/v1/tickets/${ticket}/comments`, { body: `Last ${i}` }), 201);
  }
}, 120_000);
afterAll(async () => t?.close());

const PAGE = `query($limit: Int) { tickets(limit: $limit) { items {
  id subject status requester { id name } assignee { id displayName } group { id name } lastComment { id body }
} nextCursor } }`;

/** The statements one GraphQL page costs, and the page. */
async function page(limit: number): Promise<{ statements: string[]; audit: string[]; items: any[] }> {
  recording = [];
  auditRecording = [];
  try {
    const data = await gqlOk(d.supervisor, PAGE, { limit });
    return { statements: recording, audit: auditRecording, items: data.tickets.items };
  } finally {
    recording = undefined;
    auditRecording = undefined;
  }
}

const isChainAppend = (s: string) => /^\s*with appended as \(\s*insert into audit_events/i.test(s);

describe('GraphQL ticket page', () => {
  it('costs the same number of SQL statements for 10 tickets as for 50', async () => {
    await page(5); // warm caches (tenant keys) so both measured pages start alike
    const ten = await page(10);
    const fifty = await page(50);
    expect(ten.items).toHaveLength(10);
    expect(fifty.items).toHaveLength(50);
    for (const item of fifty.items) {
      expect(item.requester?.name, JSON.stringify(item)).toMatch(/^Patient \d+$/);
      expect(item.assignee?.displayName).toMatch(/^Agent \d$/);
      expect(item.group?.name).toMatch(/^Group \d$/);
      expect(item.lastComment?.body).toMatch(/^Last \d+$/);
    }
    // The operation's reads (the page and every loader) are one audit event, appended to the
    // chain once before the answer, through the audit writer's own pool.
    // Loaders run concurrently, so statements interleave: compare them as a multiset, with
    // IN-lists (whose length is the page's) collapsed.
    const others = (r: { statements: string[] }) =>
      r.statements.map((s) => s.replace(/\(\$\d+(, \$\d+)*\)/g, '(...)').replace(/\$\d+/g, '$n')).sort();
    expect(others(fifty), others(fifty).join('\n')).toEqual(others(ten));
    for (const r of [ten, fifty]) expect(r.audit.filter(isChainAppend), r.audit.join('\n')).toHaveLength(1);
    // 1 for the API key, 1 for the page, 1 per loader (4), 1 for the groups' members: each a
    // single round trip, its READ ONLY frame and tenant scope travelling with the select
    expect(others(ten).length).toBe(others(fifty).length);
    expect(fifty.statements.length, fifty.statements.join('\n')).toBe(7);
  });
});
