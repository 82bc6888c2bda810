import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant } from '../helpers/actors.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('tickets smoke', () => {
  it('create, read, patch, comment, list over REST and GraphQL', async () => {
    const tenant = await seedTenant(t);
    const sup = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret });
    const contact = await sup.post('/v1/contacts', { name: 'Jane Roe', mrn: 'MRN-1' });
    expect(contact.statusCode, contact.body).toBe(201);
    const created = await sup.post(
      '/v1/tickets',
      { subject: 'Refill question', description: 'needs metformin', requesterId: contact.json().id, priority: 'high' },
      { 'idempotency-key': 'k1' },
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const read = await sup.get(`/v1/tickets/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().subject).toBe('Refill question');
    const patched = await sup.patch(
      `/v1/tickets/${id}`,
      { status: 'open', tags: ['pharmacy'] },
      { 'if-match': read.headers['etag'] as string, 'content-type': 'application/merge-patch+json' },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const stale = await sup.patch(
      `/v1/tickets/${id}`,
      { status: 'pending' },
      { 'if-match': read.headers['etag'] as string },
    );
    expect(stale.statusCode).toBe(412);
    const comment = await sup.post(`/v1/tickets/${id}/comments`, { body: 'Called the pharmacy', public: true });
    expect(comment.statusCode, comment.body).toBe(201);
    const list = await sup.get('/v1/tickets?status=open&tag=pharmacy');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const gql = await sup.gql(
      '{ tickets(limit: 10) { items { id subject requester { name } lastComment { body } group { name } assignee { displayName } timeline { type } } } }',
    );
    expect(gql.errors, JSON.stringify(gql.errors)).toBeUndefined();
    expect(gql.data.tickets.items[0]).toMatchObject({
      id,
      subject: 'Refill question',
      requester: { name: 'Jane Roe' },
      lastComment: { body: 'Called the pharmacy' },
    });
    const replay = await sup.post(
      '/v1/tickets',
      { subject: 'Refill question', description: 'needs metformin', requesterId: contact.json().id, priority: 'high' },
      { 'idempotency-key': 'k1' },
    );
    expect(replay.json().id).toBe(id);
    const reuse = await sup.post('/v1/tickets', { subject: 'other' }, { 'idempotency-key': 'k1' });
    expect(reuse.statusCode).toBe(422);
  });
});
