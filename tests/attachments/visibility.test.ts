// Attachments have their ticket's visibility: another tenant, an agent the ticket is not
// assigned to and a role without tickets see nothing (404, or 403 at the gate); a caller
// without PHI access sees the metadata with the filename masked and cannot download.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { ok } from '../tickets/helpers.js';
import { attachmentDesk, download, textFile, uploadRaw, type AttachmentDesk } from './helpers.js';

let t: TestApp;
let a: AttachmentDesk;
let b: AttachmentDesk;
let id: string;
const keyed = async (roles: string[], scopes: string[] = []): Promise<Client> =>
  client(t.app, { apiKey: (await mintKey(t.app, a.adminKey, roles, scopes)).secret });

beforeAll(async () => {
  t = await startTestApp();
  [a, b] = [await attachmentDesk(t), await attachmentDesk(t)];
  const url = `/v1/tickets/${a.ticketId}/attachments`;
  id = (await ok(uploadRaw(t, a.staff, url, textFile('VIS', 1000), 'text/plain', 'VISNAME.txt'), 201)).id;
});
afterAll(async () => t?.close());

describe('who sees an attachment', () => {
  it('another tenant sees nothing, and the attempt is audited as a denial', async () => {
    expect((await download(b.supervisor, id)).statusCode).toBe(404);
    expect((await b.supervisor.get(`/v1/attachments/${id}`)).statusCode).toBe(404);
    expect((await b.supervisor.get(`/v1/tickets/${a.ticketId}/attachments`)).statusCode).toBe(404);
    const raw = await uploadRaw(t, b.staff, `/v1/tickets/${a.ticketId}/attachments`, textFile('X', 10));
    expect(raw.statusCode).toBe(404);
    // RLS: b's tenant has no trace of a's attachment to deny
    expect((await auditEvents(t.database.db, b.tenantId)).some((e) => e['resource']?.id === id)).toBe(false);
  });

  it('an agent the ticket is not assigned to sees nothing (a denied read of the ticket, audited)', async () => {
    const agent = await keyed(['agent']);
    expect((await download(agent, id)).statusCode).toBe(404);
    expect((await agent.get(`/v1/attachments/${id}`)).statusCode).toBe(404);
    const denied = (await auditEvents(t.database.db, a.tenantId)).filter(
      (e) => e['outcome'] === 'denied' && e['resource']?.id === a.ticketId,
    );
    expect(denied.length).toBeGreaterThan(0);
  });

  it('a role without tickets is refused at the gate', async () => {
    const auditor = await keyed(['auditor']);
    expect((await download(auditor, id)).statusCode).toBe(403);
  });

  it('an integration without phi:read sees the metadata masked and cannot download', async () => {
    const integration = await keyed(['integration'], ['tickets:read']);
    const meta = await ok(integration.get(`/v1/attachments/${id}`));
    expect(meta).toMatchObject({ id, filename: null, masked: true });
    expect((await download(integration, id)).statusCode).toBe(403);
    const withPhi = await keyed(['integration'], ['tickets:read', 'phi:read']);
    expect((await download(withPhi, id)).statusCode).toBe(200);
  });

  it('a caller who may read a ticket but not change it cannot attach to it', async () => {
    const reader = await keyed(['integration'], ['tickets:read']);
    const res = await reader.post(`/v1/tickets/${a.ticketId}/attachments`, 'x', { 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(403);
  });
});
