import { afterAll, beforeAll, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant } from '../helpers/actors.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());
const show = (label: string, r: any) => console.log(label, r.statusCode, JSON.stringify(r.headers), r.body.slice(0, 600));

it('explore', async () => {
  const tenant = await seedTenant(t);
  const admin = client(t.app, { apiKey: tenant.adminKey });
  const sup = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret });
  const createOnly = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['integration'], ['tickets:create'])).secret });
  const c1 = await createOnly.post('/v1/tickets', { subject: 'hello' }, { 'idempotency-key': 'a1' });
  show('create-only create', c1);
  show('create-only replay', await createOnly.post('/v1/tickets', { subject: 'hello' }, { 'idempotency-key': 'a1' }));
  show('admin list', await admin.get('/v1/tickets?status=new'));
  show('admin list 2', await admin.get('/v1/tickets?status=new&status=open&priority=low'));
  show('admin list bad', await admin.get('/v1/tickets?status=new,open'));
  const id = c1.json().id;
  show('patch json', await sup.patch(`/v1/tickets/${id}`, { status: 'closed' }));
  show('patch if-match bad', await sup.patch(`/v1/tickets/${id}`, { status: 'open' }, { 'if-match': 'xyz' }));
  show('timeline', await sup.get(`/v1/tickets/${id}/timeline`));
  show('sla get', await admin.get('/v1/sla-policies'));
  show('sla put', await admin.put('/v1/sla-policies/high', { firstResponseMinutes: 60, resolutionMinutes: 480, businessHours: { timezone: 'America/New_York', days: [1,2,3,4,5], start: '09:00', end: '17:00' } }));
  show('cf post', await admin.post('/v1/custom-fields', { key: 'mrn_hint', label: 'MRN', type: 'text', phi: true }));
  show('cf get', await sup.get('/v1/custom-fields'));
  show('sla delete', await admin.delete('/v1/sla-policies/low'));
  show('comment', await sup.post(`/v1/tickets/${id}/comments`, { body: 'x' }));
  show('del', await sup.delete(`/v1/tickets/${id}`));
  show('get deleted', await sup.get(`/v1/tickets/${id}`));
  const res = await t.app.inject({ method: 'PATCH', url: `/v1/tickets/${id}`, headers: { 'x-api-key': tenant.adminKey, 'content-type': 'text/plain' }, payload: 'x' });
  show('415', res);
});
