// The attachment operations against openapi.yaml: every success response (and the
// refusals met on the way) validated against its documented schema, closed, so an
// undocumented field fails; every documented operation under these paths is exercised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, checkResponse, operationsUnder, uncheckedSuccesses } from '../contract/openapi-harness.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { attachmentDesk, uploadRaw, type AttachmentDesk } from './helpers.js';

let t: TestApp;
let d: AttachmentDesk;

beforeAll(async () => {
  t = await startTestApp();
  d = await attachmentDesk(t);
}, 60_000);
afterAll(async () => t?.close());

describe('openapi.yaml: attachments', () => {
  it('every operation answers as documented', async () => {
    const url = `/v1/tickets/${d.ticketId}/attachments`;
    const uploaded = await uploadRaw(t, d.staff, url, Buffer.from('Lab note\n'), 'text/plain', 'note.txt');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    checkResponse('POST', url, uploaded);
    const refused = await uploadRaw(t, d.staff, url, Buffer.from('%PDF-1.7 but declared text'), 'image/png');
    expect(refused.statusCode, refused.body).toBe(415);
    checkResponse('POST', url, refused);
    const id = uploaded.json().id as string;
    await call({ as: d.supervisor, method: 'GET', url, expect: 200 });
    await call({ as: d.supervisor, method: 'GET', url: `/v1/attachments/${id}`, expect: 200 });
    const content = await call({ as: d.supervisor, method: 'GET', url: `/v1/attachments/${id}/content`, expect: 200 });
    expect(content.body).toBe('Lab note\n');
    await call({
      as: d.supervisor,
      method: 'GET',
      url: '/v1/attachments/7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      expect: 404,
    });
    // the tenant's limits: the defaults, set, refused (by the schema and by the service), denied
    const settings = '/v1/attachment-settings';
    const defaults = await call({ as: d.supervisor, method: 'GET', url: settings, expect: 200 });
    expect(defaults.json().isDefault).toBe(true);
    const limits = { maxBytes: 10 * 1024 * 1024, allowedTypes: ['application/pdf', 'text/plain'] };
    await call({ as: d.admin, method: 'PUT', url: settings, body: limits, expect: 200 });
    await call({ as: d.supervisor, method: 'GET', url: settings, expect: 200 });
    await call({
      as: d.admin,
      method: 'PUT',
      url: settings,
      body: { ...limits, maxBytes: 0 },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: d.admin,
      method: 'PUT',
      url: settings,
      body: { ...limits, allowedTypes: ['text/html'] },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({ as: d.supervisor, method: 'PUT', url: settings, body: limits, expect: 403, code: 'FORBIDDEN' });
    const ops = operationsUnder(['/v1/attachments', settings]).concat(
      operationsUnder(['/v1/tickets']).filter((o) => o.path.includes('/attachments')),
    );
    expect(ops.length).toBe(6);
    expect(uncheckedSuccesses(ops)).toEqual([]);
  });
});
