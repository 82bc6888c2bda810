// Acceptance 4: after `phidesk keys shred`, the tenant's contacts cannot be opened or
// found by blind index (not by a fresh process either), other tenants are untouched,
// and the audit chain, which records the destruction, still verifies offline
// (`phidesk audit export` + `phidesk audit verify` with the signed checkpoints).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import * as contacts from '../../src/contacts/contacts.service.js';
import { SealError, UnsealError } from '../../src/crypto/errors.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import {
  auditEventsOf,
  createContact,
  operatorDeps,
  sampleContact,
  staffTenant,
  type ContactBody,
  type StaffTenant,
} from '../contacts/helpers.js';
import { phidesk } from './cli-run.js';

let t: TestApp;
let a: StaffTenant;
let b: StaffTenant;
let env: Record<string, string>;
const aContacts = new Map<string, ContactBody>();
const bContacts = new Map<string, ContactBody>();

beforeAll(async () => {
  // a master key file outside DATA_DIR, as in production (and so no development-key banner)
  const keyFile = path.join(await mkdtemp(path.join(tmpdir(), 'phidesk-shred-key-')), 'master.key');
  t = await startTestApp({
    env: { KEY_CACHE_SECONDS: '1', AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1', MASTER_KEY_FILE: keyFile },
  });
  [a, b] = [await staffTenant(t), await staffTenant(t)];
  for (let i = 0; i < 4; i++) {
    const [ba, bb] = [sampleContact(), sampleContact()];
    aContacts.set((await createContact(a.agent, ba)).id, ba);
    bContacts.set((await createContact(b.agent, bb)).id, bb);
  }
  env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: t.config.dataDir,
    DATABASE_URL: t.database.url,
    MASTER_KEY_FILE: t.config.masterKeyFile,
    KEY_CACHE_SECONDS: '1',
  };
});
afterAll(async () => t?.close());

const agentOf = (tenantId: string): Actor => ({
  tenantId,
  id: '00000000-0000-4000-8000-00000000a6e1',
  kind: 'user',
  authMethod: 'jwt',
  roles: ['agent'],
  groupIds: [],
  scopes: [],
  mfa: true,
  requireMfaForPhi: false,
  breakGlass: [],
});

async function rejection(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure, got a result');
}

describe('crypto-shredding a tenant', () => {
  it('refuses without the slug repeated as confirmation', async () => {
    const res = await phidesk(env, 'keys', 'shred', '--tenant', a.slug, '--confirm', b.slug);
    expect(res.code).not.toBe(0);
    expect((await a.agent.get('/v1/contacts')).statusCode).toBe(200);
  });

  it('leaves its contacts unopenable and unfindable, everywhere, and the other tenant untouched', async () => {
    const shred = await phidesk(env, 'keys', 'shred', '--tenant', a.slug, '--confirm', a.slug);
    expect(shred.code, shred.stderr).toBe(0);
    expect(shred.stdout).toMatch(/backups taken before now still hold its keys/);

    const db = t.database.db;
    expect(
      (await db.selectFrom('tenants').select('status').where('id', '=', a.tenantId).executeTakeFirstOrThrow()).status,
    ).toBe('shredded');
    const keys = await db
      .selectFrom('tenant_keys')
      .select(['version', 'status', 'wrapped'])
      .where('tenant_id', '=', a.tenantId)
      .execute();
    expect(keys.map((k) => [k.version, k.status, k.wrapped.length]).sort()).toEqual([
      [0, 'destroyed', 0],
      [1, 'destroyed', 0],
    ]);
    // the ciphertext is still there; it just can never be opened again
    expect(await db.selectFrom('contacts').select('id').where('tenant_id', '=', a.tenantId).execute()).toHaveLength(
      aContacts.size,
    );

    // its credentials stop working
    expect((await a.agent.get('/v1/contacts')).statusCode).toBe(401);

    // a fresh process (no cache) can neither open, nor index, nor mint new keys for it
    const ops = operatorDeps(t);
    expect(await rejection(() => ops.keyring.keyForVersion(a.tenantId, 1))).toMatchObject({
      code: 'UNSEAL_FAILED',
      reason: 'destroyed_key_version',
    });
    expect(await rejection(() => ops.keyring.blindIndexKey(a.tenantId, 'contacts', 'mrn'))).toMatchObject({
      code: 'SEAL_FAILED',
      reason: 'tenant_shredded',
    });
    expect(await rejection(() => ops.keyring.ensureTenantKey(a.tenantId))).toMatchObject({ reason: 'tenant_shredded' });

    // and the contacts service itself, as any of its actors would reach it
    await sleep(1100); // the app's own key cache (KEY_CACHE_SECONDS=1) has expired too
    const deps = { db, audit: ops.audit, keyring: ops.keyring };
    const actor = agentOf(a.tenantId);
    for (const [id, body] of aContacts) {
      const failure = await rejection(() => contacts.getContact(deps, actor, id));
      expect(failure).toBeInstanceOf(UnsealError);
      expect(failure).toMatchObject({ reason: 'destroyed_key_version' });
      expect(JSON.stringify(failure)).not.toContain(body.name);
      const search = await rejection(() => contacts.searchContacts(deps, actor, { mrn: body.mrn }));
      expect(search).toBeInstanceOf(SealError);
      expect(search).toMatchObject({ reason: 'tenant_shredded' });
    }
    expect(await rejection(() => contacts.listContacts(deps, actor, {}))).toBeInstanceOf(UnsealError);
    expect(await rejection(() => contacts.createContact(deps, actor, sampleContact()))).toMatchObject({
      reason: 'tenant_shredded',
    });
    ops.keyring.clear();

    // the other tenant: every contact opens, search and writes work
    for (const [id, body] of bContacts) {
      const res = await b.agent.get(`/v1/contacts/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: body.name, mrn: body.mrn, email: body.email });
      expect(
        (await b.agent.post('/v1/contacts/search', { mrn: body.mrn })).json().items.map((c: { id: string }) => c.id),
      ).toEqual([id]);
    }
    await createContact(b.agent);
    expect(await db.selectFrom('tenant_keys').select('status').where('tenant_id', '=', b.tenantId).execute()).toEqual([
      { status: 'active' },
      { status: 'active' },
    ]);
  });

  it('keeps the audit trail: it records the destruction, and the chain still verifies offline', async () => {
    const events = await auditEventsOf(t, a.tenantId);
    const shred = events.find((e) => e.action === 'tenant.shred');
    expect(shred).toMatchObject({
      resource: { type: 'Tenant', id: a.tenantId },
      outcome: 'allowed',
      actor: { kind: 'system' },
    });
    expect(events.filter((e) => e.action === 'contact.create' && e.outcome === 'allowed')).toHaveLength(aContacts.size); // history survives
    expect(
      events.filter((e) => e.outcome === 'error' && e.reasonCode === 'UNSEAL_FAILED:destroyed_key_version').length,
    ).toBeGreaterThan(0);
    // the refused create above: the tenant's keys could not be used, recorded against the tenant
    expect(
      events
        .filter(
          (e) =>
            e.action === 'tenant.key_use' && e.outcome === 'error' && e.reasonCode === 'SEAL_FAILED:tenant_shredded',
        )
        .map((e) => e.resource),
    ).toContainEqual({ type: 'Tenant', id: a.tenantId });

    // wait until the sequencer has chained everything and a checkpoint covers it
    const db = t.database.db;
    for (let i = 0; i < 100; i++) {
      const pending = await db.selectFrom('audit_inbox').select('id').where('tenant_id', '=', a.tenantId).execute();
      if (pending.length === 0) break;
      await sleep(100);
    }
    await sleep(1500); // one checkpoint interval
    const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-shred-audit-'));
    const file = path.join(dir, 'a.ndjson');
    const exported = await phidesk(
      env,
      'audit',
      'export',
      '--tenant',
      a.slug,
      '--out',
      file,
      '--checkpoints-out',
      path.join(dir, 'checkpoints'),
    );
    expect(exported.code, exported.stderr).toBe(0);
    const publicKey = (await phidesk(env, 'audit', 'public-key')).stdout.trim();
    const verified = await phidesk(
      env,
      'audit',
      'verify',
      '--file',
      file,
      '--public-key',
      publicKey,
      '--checkpoints',
      path.join(dir, 'checkpoints'),
      '--json',
    );
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const report = JSON.parse(verified.stdout);
    expect(report.ok).toBe(true);
    expect(JSON.stringify(report)).toContain(a.tenantId);
  });
});
