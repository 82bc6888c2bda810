// Patient-rights test kit: a desk with a privacy officer, patients with tickets and
// comments made through the API, and the services' deps with a controlled clock for tests
// that move time (the same database, master key and audit inbox as the app under test).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../src/auth/actor.js';
import { createAuditInbox } from '../../src/audit/index.js';
import { Keyring } from '../../src/crypto/index.js';
import { PgTenantKeyStore } from '../../src/crypto/pg-tenant-key-store.js';
import type { PatientRightsDeps } from '../../src/patient-rights/patient-rights.model.js';
import type { TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { canary, desk, ok, type Desk } from '../tickets/helpers.js';

export interface RightsDesk extends Desk {
  officer: Client;
  officerKeyId: string;
}

export async function rightsDesk(t: TestApp, opts: Parameters<typeof desk>[1] = {}): Promise<RightsDesk> {
  const d = await desk(t, opts);
  const key = await mintKey(t.app, d.adminKey, ['privacy_officer']);
  return { ...d, officer: client(t.app, { apiKey: key.secret }), officerKeyId: key.id };
}

export interface Patient {
  id: string;
  name: string;
  tickets: string[];
  comments: string[];
  /** every PHI text typed for this patient (subjects, descriptions, bodies) */
  texts: string[];
}

/** A contact with `tickets` tickets, each with a public reply and an internal note. */
export async function patient(d: Desk, label: string, tickets = 2): Promise<Patient> {
  const name = canary(`${label}NAME`);
  const contact = await ok(d.supervisor.post('/v1/contacts', { name, mrn: canary(`${label}MRN`) }), 201);
  const p: Patient = { id: contact.id, name, tickets: [], comments: [], texts: [name] };
  for (let i = 0; i < tickets; i++) {
    const subject = canary(`${label}SUBJ${i}`);
    const description = canary(`${label}DESC${i}`);
    const ticket = await ok(d.supervisor.post('/v1/tickets', { subject, description, requesterId: contact.id }), 201);
    p.tickets.push(ticket.id);
    p.texts.push(subject, description);
    for (const isPublic of [true, false]) {
      const body = canary(`${label}${isPublic ? 'REPLY' : 'NOTE'}${i}`);
      const comment = await ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body, public: isPublic }), 201);
      p.comments.push(comment.id);
      p.texts.push(body);
    }
  }
  return p;
}

/** The services' deps as the app has them, with time from `clock`. */
export function rightsDeps(t: TestApp, clock: () => Date): PatientRightsDeps {
  return {
    db: t.database.db,
    audit: createAuditInbox(t.database.db, { addressHashKey: randomBytes(32) }),
    keyring: new Keyring({ masterKey: t.masterKey, store: new PgTenantKeyStore(t.database.db), cacheMaxAgeMs: 60_000 }),
    clock,
  };
}

/** A privacy officer as a service sees one (ids are the trail's, not a stored user's). */
export function officerActor(tenantId: string): Actor {
  return {
    tenantId,
    id: randomUUID(),
    kind: 'api_key',
    authMethod: 'api_key',
    roles: ['privacy_officer'],
    groupIds: [],
    scopes: [],
    mfa: false,
    requireMfaForPhi: false,
    breakGlass: [],
  };
}
