// The ticket routes and openapi.yaml agree on shapes: every ticket and ticket-settings
// operation is called for real, and each response body is validated with ajv against the
// schema documented for its status and content type ($refs resolved, objects closed so
// undocumented fields fail), documented headers (Location, ETag) are checked, and accepted
// request bodies and query strings must satisfy the documented schemas too (openapi-harness.ts).
// Route coverage (every served route documented, nothing phantom) is openapi-routes.test.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  tenantActors,
  operationsUnder,
  uncheckedSuccesses,
  unvalidatedStatuses,
  type Json,
} from './openapi-harness.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/actors.js';

const ticketPrefixes = ['/v1/tickets', '/v1/comments', '/v1/sla-policies', '/v1/custom-fields'];

let t: TestApp;
let admin: Client;
let supervisor: Client;
let agent: Client;
let privacy: Client;
let anon: Client;
let noAbilities: Client;
let createOnly: Client;
let writerWithoutPhi: Client;

beforeAll(async () => {
  t = await startTestApp();
  const { key, ...callers } = await tenantActors(t);
  ({ admin, anon } = callers);
  supervisor = await key(['supervisor']);
  agent = await key(['agent']);
  privacy = await key(['privacy_officer']);
  noAbilities = await key(['integration']);
  createOnly = await key(['integration'], ['tickets:create']);
  writerWithoutPhi = await key(['integration'], ['tickets:read', 'tickets:write']);
});
afterAll(async () => t?.close());

describe('ticket responses match their documented schemas', () => {
  let contactId: string;
  let groupId: string;
  let ticketId: string;

  it('ticket settings: custom fields and SLA policies', async () => {
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/custom-fields',
      body: { key: 'insurance_note', label: 'Insurance note', type: 'text', phi: true },
      expect: 201,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/custom-fields',
      body: { key: 'department', label: 'Department', type: 'enum', options: ['cardiology', 'oncology'], phi: false },
      expect: 201,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/custom-fields',
      body: { key: 'visit_count', label: 'Visits', type: 'number', phi: false },
      expect: 201,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/custom-fields',
      body: { key: 'callback', label: 'Call back', type: 'boolean', phi: false },
      expect: 201,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/custom-fields',
      body: { key: 'department', label: 'Again', type: 'text', phi: false },
      expect: 409,
      code: 'CONFLICT',
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/custom-fields',
      body: { key: 'ward', label: 'Ward', type: 'enum', phi: false },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/custom-fields',
      body: { key: 'Bad Key', label: 'x', type: 'text', phi: false },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/custom-fields',
      body: { key: 'nope', label: 'x', type: 'text', phi: false },
      expect: 403,
      code: 'FORBIDDEN',
    });
    const fields = await call({ as: agent, method: 'GET', url: '/v1/custom-fields', expect: 200 });
    expect(fields.json().items.map((f: Json) => f.key)).toEqual([
      'callback',
      'department',
      'insurance_note',
      'visit_count',
    ]);
    await call({ as: noAbilities, method: 'GET', url: '/v1/custom-fields', expect: 403, code: 'FORBIDDEN' });

    const hours = { timezone: 'America/New_York', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    await call({
      as: admin,
      method: 'PUT',
      url: '/v1/sla-policies/high',
      body: { firstResponseMinutes: 60, resolutionMinutes: 480, businessHours: hours },
      expect: 200,
    });
    await call({
      as: admin,
      method: 'PUT',
      url: '/v1/sla-policies/urgent',
      body: { firstResponseMinutes: 15, resolutionMinutes: 240 },
      expect: 200,
    });
    await call({
      as: admin,
      method: 'PUT',
      url: '/v1/sla-policies/low',
      body: { firstResponseMinutes: 600, resolutionMinutes: 60 },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: admin,
      method: 'PUT',
      url: '/v1/sla-policies/low',
      body: { firstResponseMinutes: 0, resolutionMinutes: 60 },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: admin,
      method: 'PUT',
      url: '/v1/sla-policies/low',
      body: { firstResponseMinutes: 5, resolutionMinutes: 60, businessHours: { ...hours, timezone: 'Mars/Olympus' } },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: agent,
      method: 'PUT',
      url: '/v1/sla-policies/low',
      body: { firstResponseMinutes: 5, resolutionMinutes: 60 },
      expect: 403,
      code: 'FORBIDDEN',
    });
    const policies = await call({ as: agent, method: 'GET', url: '/v1/sla-policies', expect: 200 });
    expect(policies.json().items.map((p: Json) => p.priority)).toEqual(['high', 'urgent']);
    await call({ as: admin, method: 'DELETE', url: '/v1/sla-policies/urgent', expect: 204 });
    await call({ as: admin, method: 'DELETE', url: '/v1/sla-policies/urgent', expect: 404, code: 'NOT_FOUND' });
    await call({
      as: admin,
      method: 'DELETE',
      url: '/v1/sla-policies/someday',
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({ as: noAbilities, method: 'GET', url: '/v1/sla-policies', expect: 403, code: 'FORBIDDEN' });
  });

  it('tickets: create (idempotent), read, list, patch, timeline', async () => {
    const contact = await supervisor.post('/v1/contacts', { name: 'Jane Roe', mrn: `MRN-${randomUUID().slice(0, 8)}` });
    expect(contact.statusCode, contact.body).toBe(201);
    contactId = contact.json().id;
    const group = await admin.post('/v1/groups', { name: 'Pharmacy' });
    groupId = group.json().id;

    const body = {
      subject: 'Refill question',
      description: 'Needs a metformin refill',
      priority: 'high',
      type: 'task',
      channel: 'phone',
      requesterId: contactId,
      groupId,
      tags: ['Pharmacy', 'refill'],
      customFields: { department: 'cardiology', insurance_note: 'plan B', visit_count: 3, callback: false },
      externalRefs: [{ system: 'fhir', value: 'Encounter/8812' }],
    };
    const key = { 'idempotency-key': randomUUID() };
    const created = await call({ as: supervisor, method: 'POST', url: '/v1/tickets', body, headers: key, expect: 201 });
    const ticket = created.json();
    ticketId = ticket.id;
    expect(created.headers['location']).toBe(`/v1/tickets/${ticketId}`);
    expect(created.headers['etag']).toBe('"v1"');
    expect(created.headers['idempotent-replayed']).toBeUndefined();
    expect(ticket).toMatchObject({
      masked: false,
      subject: 'Refill question',
      tags: ['pharmacy', 'refill'],
      customFields: { department: 'cardiology', insurance_note: 'plan B', visit_count: 3, callback: false },
    });
    expect(ticket.sla.firstResponseDueAt).toEqual(expect.any(String));

    const replay = await call({ as: supervisor, method: 'POST', url: '/v1/tickets', body, headers: key, expect: 201 });
    expect(replay.json().id).toBe(ticketId);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['location']).toBe(`/v1/tickets/${ticketId}`);
    await call({
      as: supervisor,
      method: 'POST',
      url: '/v1/tickets',
      body: { ...body, subject: 'Another' },
      headers: key,
      expect: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    await call({
      as: supervisor,
      method: 'POST',
      url: '/v1/tickets',
      body: { subject: 'x' },
      headers: { 'idempotency-key': 'has space' },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: supervisor,
      method: 'POST',
      url: '/v1/tickets',
      body: { subject: 'Closed', status: 'closed' },
      expect: 422,
      code: 'UNPROCESSABLE',
    });
    await call({
      as: supervisor,
      method: 'POST',
      url: '/v1/tickets',
      body: { subject: 'Ghost', requesterId: randomUUID() },
      expect: 422,
      code: 'UNPROCESSABLE',
    });
    await call({
      as: supervisor,
      method: 'POST',
      url: '/v1/tickets',
      body: { subject: 'x', customFields: { unknown_field: 1 } },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: supervisor,
      method: 'POST',
      url: '/v1/tickets',
      body: { subject: 'x', colour: 'blue' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: supervisor,
      method: 'POST',
      url: '/v1/tickets',
      body: { subject: '' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/tickets',
      body: { subject: 'x' },
      expect: 403,
      code: 'FORBIDDEN',
    });
    await call({
      as: anon,
      method: 'POST',
      url: '/v1/tickets',
      body: { subject: 'x' },
      expect: 401,
      code: 'UNAUTHENTICATED',
    });
    // created by a key that may create but not read: masked, and a retry gets its first result
    const scripted = { subject: 'From a script' };
    const scriptKey = { 'idempotency-key': randomUUID() };
    const first = await call({
      as: createOnly,
      method: 'POST',
      url: '/v1/tickets',
      body: scripted,
      headers: scriptKey,
      expect: 201,
    });
    expect(first.json().masked).toBe(true);
    const retried = await call({
      as: createOnly,
      method: 'POST',
      url: '/v1/tickets',
      body: scripted,
      headers: scriptKey,
      expect: 201,
    });
    expect(retried.json()).toMatchObject({ id: first.json().id, masked: true });
    expect(retried.headers['idempotent-replayed']).toBe('true');
    await call({
      as: createOnly,
      method: 'GET',
      url: `/v1/tickets/${first.json().id}`,
      expect: 403,
      code: 'FORBIDDEN',
    });

    const read = await call({ as: supervisor, method: 'GET', url: `/v1/tickets/${ticketId}`, expect: 200 });
    expect(read.headers['etag']).toBe('"v1"');
    const masked = await call({ as: admin, method: 'GET', url: `/v1/tickets/${ticketId}`, expect: 200 });
    expect(masked.json()).toMatchObject({
      masked: true,
      subject: null,
      description: null,
      externalRefs: null,
      customFields: { department: 'cardiology' },
    });
    expect(masked.json().customFields).not.toHaveProperty('insurance_note');
    await call({ as: supervisor, method: 'GET', url: `/v1/tickets/${randomUUID()}`, expect: 404, code: 'NOT_FOUND' });
    await call({
      as: supervisor,
      method: 'GET',
      url: '/v1/tickets/not-a-uuid',
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({ as: noAbilities, method: 'GET', url: `/v1/tickets/${ticketId}`, expect: 403, code: 'FORBIDDEN' });

    const since = new Date(Date.now() - 3_600_000).toISOString();
    const filtered = await call({
      as: supervisor,
      method: 'GET',
      expect: 200,
      url: `/v1/tickets?status=new&status=open&priority=high&tag=pharmacy&groupId=${groupId}&requesterId=${contactId}&updatedSince=${encodeURIComponent(since)}&sla=at_risk&withinMinutes=10080&limit=10`,
    });
    expect(filtered.json().items.map((i: Json) => i.id)).toEqual([ticketId]);
    await call({ as: supervisor, method: 'GET', url: '/v1/tickets?sla=breached', expect: 200 });
    const page1 = await call({ as: supervisor, method: 'GET', url: '/v1/tickets?limit=1', expect: 200 });
    expect(page1.json().nextCursor).toEqual(expect.any(String));
    const page2 = await call({
      as: admin,
      method: 'GET',
      url: `/v1/tickets?limit=1&cursor=${page1.json().nextCursor}`,
      expect: 200,
    });
    expect(page2.json().items[0].id).not.toBe(page1.json().items[0].id);
    await call({
      as: supervisor,
      method: 'GET',
      url: '/v1/tickets?status=done',
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: supervisor,
      method: 'GET',
      url: '/v1/tickets?limit=101',
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: supervisor,
      method: 'GET',
      url: '/v1/tickets?cursor=bogus',
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({ as: noAbilities, method: 'GET', url: '/v1/tickets', expect: 403, code: 'FORBIDDEN' });

    const mergePatch = { 'content-type': 'application/merge-patch+json' };
    const patched = await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/tickets/${ticketId}`,
      expect: 200,
      body: { status: 'open', tags: ['pharmacy'], description: null, customFields: { insurance_note: null } },
      headers: { ...mergePatch, 'if-match': '"v1"' },
    });
    expect(patched.headers['etag']).toBe('"v2"');
    // merge-patch nulls clear (not ""), and numbers and booleans stay typed
    expect(patched.json()).toMatchObject({ status: 'open', description: null, version: 2 });
    expect(patched.json().customFields).toEqual({ department: 'cardiology', visit_count: 3, callback: false });
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/tickets/${ticketId}`,
      body: { priority: 'low' },
      headers: { ...mergePatch, 'if-match': '"v1"' },
      expect: 412,
      code: 'PRECONDITION_FAILED',
    });
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/tickets/${ticketId}`,
      body: { priority: 'low' },
      headers: { 'if-match': 'not-an-etag' },
      expect: 412,
      code: 'PRECONDITION_FAILED',
    });
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/tickets/${ticketId}`,
      body: { status: 'new' },
      headers: mergePatch,
      expect: 422,
      code: 'UNPROCESSABLE',
    });
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/tickets/${ticketId}`,
      body: {},
      headers: mergePatch,
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/tickets/${ticketId}`,
      body: { channel: 'email' },
      headers: mergePatch,
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: writerWithoutPhi,
      method: 'PATCH',
      url: `/v1/tickets/${ticketId}`,
      body: { subject: 'Rewritten' },
      expect: 403,
      code: 'FORBIDDEN',
    });
    const nonPhi = await call({
      as: writerWithoutPhi,
      method: 'PATCH',
      url: `/v1/tickets/${ticketId}`,
      body: { status: 'pending' },
      expect: 200,
    });
    expect(nonPhi.json().masked).toBe(true);
    await call({
      as: admin,
      method: 'PATCH',
      url: `/v1/tickets/${ticketId}`,
      body: { status: 'solved' },
      expect: 403,
      code: 'FORBIDDEN',
    });
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/tickets/${randomUUID()}`,
      body: { status: 'open' },
      expect: 404,
      code: 'NOT_FOUND',
    });

    const timeline = await call({
      as: supervisor,
      method: 'GET',
      url: `/v1/tickets/${ticketId}/timeline`,
      expect: 200,
    });
    expect(timeline.json().items.map((e: Json) => e.type)).toEqual(['created', 'updated', 'updated']);
    await call({
      as: supervisor,
      method: 'GET',
      url: `/v1/tickets/${randomUUID()}/timeline`,
      expect: 404,
      code: 'NOT_FOUND',
    });
    await call({
      as: noAbilities,
      method: 'GET',
      url: `/v1/tickets/${ticketId}/timeline`,
      expect: 403,
      code: 'FORBIDDEN',
    });
  });

  it('comments: add, list, edit, redact', async () => {
    const added = await call({
      as: supervisor,
      method: 'POST',
      url: `/v1/tickets/${ticketId}/comments`,
      body: { body: 'Called the pharmacy about MRN 4411', public: true },
      expect: 201,
    });
    const comment = added.json();
    expect(added.headers['location']).toBe(`/v1/comments/${comment.id}`);
    const noteKey = { 'idempotency-key': randomUUID() };
    const note = await call({
      as: supervisor,
      method: 'POST',
      url: `/v1/tickets/${ticketId}/comments`,
      body: { body: 'internal note' },
      headers: noteKey,
      expect: 201,
    });
    const noteAgain = await call({
      as: supervisor,
      method: 'POST',
      url: `/v1/tickets/${ticketId}/comments`,
      body: { body: 'internal note' },
      headers: noteKey,
      expect: 201,
    });
    expect(noteAgain.json().id).toBe(note.json().id);
    expect(noteAgain.headers['idempotent-replayed']).toBe('true');
    await call({
      as: supervisor,
      method: 'POST',
      url: `/v1/tickets/${ticketId}/comments`,
      body: { body: 'another note' },
      headers: noteKey,
      expect: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    await call({
      as: supervisor,
      method: 'POST',
      url: `/v1/tickets/${ticketId}/comments`,
      body: { body: '' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: supervisor,
      method: 'POST',
      url: `/v1/tickets/${randomUUID()}/comments`,
      body: { body: 'x' },
      expect: 404,
      code: 'NOT_FOUND',
    });
    await call({
      as: admin,
      method: 'POST',
      url: `/v1/tickets/${ticketId}/comments`,
      body: { body: 'x' },
      expect: 403,
      code: 'FORBIDDEN',
    });

    const list = await call({
      as: supervisor,
      method: 'GET',
      url: `/v1/tickets/${ticketId}/comments?limit=1`,
      expect: 200,
    });
    expect(list.json().nextCursor).toEqual(expect.any(String));
    await call({
      as: supervisor,
      method: 'GET',
      url: `/v1/tickets/${ticketId}/comments?cursor=${list.json().nextCursor}`,
      expect: 200,
    });
    const masked = await call({ as: admin, method: 'GET', url: `/v1/tickets/${ticketId}/comments`, expect: 200 });
    expect(masked.json().items[0]).toMatchObject({ masked: true, body: null });
    await call({
      as: supervisor,
      method: 'GET',
      url: `/v1/tickets/${ticketId}/comments?sort=desc`,
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: supervisor,
      method: 'GET',
      url: `/v1/tickets/${randomUUID()}/comments`,
      expect: 404,
      code: 'NOT_FOUND',
    });
    await call({
      as: noAbilities,
      method: 'GET',
      url: `/v1/tickets/${ticketId}/comments`,
      expect: 403,
      code: 'FORBIDDEN',
    });

    const edited = await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/comments/${comment.id}`,
      body: { body: 'Called the pharmacy about MRN 4411 again' },
      expect: 200,
    });
    expect(edited.json().revision).toBe(2);
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/comments/${comment.id}`,
      body: { text: 'x' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: privacy,
      method: 'PATCH',
      url: `/v1/comments/${comment.id}`,
      body: { body: 'x' },
      expect: 403,
      code: 'FORBIDDEN',
    });
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/comments/${randomUUID()}`,
      body: { body: 'x' },
      expect: 404,
      code: 'NOT_FOUND',
    });

    await call({
      as: privacy,
      method: 'POST',
      url: `/v1/comments/${comment.id}/redact`,
      body: { text: 'not in there' },
      expect: 422,
      code: 'UNPROCESSABLE',
    });
    const redacted = await call({
      as: privacy,
      method: 'POST',
      url: `/v1/comments/${comment.id}/redact`,
      body: { text: 'MRN 4411' },
      expect: 200,
    });
    expect(redacted.json()).toMatchObject({ redacted: true, body: 'Called the pharmacy about [redacted] again' });
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/comments/${comment.id}`,
      body: { body: 'again' },
      expect: 409,
      code: 'CONFLICT',
    });
    await call({
      as: privacy,
      method: 'POST',
      url: `/v1/comments/${comment.id}/redact`,
      body: {},
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'POST',
      url: `/v1/comments/${comment.id}/redact`,
      body: { text: 'again' },
      expect: 403,
      code: 'FORBIDDEN',
    });
    await call({
      as: privacy,
      method: 'POST',
      url: `/v1/comments/${randomUUID()}/redact`,
      body: { text: 'again' },
      expect: 404,
      code: 'NOT_FOUND',
    });
  });

  it('tickets: a closed ticket takes no comments; delete', async () => {
    const closing = await call({
      as: supervisor,
      method: 'POST',
      url: '/v1/tickets',
      body: { subject: 'Done', status: 'solved' },
      expect: 201,
    });
    const closedId = closing.json().id;
    await call({
      as: supervisor,
      method: 'PATCH',
      url: `/v1/tickets/${closedId}`,
      body: { status: 'closed' },
      expect: 200,
    });
    await call({
      as: supervisor,
      method: 'POST',
      url: `/v1/tickets/${closedId}/comments`,
      body: { body: 'one more thing' },
      expect: 422,
      code: 'UNPROCESSABLE',
    });

    const current = (await call({ as: supervisor, method: 'GET', url: `/v1/tickets/${ticketId}`, expect: 200 }))
      .headers['etag'] as string;
    await call({ as: agent, method: 'DELETE', url: `/v1/tickets/${ticketId}`, expect: 403, code: 'FORBIDDEN' });
    await call({
      as: supervisor,
      method: 'DELETE',
      url: `/v1/tickets/${ticketId}`,
      headers: { 'if-match': '"v1"' },
      expect: 412,
      code: 'PRECONDITION_FAILED',
    });
    await call({
      as: supervisor,
      method: 'DELETE',
      url: `/v1/tickets/${ticketId}`,
      headers: { 'if-match': current },
      expect: 204,
    });
    await call({ as: supervisor, method: 'DELETE', url: `/v1/tickets/${ticketId}`, expect: 404, code: 'NOT_FOUND' });
    await call({ as: supervisor, method: 'GET', url: `/v1/tickets/${ticketId}`, expect: 404, code: 'NOT_FOUND' });
    await call({
      as: supervisor,
      method: 'DELETE',
      url: '/v1/tickets/not-a-uuid',
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: anon,
      method: 'DELETE',
      url: `/v1/tickets/${randomUUID()}`,
      expect: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('checked the success response of every documented ticket operation', () => {
    // attachments (under /v1/tickets/{id}/attachments) have their own: tests/attachments/openapi.test.ts
    const ticketOps = operationsUnder(ticketPrefixes).filter((o) => !o.path.includes('/attachments'));
    expect(ticketOps.length).toBe(15);
    expect(uncheckedSuccesses(ticketOps), 'ticket operations whose success response was never validated').toEqual([]);
    expect(
      unvalidatedStatuses(['200', '201', '204', '400', '401', '403', '404', '409', '412', '422']),
      'statuses no response was validated for',
    ).toEqual([]);
  });
});
