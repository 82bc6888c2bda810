// ETags across a ticket's life, as a client relying on them sees it: a new comment hands back
// the ticket's new ETag (so the next If-Match PATCH succeeds without a re-read), and
// If-None-Match answers 304 while a ticket or contact is unchanged, each 304 still audited
// as a read. Every response is also held to openapi.yaml (statuses, headers, bodies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { touches } from '../helpers/audit.js';
import { checkResponse } from '../contract/openapi-harness.js';
import { desk, newAuditEvents, ok, type Desk } from './helpers.js';

let t: TestApp;
let d: Desk;
beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
});
afterAll(async () => t?.close());

const mergePatch = (etag: string) => ({ 'if-match': etag, 'content-type': 'application/merge-patch+json' });

async function newTicket(): Promise<{ id: string; etag: string }> {
  const created = await d.supervisor.post('/v1/tickets', { subject: 'Conditional requests', priority: 'normal' });
  expect(created.statusCode, created.body).toBe(201);
  return { id: created.json().id, etag: created.headers['etag'] as string };
}

describe('a new comment returns the ticket ETag', () => {
  it('lets the next PATCH with If-Match succeed, and refuses the ETag from before the comment', async () => {
    const { id } = await newTicket();
    const read = await d.supervisor.get(`/v1/tickets/${id}`);
    const before = read.headers['etag'] as string;
    expect(before).toBe(`"v${read.json().version}"`);

    const comment = await d.supervisor.post(`/v1/tickets/${id}/comments`, { body: 'Left a voicemail' });
    expect(comment.statusCode, comment.body).toBe(201);
    checkResponse('POST', `/v1/tickets/${id}/comments`, comment);
    const after = comment.headers['etag'] as string;
    expect(after).toBe(`"v${read.json().version + 1}"`);
    // the ETag the comment returned is the ticket's, as a fresh GET gives it
    expect((await d.supervisor.get(`/v1/tickets/${id}`)).headers['etag']).toBe(after);

    const stale = await d.supervisor.patch(`/v1/tickets/${id}`, { status: 'open' }, mergePatch(before));
    expect(stale.statusCode, stale.body).toBe(412);
    const patched = await d.supervisor.patch(`/v1/tickets/${id}`, { status: 'open' }, mergePatch(after));
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.headers['etag']).toBe(`"v${read.json().version + 2}"`);
  });

  it('returns the ticket current ETag on a replayed comment (nothing was written again)', async () => {
    const { id } = await newTicket();
    const key = { 'idempotency-key': `comment-${id}` };
    const first = await d.supervisor.post(`/v1/tickets/${id}/comments`, { body: 'Once' }, key);
    expect(first.statusCode, first.body).toBe(201);
    const replay = await d.supervisor.post(`/v1/tickets/${id}/comments`, { body: 'Once' }, key);
    expect(replay.statusCode, replay.body).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['etag']).toBe(first.headers['etag']);
    expect((await d.supervisor.get(`/v1/tickets/${id}`)).headers['etag']).toBe(first.headers['etag']);
  });
});

describe('If-None-Match', () => {
  it('answers 304 with the ETag and no body while the ticket is unchanged, 200 once it changed', async () => {
    const { id, etag } = await newTicket();
    const url = `/v1/tickets/${id}`;
    const notModified = await d.supervisor.get(url, { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers['etag']).toBe(etag);
    checkResponse('GET', url, notModified);

    // weak comparison (RFC 9110 13.1.2), lists, and '*'
    for (const header of [`W/${etag}`, `"v999", ${etag}`, `W/"x",W/${etag}`, '*']) {
      expect((await d.supervisor.get(url, { 'if-none-match': header })).statusCode, header).toBe(304);
    }
    for (const header of ['"v999"', 'W/"v999", "other"', etag.replace(/"/g, ''), '']) {
      const full = await d.supervisor.get(url, { 'if-none-match': header });
      expect(full.statusCode, header).toBe(200);
      expect(full.json().id).toBe(id);
    }

    const patched = await d.supervisor.patch(url, { status: 'open' }, mergePatch(etag));
    expect(patched.statusCode, patched.body).toBe(200);
    const changed = await d.supervisor.get(url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers['etag']).toBe(patched.headers['etag']);
    expect(changed.json().status).toBe('open');
  });

  it('audits a 304 as the read it is, with the PHI fields a 200 would disclose', async () => {
    const { id, etag } = await newTicket();
    const seen = new Set<string>();
    await newAuditEvents(t, d.tenantId, seen);
    const reads = async () =>
      (await newAuditEvents(t, d.tenantId, seen))
        .flatMap(touches)
        .filter((x) => x.action === 'ticket.read' && x.id === id);

    await ok(d.supervisor.get(`/v1/tickets/${id}`));
    const full = await reads();
    expect(full).toHaveLength(1);
    expect((await d.supervisor.get(`/v1/tickets/${id}`, { 'if-none-match': etag })).statusCode).toBe(304);
    const conditional = await reads();
    expect(conditional).toHaveLength(1);
    expect(conditional[0]!.phiFields).toEqual(full[0]!.phiFields);
    expect(conditional[0]!.phiFields).toContain('ticket.subject');
  });

  it('is refused like any read for a ticket the caller may not see (no 304 leaks existence)', async () => {
    const { id } = await newTicket();
    const other = await desk(t);
    const res = await other.supervisor.get(`/v1/tickets/${id}`, { 'if-none-match': '*' });
    expect(res.statusCode).toBe(404);
  });

  it('answers 304 for an unchanged contact too', async () => {
    const created = await d.supervisor.post('/v1/contacts', { name: 'Conditional Contact' });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/v1/contacts/${created.json().id}`;
    const etag = created.headers['etag'] as string;
    const notModified = await d.supervisor.get(url, { 'if-none-match': `W/${etag}` });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers['etag']).toBe(etag);
    checkResponse('GET', url, notModified);
    expect((await d.supervisor.get(url, { 'if-none-match': '"v999"' })).statusCode).toBe(200);
  });
});
