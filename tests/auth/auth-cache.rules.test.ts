// The authentication cache's own rules (src/auth/auth-cache.ts), with notices handed in by
// hand: what each notice drops, what bounds an entry's life, and that a load overtaken by a
// notice, or begun while notices are not heard, is never stored. The database side of
// notices: identity/change-notices; the cache in a real app: auth-cache and its processes test.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import { createAuthCache, credentialDigest, type AuthEntry } from '../../src/auth/auth-cache.js';
import type { ChangeNotice, ChangeNotices, ChangeSubscriber } from '../../src/db/change-notices.js';

function handNotices() {
  const subscribers = new Set<ChangeSubscriber>();
  const notices = {
    listening: true as boolean,
    subscribe(s: ChangeSubscriber) {
      subscribers.add(s);
      return () => subscribers.delete(s);
    },
    caughtUp: async () => undefined,
    close: async () => undefined,
  } satisfies ChangeNotices;
  return {
    notices,
    send: (n: ChangeNotice) => subscribers.forEach((s) => s.onNotice(n)),
    reset: () => subscribers.forEach((s) => s.onReset()),
  };
}

const base: Omit<Actor, 'id' | 'tenantId'> = {
  kind: 'api_key',
  authMethod: 'api_key',
  roles: ['agent'],
  groupIds: [],
  scopes: [],
  mfa: false,
  requireMfaForPhi: false,
  breakGlass: [],
};
const entry = (id: string, tenantId: string, extra: Partial<AuthEntry> = {}): AuthEntry => ({
  actor: { ...base, id, tenantId },
  ...extra,
});

function setup(ttlMs = 30_000) {
  const hand = handNotices();
  let clock = 1_000_000;
  const cache = createAuthCache({ notices: hand.notices, ttlMs, maxEntries: 100, now: () => clock });
  let loads = 0;
  /** resolves `credential`, counting loads; the loader answers `value` */
  const resolve = async (credential: string, value: AuthEntry) =>
    (
      await cache.resolve(credential, async () => {
        loads++;
        return value;
      })
    ).hit;
  return { hand, cache, resolve, loads: () => loads, advance: (ms: number) => (clock += ms) };
}

describe('what a notice drops', () => {
  it('an actor notice drops that actor’s entries, a tenant notice the tenant’s, an unknown table all', async () => {
    const { hand, cache, resolve } = setup();
    await resolve('key-a', entry('a', 't1'));
    await resolve('key-b', entry('b', 't1'));
    await resolve('key-c', entry('c', 't2'));
    hand.send({ table: 'api_keys', tenantId: 't1', id: 'a' });
    expect(await resolve('key-b', entry('b', 't1'))).toBe(true);
    expect(await resolve('key-a', entry('a', 't1'))).toBe(false);
    hand.send({ table: 'tenant_issuers', tenantId: 't1', id: 'issuer-1' });
    expect(await resolve('key-c', entry('c', 't2'))).toBe(true);
    expect(await resolve('key-b', entry('b', 't1'))).toBe(false);
    hand.send({ table: 'something_new', tenantId: null, id: null });
    expect(cache.size).toBe(0);
  });

  it('a reset (notices may have been missed) drops everything', async () => {
    const { hand, cache, resolve } = setup();
    await resolve('key-a', entry('a', 't1'));
    hand.reset();
    expect(cache.size).toBe(0);
  });
});

describe('what a load may store', () => {
  it('nothing when a notice arrived while it ran (it may have read the old row)', async () => {
    const { hand, cache } = setup();
    await cache.resolve('key-a', async () => {
      hand.send({ table: 'api_keys', tenantId: 't1', id: 'a' });
      return entry('a', 't1');
    });
    expect(cache.size).toBe(0);
  });

  it('nothing while notices are not heard, and no hit is served then', async () => {
    const { hand, resolve } = setup();
    await resolve('key-a', entry('a', 't1'));
    hand.notices.listening = false;
    expect(await resolve('key-a', entry('a', 't1'))).toBe(false);
    expect(await resolve('key-b', entry('b', 't1'))).toBe(false);
    hand.notices.listening = true;
    expect(await resolve('key-b', entry('b', 't1'))).toBe(false);
  });

  it('keys entries by a digest: the credential itself is not kept', () => {
    expect(credentialDigest('phk_secret')).not.toContain('phk_secret');
    expect(credentialDigest('phk_secret')).toHaveLength(43);
  });
});

describe('what bounds an entry', () => {
  it('the TTL, the credential’s end and the earliest break-glass grant, whichever comes first', async () => {
    const { resolve, advance, loads } = setup(30_000);
    const now = 1_000_000;
    await resolve('ttl', entry('a', 't1'));
    await resolve('token', entry('b', 't1', { credentialEndsAt: new Date(now + 5_000) }));
    const grant = { resourceType: 'Ticket' as const, resourceId: 'r', expiresAt: new Date(now + 2_000) };
    await resolve('grant', { actor: { ...base, id: 'c', tenantId: 't1', breakGlass: [grant] } });
    expect(loads()).toBe(3);
    advance(1_000);
    for (const c of ['ttl', 'token', 'grant']) expect(await resolve(c, entry('x', 't1'))).toBe(true);
    advance(1_500); // past the grant
    expect(await resolve('grant', entry('c', 't1'))).toBe(false);
    expect(await resolve('token', entry('b', 't1', { credentialEndsAt: new Date(now + 5_000) }))).toBe(true);
    advance(3_000); // past the token
    expect(await resolve('token', entry('b', 't1', { credentialEndsAt: new Date(now + 5_000) }))).toBe(false);
    expect(await resolve('ttl', entry('a', 't1'))).toBe(true);
  });
});
