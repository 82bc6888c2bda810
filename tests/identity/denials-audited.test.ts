// Issue 13, acceptance 1: every REST route and every GraphQL root field, called by each
// API-key credential whose role may not use it, is refused (403 FORBIDDEN) and the refusal
// wrote exactly one denied audit event for that request, naming the caller, the declared
// policy and the record the request named. Routes and fields are enumerated from the same
// declarations the gates enforce (the route table's `public`/`policy`, the installed
// resolvers' declared policies); who "may not" is CASL's answer for the declared policy.
// Misses are collected and reported together, each naming its route or field.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { GraphQLField, GraphQLSchema } from 'graphql';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { listen, subscribe } from '../live/helpers.js';
import { client, mintKey, seedTenant, type SeededTenant } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { defineAbilityFor, scopeCatalogue, type SubjectType } from '../../src/policy/ability.js';
import { declaredPolicyOf } from '../../src/graphql/gate.js';
import type { RoutePolicy } from '../../src/http/gate.js';
import type { Actor, Role } from '../../src/auth/actor.js';

/** Roles an API key may carry (a key is never a requester), integration keys aside. */
const staffRoles: Role[] = ['tenant_admin', 'privacy_officer', 'supervisor', 'agent', 'auditor'];

interface Credential {
  /** e.g. 'auditor', 'integration(no scopes)' */
  label: string;
  keyId: string;
  secret: string;
  actor: Actor;
}

let t: TestApp;
let tenant: SeededTenant;
/** ids of real records of the tenant, by record type */
const ids: Record<string, string> = {};
const credentials = new Map<string, Credential>();

/** One refused request: what was called, by whom, and what its denial event must say. */
interface Probe {
  what: string;
  requestId: string;
  credential: Credential;
  policy: RoutePolicy;
  /** the id of the record of the policy's subject that the request named, else '*' */
  resourceId: string;
}
const probes: Probe[] = [];
const misses: string[] = [];

async function credentialFor(label: string, roles: Role[], scopes: string[]): Promise<Credential> {
  const cached = credentials.get(label);
  if (cached) return cached;
  const key = await mintKey(t.app, tenant.adminKey, roles, scopes);
  const me = (await client(t.app, { apiKey: key.secret }).get('/v1/me')).json();
  const requireMfaForPhi = (await client(t.app, { apiKey: tenant.adminKey }).get('/v1/tenant')).json()
    .requireMfaForPhi as boolean;
  const actor: Actor = {
    tenantId: me.tenantId,
    id: me.id,
    kind: me.kind,
    authMethod: 'api_key',
    roles: me.roles,
    groupIds: me.groupIds,
    scopes: me.scopes,
    mfa: me.mfa,
    requireMfaForPhi,
    breakGlass: [],
  };
  const credential = { label, keyId: key.id, secret: key.secret, actor };
  credentials.set(label, credential);
  return credential;
}

/**
 * The credentials that may not use `policy`: an integration key with no scopes, one with
 * every scope that does not grant the policy, and a key of each staff role CASL refuses it.
 */
async function refusedCredentials(policy: RoutePolicy): Promise<Credential[]> {
  const may = (roles: Role[], scopes: string[]) =>
    defineAbilityFor({
      tenantId: tenant.tenantId,
      id: 'probe',
      kind: 'api_key',
      authMethod: 'api_key',
      roles,
      groupIds: [],
      scopes,
      mfa: false,
      requireMfaForPhi: false,
      breakGlass: [],
    }).can(policy.action, policy.subject);
  const out: Credential[] = [await credentialFor('integration(no scopes)', ['integration'], [])];
  const otherScopes = Object.keys(scopeCatalogue).filter((s) => !may(['integration'], [s]));
  out.push(await credentialFor(`integration(${otherScopes.join(' ')})`, ['integration'], otherScopes));
  for (const role of staffRoles) {
    if (!may([role], [])) out.push(await credentialFor(role, [role], []));
  }
  // what was minted must still be refused as the server sees the key
  return out.filter((c) => {
    const refused = !defineAbilityFor(c.actor).can(policy.action, policy.subject);
    if (!refused) misses.push(`${c.label} was picked to be refused ${policy.action} ${policy.subject} but may do it`);
    return refused;
  });
}

beforeAll(async () => {
  t = await startTestApp();
  tenant = await seedTenant(t, {
    issuer: { issuer: 'https://idp.denials.example', jwksUri: 'http://127.0.0.1:9/jwks', audience: 'phidesk' },
  });
  const admin = client(t.app, { apiKey: tenant.adminKey });
  const supervisor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret });
  const created = async (res: Promise<LightMyRequestResponse>, what: string): Promise<any> => {
    const r = await res;
    if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`seeding ${what}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  ids['Tenant'] = tenant.tenantId;
  // a verification job's id: the refusal comes before any lookup, so it need not exist
  ids['AuditEvent'] = ids['VerificationJob'] = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
  ids['TrustedIssuer'] = (await admin.get('/v1/tenant/issuers')).json().items[0].id;
  ids['User'] = (await created(admin.post('/v1/users', restBodies['POST /v1/users']), 'user')).id;
  ids['Group'] = (await created(admin.post('/v1/groups', restBodies['POST /v1/groups']), 'group')).id;
  await created(admin.put(`/v1/groups/${ids['Group']}/members/${ids['User']}`), 'membership');
  ids['ApiKey'] = (await mintKey(t.app, tenant.adminKey, ['integration'], ['tickets:read'])).id;
  ids['Contact'] = (await created(supervisor.post('/v1/contacts', restBodies['POST /v1/contacts']), 'contact')).id;
  ids['Ticket'] = (
    await created(
      supervisor.post('/v1/tickets', { ...(restBodies['POST /v1/tickets'] as object), requesterId: ids['Contact'] }),
      'ticket',
    )
  ).id;
  ids['Comment'] = (
    await created(
      supervisor.post(`/v1/tickets/${ids['Ticket']}/comments`, restBodies['POST /v1/tickets/:id/comments']),
      'comment',
    )
  ).id;
  ids['BreakGlass'] = (
    await created(supervisor.post('/v1/break-glass', restBodies['POST /v1/break-glass']), 'break-glass grant')
  ).id;
  await created(
    admin.post('/v1/custom-fields', { key: 'seeded_field', label: 'Seeded', type: 'text', phi: false }),
    'custom field',
  );
  await created(admin.put('/v1/sla-policies/high', restBodies['PUT /v1/sla-policies/:priority']), 'SLA policy');
  ids['BusinessAssociateAgreement'] = (
    await created(
      admin.post('/v1/business-associate-agreements', restBodies['POST /v1/business-associate-agreements']),
      'agreement',
    )
  ).id;
  ids['Attachment'] = (
    await created(
      supervisor.post(`/v1/tickets/${ids['Ticket']}/attachments`, 'Lab note', { 'content-type': 'text/plain' }),
      'attachment',
    )
  ).id;
  // a public address literal (no DNS) subscribed to an event nothing here emits: never contacted
  ids['WebhookEndpoint'] = ids['Endpoint'] = (
    await created(admin.post('/v1/webhook-endpoints', restBodies['POST /v1/webhook-endpoints']), 'webhook endpoint')
  ).endpoint.id;
  // a delivery's id: the refusal comes before any lookup, so it need not exist
  ids['WebhookDelivery'] = ids['Delivery'] = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  // patient-rights records: the refusal comes before any lookup, so they need not exist
  ids['AccessRequest'] = '5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
  ids['AccountingRequest'] = '4c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
  // a legal hold: the refusal comes before any lookup, so it need not exist
  ids['LegalHold'] = '2e1f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
  // a review finding and an incident: the refusal comes before any lookup, so they need not exist
  ids['ReviewFinding'] = '3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
  ids['Incident'] = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
  // disclosure safeguards: the refusal comes before any lookup, so they need not exist
  ids['ContactVerification'] = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
  ids['PersonalRepresentative'] = '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
  ids['HeldReply'] = '8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f';
  // a SIEM sink: the refusal comes before any lookup, so it need not exist
  ids['SiemSink'] = '9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
}, 60_000);

afterAll(async () => t?.close());

// Minimal valid bodies (the refusal must be the policy's, not validation's). Getters: some
// name records created in beforeAll. A write route missing here is reported as a miss.
const restBodies: Record<string, unknown> = {
  'PATCH /v1/tenant': { name: 'Renamed tenant' },
  'POST /v1/tenant/issuers': {
    issuer: 'https://idp2.denials.example',
    jwksUri: 'http://127.0.0.1:9/jwks2',
    audience: 'phidesk',
  },
  'PATCH /v1/tenant/issuers/:id': { audience: 'phidesk-renamed' },
  'POST /v1/users': { displayName: 'Avery Agent', roles: ['agent'] },
  'PATCH /v1/users/:id': { displayName: 'Avery Renamed' },
  'POST /v1/users/:id/revoke-sessions': undefined,
  'PUT /v1/users/:id/relationship-hashes': { surname: 'Doe' },
  'POST /v1/groups': { name: 'Front desk' },
  'PATCH /v1/groups/:id': { name: 'Front desk renamed' },
  'PUT /v1/groups/:id/members/:userId': undefined,
  'POST /v1/api-keys': { name: 'another key', roles: ['integration'], scopes: ['tickets:read'] },
  get 'POST /v1/break-glass'() {
    return {
      resourceType: 'Ticket',
      resourceId: ids['Ticket'],
      reason: 'patient unconscious in ED',
      durationMinutes: 5,
    };
  },
  'POST /v1/break-glass/:id/close': undefined,
  'POST /v1/break-glass/:id/review': { outcome: 'justified' },
  'POST /v1/contacts': { name: 'Pat Example' },
  'POST /v1/contacts/search': { name: 'Pat Example' },
  'PATCH /v1/contacts/:id': { name: 'Pat Renamed' },
  'POST /v1/tickets': { subject: 'Prescription refill' },
  'PATCH /v1/tickets/:id': { subject: 'Prescription refill, urgent' },
  'POST /v1/tickets/:id/comments': { body: 'Called the pharmacy.' },
  'PATCH /v1/comments/:id': { body: 'Called the pharmacy twice.' },
  'POST /v1/comments/:id/redact': { text: 'pharmacy' },
  'PUT /v1/sla-policies/:priority': { firstResponseMinutes: 60, resolutionMinutes: 480 },
  'POST /v1/custom-fields': { key: 'denied_field', label: 'Denied field', type: 'text', phi: false },
  'POST /v1/audit/verify': undefined,
  'POST /v1/audit/verifications': undefined,
  'POST /v1/business-associate-agreements': { counterparty: 'Acme', scope: 'Claims', effectiveOn: '2026-01-01' },
  'PATCH /v1/business-associate-agreements/:id': { scope: 'Claims and billing' },
  'POST /v1/business-associate-agreements/:id/terminate': undefined,
  'POST /v1/webhook-endpoints': { url: 'https://93.184.215.14/hook', eventTypes: ['webhook_endpoint.disabled'] },
  'PATCH /v1/webhook-endpoints/:id': { description: 'renamed' },
  'POST /v1/webhook-endpoints/:id/rotate-secret': {},
  'POST /v1/webhook-endpoints/:id/deliveries/:deliveryId/replay': undefined,
  // the route's gate refuses before the body is read (an upload's bytes are streamed later)
  'POST /v1/tickets/:id/attachments': { note: 'refused before the body matters' },
  get 'POST /v1/access-requests'() {
    return { contactId: ids['Contact'], verificationMethod: 'government_id' };
  },
  'POST /v1/access-requests/:id/extend': { reason: 'Records held off site' },
  'POST /v1/access-requests/:id/deny': { ground: 'endanger_life_or_safety' },
  'POST /v1/access-requests/:id/fulfil': undefined,
  get 'POST /v1/disclosures'() {
    return {
      contactId: ids['Contact'],
      disclosedAt: '2026-11-01T10:00:00Z',
      recipient: 'County Health Department',
      description: 'Test result',
      purpose: 'public_health',
    };
  },
  get 'POST /v1/accounting-requests'() {
    return { contactId: ids['Contact'] };
  },
  'POST /v1/accounting-requests/:id/extend': { reason: 'Awaiting a business associate' },
  'POST /v1/accounting-requests/:id/fulfil': undefined,
  'PUT /v1/attachment-settings': { maxBytes: 1024, allowedTypes: ['image/png'] },
  'PUT /v1/retention-policy': { closedTicketDays: 2190, commentDays: null, attachmentDays: null, contactDays: null },
  get 'POST /v1/legal-holds'() {
    return { kind: 'ticket', ticketId: ids['Ticket'], reason: 'Litigation hold' };
  },
  'POST /v1/legal-holds/:id/release': undefined,
  'PUT /v1/activity-review/settings': {
    timeZone: 'UTC',
    businessStart: '08:00',
    businessEnd: '18:00',
    businessDays: [1, 2, 3, 4, 5],
    offHoursMinRecords: 20,
    volumeMinRecords: 100,
    volumeFactor: 3,
    deniedBurstMin: 20,
  },
  'POST /v1/review-findings/:id/acknowledge': undefined,
  'POST /v1/review-findings/:id/dismiss': { reason: 'Expected night shift' },
  'POST /v1/review-findings/:id/incident': {},
  get 'POST /v1/incidents'() {
    return { actorId: ids['ApiKey'], from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' };
  },
  'PATCH /v1/incidents/:id': { conclusion: 'breach' },
  'POST /v1/contacts/:id/verifications': { method: 'government_id' },
  'POST /v1/contact-verifications/:id/revoke': undefined,
  get 'POST /v1/personal-representatives'() {
    return {
      patientContactId: ids['Contact'],
      representativeContactId: '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a',
      relationship: 'parent',
      scope: 'all',
      effectiveFrom: '2026-01-01',
    };
  },
  'PATCH /v1/personal-representatives/:id': { scope: 'billing' },
  'PUT /v1/disclosure-settings': { recipientCheck: 'off', verificationValidDays: 365 },
  'PUT /v1/phi-detection-settings': {
    otherPatientAction: 'off',
    patternAction: 'off',
    patternKinds: ['ssn'],
    mrnPatterns: [],
    accountPatterns: [],
  },
  'PUT /v1/minimum-necessary': { allowlists: { Contact: { agent: ['name'] } } },
  'POST /v1/siem-sinks': { kind: 'otlp_http', endpoint: 'https://93.184.215.14/v1/logs' },
  'PATCH /v1/siem-sinks/:id': { description: 'renamed' },
  'POST /v1/held-replies/:id/release': undefined,
  'POST /v1/held-replies/:id/reject': { reason: 'Could not verify the caller' },
  'POST /v1/incidents/:id/letters': { template: 'Dear {{name}}' },
};

/** Path params: the record type a route's `:id` names, by the collection it follows; other params by name. */
const collections: Record<string, string> = {
  users: 'User',
  groups: 'Group',
  'api-keys': 'ApiKey',
  'break-glass': 'BreakGlass',
  contacts: 'Contact',
  tickets: 'Ticket',
  comments: 'Comment',
  issuers: 'TrustedIssuer',
  verifications: 'VerificationJob',
  'business-associate-agreements': 'BusinessAssociateAgreement',
  'webhook-endpoints': 'WebhookEndpoint',
  attachments: 'Attachment',
  'access-requests': 'AccessRequest',
  'accounting-requests': 'AccountingRequest',
  'legal-holds': 'LegalHold',
  'review-findings': 'ReviewFinding',
  incidents: 'Incident',
  'contact-verifications': 'ContactVerification',
  'personal-representatives': 'PersonalRepresentative',
  'held-replies': 'HeldReply',
  'siem-sinks': 'SiemSink',
};
const namedParams: Record<string, { type: string; value: () => string }> = {
  userId: { type: 'User', value: () => ids['User']! },
  priority: { type: 'SlaPolicy', value: () => 'high' },
  deliveryId: { type: 'WebhookDelivery', value: () => ids['WebhookDelivery']! },
};

/** The concrete URL and the records it names ({ type, id }), or a reason it cannot be filled. */
function fillPath(url: string): { path: string; named: Array<{ type: string; id: string }> } | string {
  const segments = url.split('/');
  const named: Array<{ type: string; id: string }> = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (!seg.startsWith(':')) continue;
    const param = seg.slice(1);
    const byName = namedParams[param];
    const type = byName?.type ?? (param === 'id' ? collections[segments[i - 1]!] : undefined);
    const id = byName ? byName.value() : type ? ids[type] : undefined;
    if (!type || !id) return `cannot fill :${param} of ${url}`;
    segments[i] = id;
    named.push({ type, id });
  }
  return { path: segments.join('/'), named };
}

/** The record of the policy's subject a request names: the tenant itself for Tenant policies. */
function expectedResourceId(policy: RoutePolicy, named: Array<{ type: string; id: string }>): string {
  if (policy.subject === 'Tenant') return tenant.tenantId;
  return named.find((n) => n.type === policy.subject)?.id ?? '*';
}

const requestIdFor = (what: string) =>
  `deny-${what.replace(/[^A-Za-z0-9]+/g, '.').slice(0, 30)}-${randomUUID().slice(0, 8)}`;

describe('every refusal is audited', () => {
  it('REST: each route, called by each credential that may not use it, answers 403 and wrote one denied event', async () => {
    // public routes and routes about the caller itself ('authenticated') refuse nobody who has a credential
    const routes = t.app.routeIndex.routes.filter(
      (r) => !r.public && r.method !== 'OPTIONS' && r.policy !== 'authenticated',
    );
    expect(routes.length).toBeGreaterThan(40);
    let walked = 0;
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const policy = route.policy as RoutePolicy | undefined;
      if (!policy || typeof policy !== 'object') {
        misses.push(`${name}: no declared policy`);
        continue;
      }
      const filled = fillPath(route.url);
      if (typeof filled === 'string') {
        misses.push(`${name}: ${filled}`);
        continue;
      }
      const bodyKey = name.replace(/^HEAD /, 'GET ');
      const writes = !['GET', 'HEAD', 'DELETE'].includes(route.method);
      if (writes && !(bodyKey in restBodies)) {
        misses.push(`${name}: no sample body in restBodies`);
        continue;
      }
      const body = writes ? restBodies[bodyKey] : undefined;
      walked++;
      for (const credential of await refusedCredentials(policy)) {
        const what = `${name} as ${credential.label}`;
        const requestId = requestIdFor(name);
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: filled.path,
          headers: { 'x-api-key': credential.secret, 'x-request-id': requestId },
          ...(body !== undefined ? { payload: body as object } : {}),
        });
        if (res.statusCode !== 403) {
          misses.push(`${what}: answered ${res.statusCode} ${res.body.slice(0, 200)}`);
          continue;
        }
        if (route.method !== 'HEAD') {
          const problem = res.json();
          if (
            !String(res.headers['content-type']).startsWith('application/problem+json') ||
            problem.code !== 'FORBIDDEN'
          ) {
            misses.push(
              `${what}: 403 is not a FORBIDDEN problem: ${res.headers['content-type']} ${res.body.slice(0, 200)}`,
            );
          }
        }
        probes.push({ what, requestId, credential, policy, resourceId: expectedResourceId(policy, filled.named) });
      }
    }
    expect(walked).toBe(routes.length);
  }, 120_000);

  it('GraphQL: each root field, called by each credential that may not use it, is FORBIDDEN and wrote one denied event', async () => {
    const schema = executableSchema(t.app);
    const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      type ? Object.values(type.getFields()).map((field) => ({ type: type.name, field })) : [],
    );
    let walked = 0;
    for (const { type, field } of fields) {
      const name = `${type}.${field.name}`;
      const policy = declaredPolicyOf(field.resolve);
      if (policy === 'public' || policy === 'authenticated') continue;
      if (!policy) {
        misses.push(`${name}: its resolver was not installed by the gate (no declared policy)`);
        continue;
      }
      const op = operationFor(schema, type, field);
      if (typeof op === 'string') {
        misses.push(`${name}: ${op}`);
        continue;
      }
      walked++;
      for (const credential of await refusedCredentials(policy)) {
        const what = `${name} as ${credential.label}`;
        const requestId = requestIdFor(name);
        if (type === 'Subscription') {
          // over a websocket, as subscribers use them: refused when the subscription starts
          const codes = await subscriptionErrorCodes(op, credential.secret, requestId);
          if (codes.length !== 1 || codes[0] !== 'FORBIDDEN') misses.push(`${what}: not FORBIDDEN: ${codes.join(',')}`);
          else probes.push({ what, requestId, credential, policy, resourceId: expectedResourceId(policy, op.named) });
          continue;
        }
        const res = await t.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'x-api-key': credential.secret, 'x-request-id': requestId },
          payload: { query: op.query, variables: op.variables },
        });
        const body = res.json() as {
          data?: Record<string, unknown> | null;
          errors?: Array<{ message: string; extensions?: { code?: string } }>;
        };
        const codes = (body.errors ?? []).map((e) => e.extensions?.code);
        if (codes.length !== 1 || codes[0] !== 'FORBIDDEN') {
          misses.push(`${what}: not FORBIDDEN: ${res.body.slice(0, 300)}`);
          continue;
        }
        if (body.data && body.data[field.name] != null) misses.push(`${what}: FORBIDDEN but data was returned`);
        probes.push({ what, requestId, credential, policy, resourceId: expectedResourceId(policy, op.named) });
      }
    }
    expect(walked).toBeGreaterThan(30);
  }, 120_000);

  it('refusals naming malformed ids are audited too, naming no record', async () => {
    // The gates run before validation: the id is the caller's free text. A NUL or an overlong
    // id must not make the denial unwritable (text and btree-indexed columns of audit_events).
    const none = await credentialFor('integration(no scopes)', ['integration'], []);
    const ticketPolicy: RoutePolicy = { action: 'read', subject: 'Ticket' };
    const rest: Array<[string, string]> = [
      ['NUL id', '/v1/tickets/%00'],
      ['100-character id', `/v1/tickets/${'a'.repeat(100)}`],
      ['upper-case id', `/v1/tickets/${ids['Ticket']!.toUpperCase()}`],
    ];
    for (const [label, url] of rest) {
      const requestId = requestIdFor(label);
      const res = await t.app.inject({
        method: 'GET',
        url,
        headers: { 'x-api-key': none.secret, 'x-request-id': requestId },
      });
      if (res.statusCode !== 403) {
        misses.push(`GET /v1/tickets/:id with ${label}: answered ${res.statusCode} ${res.body.slice(0, 200)}`);
        continue;
      }
      probes.push({
        what: `GET /v1/tickets/:id with ${label}`,
        requestId,
        credential: none,
        policy: ticketPolicy,
        resourceId: label === 'upper-case id' ? ids['Ticket']! : '*',
      });
    }
    const gql: Array<[string, string]> = [
      ['3000-character id', 'x'.repeat(3000)],
      ['upper-case id', ids['Ticket']!.toUpperCase()],
    ];
    for (const [label, id] of gql) {
      const requestId = requestIdFor(label);
      const res = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'x-api-key': none.secret, 'x-request-id': requestId },
        payload: { query: 'query($id: ID!) { ticket(id: $id) { id } }', variables: { id } },
      });
      const code = res.json().errors?.[0]?.extensions?.code;
      if (code !== 'FORBIDDEN') {
        misses.push(`Query.ticket with ${label}: ${res.body.slice(0, 200)}`);
        continue;
      }
      probes.push({
        what: `Query.ticket with ${label}`,
        requestId,
        credential: none,
        policy: ticketPolicy,
        resourceId: label === 'upper-case id' ? ids['Ticket']! : '*',
      });
    }
  });

  it('a GraphQL document with several refused fields records a denial for each', async () => {
    const none = await credentialFor('integration(no scopes)', ['integration'], []);
    const requestId = requestIdFor('several fields');
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'x-api-key': none.secret, 'x-request-id': requestId },
      payload: { query: '{ tickets { items { id } } contacts { items { id } } users { items { id } } }' },
    });
    // The fields are non-null: the first refusal nulls `data` and is the one error reported,
    // but the response waits for every root field (src/graphql/setup.ts, onResolution), so
    // every refusal is already recorded when it arrives.
    const codes = res.json().errors.map((e: { extensions: { code: string } }) => e.extensions.code);
    expect(new Set(codes)).toEqual(new Set(['FORBIDDEN']));
    const denied = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e['requestId'] === requestId && e['outcome'] === 'denied',
    );
    expect(denied.map((e) => e['resource'].type).sort()).toEqual(['Contact', 'Ticket', 'User']);
  });

  // Runs after the walks above (it checks the probes they collected), in file order.
  it('no refusal is missing from the audit trail', async () => {
    expect(probes.length).toBeGreaterThan(100);
    const events = await auditEvents(t.database.db, tenant.tenantId);
    const byRequest = new Map<string, Array<Record<string, any>>>();
    for (const e of events)
      if (e['requestId']) byRequest.set(e['requestId'], [...(byRequest.get(e['requestId']) ?? []), e]);
    for (const p of probes) {
      const mine = byRequest.get(p.requestId) ?? [];
      const denied = mine.filter((e) => e['outcome'] === 'denied');
      if (denied.length !== 1) {
        misses.push(`${p.what}: ${denied.length} denied events (want 1)`);
        continue;
      }
      const e = denied[0]!;
      const wrong: string[] = [];
      if (e['actor']?.id !== p.credential.keyId || e['actor']?.kind !== 'api_key')
        wrong.push(`actor ${JSON.stringify(e['actor'])}`);
      if (e['reasonCode'] !== 'FORBIDDEN') wrong.push(`reasonCode ${e['reasonCode']}`);
      if (typeof e['action'] !== 'string' || !e['action'].endsWith(`.${p.policy.action}`))
        wrong.push(`action ${e['action']}`);
      if (e['resource']?.type !== p.policy.subject)
        wrong.push(`resource.type ${e['resource']?.type} (want ${p.policy.subject})`);
      if (e['resource']?.id !== p.resourceId) wrong.push(`resource.id ${e['resource']?.id} (want ${p.resourceId})`);
      const served = mine.filter((x) => x['outcome'] === 'allowed');
      if (served.length > 0) wrong.push(`also recorded as allowed: ${served.map((x) => x['action']).join(', ')}`);
      if (wrong.length > 0) misses.push(`${p.what}: denied event has ${wrong.join('; ')}`);
    }
    expect(misses, `${misses.length} misses:\n${misses.join('\n')}`).toEqual([]);
  });
});

/** Mercurius' executable schema: decorated on the encapsulated scope it was registered in. */
function executableSchema(app: FastifyInstance): GraphQLSchema {
  const stack: object[] = [app];
  while (stack.length > 0) {
    const instance = stack.pop() as Record<string | symbol, any>;
    if (instance['graphql']?.schema) return instance['graphql'].schema as GraphQLSchema;
    const children = Object.getOwnPropertySymbols(instance).find((s) => s.description === 'fastify.children');
    if (children) stack.push(...(instance[children] as object[]));
  }
  throw new Error("no mercurius schema found among the app's plugin scopes");
}

// Sample values of required GraphQL inputs, by input type; ID arguments name real records.
const graphqlInputs: Record<string, () => Record<string, unknown>> = {
  CreateContactInput: () => ({ name: 'Pat Example' }),
  UpdateContactInput: () => ({ name: 'Pat Renamed' }),
  ContactSearchInput: () => ({ name: 'Pat Example' }),
  UpdateTenantInput: () => ({ name: 'Renamed tenant' }),
  TrustedIssuerInput: () => ({
    issuer: 'https://idp3.denials.example',
    jwksUri: 'http://127.0.0.1:9/jwks3',
    audience: 'phidesk',
  }),
  TrustedIssuerPatch: () => ({ audience: 'phidesk-renamed' }),
  CreateUserInput: () => ({ displayName: 'Avery Agent', roles: ['agent'] }),
  UpdateUserInput: () => ({ displayName: 'Avery Renamed' }),
  CreateGroupInput: () => ({ name: 'Back office' }),
  UpdateGroupInput: () => ({ name: 'Back office renamed' }),
  CreateApiKeyInput: () => ({ name: 'another key', roles: ['integration'], scopes: ['tickets:read'] }),
  OpenBreakGlassInput: () => ({
    resourceType: 'Ticket',
    resourceId: ids['Ticket'],
    reason: 'patient unconscious in ED',
    durationMinutes: 5,
  }),
  ReviewBreakGlassInput: () => ({ outcome: 'justified' }),
  CreateTicketInput: () => ({ subject: 'Prescription refill' }),
  UpdateTicketInput: () => ({ subject: 'Prescription refill, urgent' }),
  CreateCommentInput: () => ({ body: 'Called the pharmacy.' }),
  CreateBusinessAssociateAgreementInput: () => ({ counterparty: 'Acme', scope: 'Claims', effectiveOn: '2026-01-01' }),
  UpdateBusinessAssociateAgreementInput: () => ({ scope: 'Claims and billing' }),
  CreateWebhookEndpointInput: () => ({ url: 'https://93.184.215.14/hook', eventTypes: ['webhook_endpoint.disabled'] }),
  UpdateWebhookEndpointInput: () => ({ description: 'renamed' }),
  OpenAccessRequestInput: () => ({ contactId: ids['Contact'], verificationMethod: 'government_id' }),
  DenyAccessRequestInput: () => ({ ground: 'endanger_life_or_safety' }),
  RecordDisclosureInput: () => ({
    contactId: ids['Contact'],
    disclosedAt: '2026-11-01T10:00:00Z',
    recipient: 'County Health Department',
    description: 'Test result',
    purpose: 'public_health',
  }),
  UpdateAttachmentSettingsInput: () => ({ maxBytes: 1024, allowedTypes: ['image/png'] }),
  RetentionPolicyInput: () => ({ closedTicketDays: 2190 }),
  CreateLegalHoldInput: () => ({ kind: 'ticket', ticketId: ids['Ticket'], reason: 'Litigation hold' }),
  CreatePersonalRepresentativeInput: () => ({
    patientContactId: ids['Contact'],
    representativeContactId: '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a',
    relationship: 'parent',
    scope: 'all',
    effectiveFrom: '2026-01-01',
  }),
  UpdatePersonalRepresentativeInput: () => ({ scope: 'billing' }),
  UpdateDisclosureSettingsInput: () => ({ recipientCheck: 'off', verificationValidDays: 365 }),
  UpdatePhiDetectionSettingsInput: () => ({
    otherPatientAction: 'off',
    patternAction: 'off',
    patternKinds: ['ssn'],
    mrnPatterns: [],
    accountPatterns: [],
  }),
  SetMinimumNecessaryInput: () => ({ allowlists: { Contact: { agent: ['name'] } } }),
  CreateSiemSinkInput: () => ({ kind: 'otlp_http', endpoint: 'https://93.184.215.14/v1/logs' }),
  UpdateSiemSinkInput: () => ({ description: 'renamed' }),
  SlaPolicyInput: () => ({ firstResponseMinutes: 30, resolutionMinutes: 240 }),
  CreateCustomFieldInput: () => ({ key: 'plan_tier', label: 'Plan tier', type: 'text', phi: false }),
  ReviewSettingsInput: () => ({
    timeZone: 'UTC',
    businessStart: '08:00',
    businessEnd: '18:00',
    businessDays: [1, 2, 3, 4, 5],
    offHoursMinRecords: 20,
    volumeMinRecords: 100,
    volumeFactor: 3,
    deniedBurstMin: 20,
  }),
  OpenIncidentInput: () => ({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' }),
  UpdateIncidentInput: () => ({ conclusion: 'low_probability' }),
};
const graphqlScalars: Record<string, () => unknown> = {
  body: () => 'Called the pharmacy twice.',
  text: () => 'pharmacy',
  reason: () => 'Records held off site',
  // an enum argument (TicketPriority): a variable carries its value as a string
  priority: () => 'low',
  // a verification method (fixed list, a String in the SDL)
  method: () => 'government_id',
};

/** `id` names a record of the field's subject (an issuer for Tenant fields); `<type>Id` a record of that type. */
function idArgument(arg: string, subject: SubjectType): { type: string; id: string } | undefined {
  const type =
    arg === 'id'
      ? subject === 'Tenant'
        ? 'TrustedIssuer'
        : subject
      : arg.endsWith('Id')
        ? arg[0]!.toUpperCase() + arg.slice(1, -2)
        : undefined;
  const id = type ? ids[type] : undefined;
  return type && id ? { type, id } : undefined;
}

function operationFor(
  schema: GraphQLSchema,
  type: string,
  field: GraphQLField<unknown, unknown>,
): { query: string; variables: Record<string, unknown>; named: Array<{ type: string; id: string }> } | string {
  const policy = declaredPolicyOf(field.resolve) as RoutePolicy;
  const variables: Record<string, unknown> = {};
  const named: Array<{ type: string; id: string }> = [];
  const declared: string[] = [];
  for (const arg of field.args) {
    // mercurius' schema comes from graphql's CommonJS build: types are read by shape, not instanceof
    if (!String(arg.type).endsWith('!')) continue; // optional arguments left out
    const base = String(arg.type).replace(/[[\]!]/g, '');
    let value: unknown;
    if (base === 'ID') {
      const record = idArgument(arg.name, policy.subject);
      if (!record) return `no record for required argument ${arg.name}`;
      named.push(record);
      value = record.id;
    } else if (base in graphqlInputs) {
      value = graphqlInputs[base]?.();
    } else {
      value = graphqlScalars[arg.name]?.();
    }
    if (value === undefined) return `no sample value for required argument ${arg.name}: ${String(arg.type)}`;
    variables[arg.name] = value;
    declared.push(`$${arg.name}: ${String(arg.type)}`);
  }
  const args =
    declared.length > 0
      ? `(${Object.keys(variables)
          .map((a) => `${a}: $${a}`)
          .join(', ')})`
      : '';
  const query = `${type.toLowerCase()}${declared.length > 0 ? `(${declared.join(', ')})` : ''} { ${field.name}${args}${selectionFor(schema, String(field.type))} }`;
  return { query, variables, named };
}

/** The error codes a subscription answers with on a websocket to the app (listening on first use). */
async function subscriptionErrorCodes(
  op: { query: string; variables: Record<string, unknown> },
  apiKey: string,
  requestId: string,
): Promise<string[]> {
  if (!wsUrl) wsUrl = await listen(t);
  // the upgrade request carries the request id, which the denial's event must name
  const WithRequestId = class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { 'x-request-id': requestId } });
    }
  };
  const s = subscribe(wsUrl, { 'x-api-key': apiKey }, op.query, op.variables, WithRequestId);
  try {
    const started = Date.now();
    while (s.errors.length === 0 && s.closeCode() === undefined && Date.now() - started < 5000)
      await new Promise((r) => setTimeout(r, 20));
    return (s.errors as Array<Array<{ extensions?: { code?: string } }>>)
      .flat()
      .map((e) => e.extensions?.code ?? `no code (closed ${s.closeCode()})`);
  } finally {
    await s.dispose();
  }
}
let wsUrl: string | undefined;

function selectionFor(schema: GraphQLSchema, typeName: string): string {
  const named = schema.getType(typeName.replace(/[[\]!]/g, ''));
  if (!named || !('getFields' in named)) return '';
  const fields = Object.values(named.getFields());
  const scalar = fields.find((f) => /^(ID|String|Boolean|Int|DateTime)!?$/.test(String(f.type)));
  if (scalar) return ` { ${scalar.name} }`;
  const first = fields[0]!;
  return ` { ${first.name}${selectionFor(schema, String(first.type))} }`;
}

// Record-level refusals: the route is open to the role (the gate lets it through), the
// record is not; the service refuses. Those refused with 403 go through assertCan and are
// audited. Those concealed as 404 (a record outside an agent's tickets, another's grant)
// are audited too (reason NOT_VISIBLE), though the caller still gets 404.
describe('record-level refusals', () => {
  type Expect = { status: number; code: string; resource: { type: string; id: string } };
  async function refusalMisses(
    cases: Array<{
      what: string;
      credential: Credential;
      rest?: { method: string; url: string; body?: unknown };
      gql?: string;
      expect: Expect;
    }>,
  ): Promise<string[]> {
    const found: string[] = [];
    const sent: Array<{ what: string; requestId: string; credential: Credential; expect: Expect }> = [];
    for (const c of cases) {
      const requestId = requestIdFor(c.what);
      const headers = { 'x-api-key': c.credential.secret, 'x-request-id': requestId };
      const res = c.rest
        ? await t.app.inject({
            method: c.rest.method as 'GET',
            url: c.rest.url,
            headers,
            ...(c.rest.body !== undefined ? { payload: c.rest.body as object } : {}),
          })
        : await t.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query: c.gql } });
      const code = c.rest ? res.json().code : res.json().errors?.[0]?.extensions?.code;
      if ((c.rest && res.statusCode !== c.expect.status) || code !== c.expect.code) {
        found.push(`${c.what}: answered ${res.statusCode} ${res.body.slice(0, 200)}`);
        continue;
      }
      sent.push({ what: c.what, requestId, credential: c.credential, expect: c.expect });
    }
    const events = await auditEvents(t.database.db, tenant.tenantId);
    for (const s of sent) {
      const denied = events.filter((e) => e['requestId'] === s.requestId && e['outcome'] === 'denied');
      if (denied.length !== 1) {
        found.push(`${s.what}: ${denied.length} denied events (want 1)`);
        continue;
      }
      const e = denied[0]!;
      if (
        e['actor']?.id !== s.credential.keyId ||
        e['resource']?.type !== s.expect.resource.type ||
        e['resource']?.id !== s.expect.resource.id
      ) {
        found.push(
          `${s.what}: denied event names ${JSON.stringify(e['actor'])} ${JSON.stringify(e['resource'])} (want ${s.credential.keyId} ${JSON.stringify(s.expect.resource)})`,
        );
      }
    }
    return found;
  }

  it("403 refusals by the service (assertCan) are audited: a scoped key manager minting a staff key, reviewing one's own grant", async () => {
    const manager = await credentialFor('integration(api-keys:manage)', ['integration'], ['api-keys:manage']);
    const dual = await credentialFor('supervisor+privacy_officer', ['supervisor', 'privacy_officer'], []);
    const opened = await t.app.inject({
      method: 'POST',
      url: '/v1/break-glass',
      headers: { 'x-api-key': dual.secret },
      payload: {
        resourceType: 'Contact',
        resourceId: ids['Contact'],
        reason: 'patient unconscious in ED',
        durationMinutes: 5,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const own = opened.json().id as string;
    const forbidden = (resource: { type: string; id: string }): Expect => ({
      status: 403,
      code: 'FORBIDDEN',
      resource,
    });
    const found = await refusalMisses([
      {
        what: 'POST /v1/api-keys (staff role) as a scoped key manager',
        credential: manager,
        rest: { method: 'POST', url: '/v1/api-keys', body: { name: 'staff key', roles: ['agent'] } },
        expect: forbidden({ type: 'ApiKey', id: '*' }),
      },
      {
        what: 'Mutation.createApiKey (staff role) as a scoped key manager',
        credential: manager,
        gql: 'mutation { createApiKey(input: { name: "staff key", roles: [agent] }) { secret } }',
        expect: forbidden({ type: 'ApiKey', id: '*' }),
      },
      {
        what: "POST /v1/break-glass/:id/review of one's own grant",
        credential: dual,
        rest: { method: 'POST', url: `/v1/break-glass/${own}/review`, body: { outcome: 'justified' } },
        expect: forbidden({ type: 'BreakGlass', id: own }),
      },
      {
        what: "Mutation.reviewBreakGlass of one's own grant",
        credential: dual,
        gql: `mutation { reviewBreakGlass(id: "${own}", input: { outcome: "justified" }) { id } }`,
        expect: forbidden({ type: 'BreakGlass', id: own }),
      },
    ]);
    expect(found, found.join('\n')).toEqual([]);
  });

  // KNOWN GAP (issue 13): a record outside the caller's policy is answered 404, so its
  // existence is not disclosed to the caller, but the attempt is on record
  it("404 refusals of records outside an agent's reach are audited as denied", async () => {
    const agent = await credentialFor('agent', ['agent'], []);
    const hidden = (type: string, id: string): Expect => ({ status: 404, code: 'NOT_FOUND', resource: { type, id } });
    const ticket = ids['Ticket']!;
    const comment = ids['Comment']!;
    const grant = ids['BreakGlass']!;
    const found = await refusalMisses([
      {
        what: 'GET /v1/tickets/:id',
        credential: agent,
        rest: { method: 'GET', url: `/v1/tickets/${ticket}` },
        expect: hidden('Ticket', ticket),
      },
      {
        what: 'PATCH /v1/tickets/:id',
        credential: agent,
        rest: { method: 'PATCH', url: `/v1/tickets/${ticket}`, body: restBodies['PATCH /v1/tickets/:id'] },
        expect: hidden('Ticket', ticket),
      },
      {
        what: 'GET /v1/tickets/:id/timeline',
        credential: agent,
        rest: { method: 'GET', url: `/v1/tickets/${ticket}/timeline` },
        expect: hidden('Ticket', ticket),
      },
      {
        what: 'GET /v1/tickets/:id/comments',
        credential: agent,
        rest: { method: 'GET', url: `/v1/tickets/${ticket}/comments` },
        expect: hidden('Ticket', ticket),
      },
      {
        what: 'POST /v1/tickets/:id/comments',
        credential: agent,
        rest: {
          method: 'POST',
          url: `/v1/tickets/${ticket}/comments`,
          body: restBodies['POST /v1/tickets/:id/comments'],
        },
        expect: hidden('Ticket', ticket),
      },
      {
        what: 'PATCH /v1/comments/:id',
        credential: agent,
        rest: { method: 'PATCH', url: `/v1/comments/${comment}`, body: restBodies['PATCH /v1/comments/:id'] },
        expect: hidden('Comment', comment),
      },
      {
        what: "GET /v1/break-glass/:id (a supervisor's grant)",
        credential: agent,
        rest: { method: 'GET', url: `/v1/break-glass/${grant}` },
        expect: hidden('BreakGlass', grant),
      },
      {
        what: "POST /v1/break-glass/:id/close (a supervisor's grant)",
        credential: agent,
        rest: { method: 'POST', url: `/v1/break-glass/${grant}/close` },
        expect: hidden('BreakGlass', grant),
      },
      {
        what: 'Query.ticket',
        credential: agent,
        gql: `{ ticket(id: "${ticket}") { id } }`,
        expect: hidden('Ticket', ticket),
      },
      {
        what: 'Mutation.editComment',
        credential: agent,
        gql: `mutation { editComment(id: "${comment}", body: "edited") { id } }`,
        expect: hidden('Comment', comment),
      },
      {
        what: 'Mutation.closeBreakGlass',
        credential: agent,
        gql: `mutation { closeBreakGlass(id: "${grant}") { id } }`,
        expect: hidden('BreakGlass', grant),
      },
    ]);
    expect(found, found.join('\n')).toEqual([]);
  });
});
