// Shared set-up for the contacts suites: a tenant with staff keys minted through the
// API, contact factories, and read access to audit events whichever table (inbox or
// chained trail) they are in when the test looks.
import { auditEvents } from '../helpers/audit.js';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { createAuditInbox } from '../../src/audit/index.js';
import { cliActor } from '../../src/cli/system-actor.js';
import { Keyring, type MasterKeyProvider } from '../../src/crypto/index.js';
import { PgTenantKeyStore } from '../../src/crypto/pg-tenant-key-store.js';
import type { KeysDeps } from '../../src/keys/keys.service.js';
import { client, mintKey, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';

export interface StaffTenant extends SeededTenant {
  admin: Client;
  agent: Client;
  supervisor: Client;
  agentKeyId: string;
}

export async function staffTenant(t: TestApp): Promise<StaffTenant> {
  const tenant = await seedTenant(t);
  const agent = await mintKey(t.app, tenant.adminKey, ['agent']);
  const supervisor = await mintKey(t.app, tenant.adminKey, ['supervisor']);
  return {
    ...tenant,
    admin: client(t.app, { apiKey: tenant.adminKey }),
    agent: client(t.app, { apiKey: agent.secret }),
    supervisor: client(t.app, { apiKey: supervisor.secret }),
    agentKeyId: agent.id,
  };
}

/** A value no test data could contain by chance, in a form that survives every normaliser. */
export function canary(label: string): string {
  return `CANARY${label}${randomBytes(6).toString('hex').toUpperCase()}`;
}

export interface ContactBody {
  name: string;
  email?: string;
  phone?: string;
  dateOfBirth?: string;
  address?: Record<string, string>;
  mrn?: string;
  healthPlanMemberId?: string;
  externalIds?: Array<{ system: string; value: string }>;
}

let sequence = 0;

/** A complete contact with unique values in every PHI field. */
export function sampleContact(overrides: Partial<ContactBody> = {}): ContactBody {
  const n = ++sequence;
  const tag = randomBytes(4).toString('hex');
  return {
    name: `Pat ${tag} Example`,
    email: `pat.${tag}@example.org`,
    phone: `+1 555 01${String(n).padStart(2, '0')} ${String(Math.floor(Math.random() * 9000) + 1000)}`,
    dateOfBirth: `19${String(40 + (n % 50))}-0${1 + (n % 9)}-1${n % 10}`,
    address: { line1: `${n} Elm Street ${tag}`, city: 'Springfield', postalCode: '12345', country: 'US' },
    mrn: `MRN-${tag}-${n}`,
    healthPlanMemberId: `HP${tag}${n}`,
    externalIds: [{ system: 'fhir', value: `Patient/${tag}${n}` }],
    ...overrides,
  };
}

export async function createContact(
  c: Client,
  body: ContactBody = sampleContact(),
): Promise<{ id: string; [k: string]: unknown }> {
  const res = await c.post('/v1/contacts', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export interface StoredEvent {
  action: string;
  resource: { type: string; id: string };
  subjectContactId: string | null;
  phiFields: string[];
  outcome: string;
  reasonCode: string | null;
  actor: { id: string; kind: string };
}

/** Every audit event of a tenant, chained or still in the inbox, oldest first. */
export async function auditEventsOf(t: TestApp, tenantId: string): Promise<StoredEvent[]> {
  const all = (await auditEvents(t.database.db, tenantId)) as Array<StoredEvent & { id: string; occurredAt: string }>;
  const seen = new Set<string>();
  const events: StoredEvent[] = [];
  for (const event of all.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
    if (seen.has(event.id)) continue; // moved from the inbox to the chain between the two reads
    seen.add(event.id);
    events.push(event);
  }
  return events;
}

/** Polls briefly: detached events (failures) are group-committed just after the response. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * What `phidesk keys ...` builds in its own process: a separate Keyring over the same
 * database and master key, so the app under test only learns of rotations the way a
 * real server does (when its cache expires).
 */
export function operatorDeps(
  t: TestApp,
  opts: { masterKey?: MasterKeyProvider; previousMasterKeys?: MasterKeyProvider[]; cacheMaxAgeMs?: number } = {},
): KeysDeps {
  const store = new PgTenantKeyStore(t.database.db);
  const cacheMaxAgeMs = opts.cacheMaxAgeMs ?? t.config.keyCacheSeconds * 1000;
  return {
    db: t.database.db,
    audit: createAuditInbox(t.database.db, { addressHashKey: randomBytes(32) }),
    keyring: new Keyring({
      masterKey: opts.masterKey ?? t.masterKey,
      previousMasterKeys: opts.previousMasterKeys,
      store,
      cacheMaxAgeMs,
    }),
    store,
    cacheMaxAgeMs,
    actorFor: cliActor,
  };
}
