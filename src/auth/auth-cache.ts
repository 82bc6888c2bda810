// The authentication cache: a presented credential (API key or partner JWT) -> the actor it
// authenticated as, so a steady-state request authenticates without one SQL statement or
// signature check. Keyed by a SHA-256 of the credential: the credential itself is never kept.
//
// An entry is dropped
// - when a database trigger announces a change behind it (src/db/change-notices.ts): its key,
//   user, group membership or break-glass grant (by actor id), or its tenant's settings,
//   issuers, groups or keys (by tenant id); a notice reaches every process within a second;
// - when notices may have been missed (the listening connection dropped or came back): all;
// - at the latest of: the safety-net TTL, the credential's own end (key expiry, token exp
//   plus skew, maximum session age) and the earliest expiry of a break-glass grant it carries;
// - least recently used first, beyond maxEntries.
// Only successes are cached; a refusal is never stored, and a hit that a per-request rule
// would refuse (a key's network allowlist) is handed back to the full path, which refuses and
// audits it exactly as without the cache. While notices are not being heard nothing is cached.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ChangeNotice, ChangeNotices } from '../db/change-notices.js';
import type { Actor } from './actor.js';

/** An authenticated actor as cached: the per-request fields (requestId, clientAddress, ...) are set per request. */
export type CachedActor = Omit<Actor, 'requestId' | 'clientAddress' | 'userAgent' | 'purposeOfUse'>;

export interface AuthEntry {
  actor: CachedActor;
  /** when the credential itself stops being acceptable (expiry, session age); undefined = never */
  credentialEndsAt?: Date | undefined;
  /** an API key's network allowlist, checked on every request; null = anywhere */
  allowedCidrs?: readonly string[] | null | undefined;
}

export interface AuthCacheOptions {
  notices: ChangeNotices;
  /** safety net: no entry lives longer than this, notices or not */
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

export interface AuthCache {
  /** The cached entry for `credential`, or the loader's result (cached unless a notice arrived meanwhile). */
  resolve(credential: string, load: () => Promise<AuthEntry>): Promise<{ entry: AuthEntry; hit: boolean }>;
  /** Forgets the entry of one credential (e.g. a hit a per-request rule refused). */
  forget(credential: string): void;
  readonly size: number;
  clear(): void;
  close(): void;
}

// Tables whose notices name the actor (key or user) the entries belong to; every other
// watched table names a tenant-wide setting, and a table this code does not know drops all.
const actorTables = new Set(['api_keys', 'users', 'group_members', 'break_glass_grants']);
const tenantTables = new Set(['tenants', 'tenant_issuers', 'groups', 'tenant_keys']);

export function credentialDigest(credential: string): string {
  return createHash('sha256').update(credential, 'utf8').digest('base64url');
}

export function createAuthCache(options: AuthCacheOptions): AuthCache {
  const { notices, ttlMs } = options;
  const now = options.now ?? Date.now;
  const entries = new LRUCache<string, AuthEntry>({ max: options.maxEntries, ttl: ttlMs, allowStale: false });
  // Bumped by every notice and reset: a load that began before one must not store what it read.
  let generation = 0;

  function dropWhere(matches: (entry: AuthEntry) => boolean): void {
    const doomed: string[] = [];
    for (const [key, entry] of entries.entries()) if (matches(entry)) doomed.push(key);
    for (const key of doomed) entries.delete(key);
  }

  function onNotice(notice: ChangeNotice): void {
    generation++;
    if (actorTables.has(notice.table) && notice.id) dropWhere((e) => e.actor.id === notice.id);
    else if (tenantTables.has(notice.table) && notice.tenantId) dropWhere((e) => e.actor.tenantId === notice.tenantId);
    else entries.clear();
  }

  const unsubscribe = notices.subscribe({
    onNotice,
    onReset() {
      generation++;
      entries.clear();
    },
  });

  /** How long an entry may live: the TTL, cut short by the credential's end and its earliest grant. */
  function lifetimeMs(entry: AuthEntry): number {
    const at = now();
    let until = at + ttlMs;
    if (entry.credentialEndsAt) until = Math.min(until, entry.credentialEndsAt.getTime());
    for (const grant of entry.actor.breakGlass) until = Math.min(until, grant.expiresAt.getTime());
    return until - at;
  }

  return {
    async resolve(credential, load) {
      const key = credentialDigest(credential);
      const cached = notices.listening ? entries.get(key) : undefined;
      if (cached && lifetimeMs(cached) > 0) return { entry: cached, hit: true };
      const startedAt = generation;
      const listeningAtStart = notices.listening;
      const entry = await load();
      const ttl = lifetimeMs(entry);
      if (listeningAtStart && notices.listening && generation === startedAt && ttl > 0)
        entries.set(key, entry, { ttl: Math.ceil(ttl) });
      return { entry, hit: false };
    },
    forget(credential) {
      entries.delete(credentialDigest(credential));
    },
    get size() {
      return entries.size;
    },
    clear() {
      generation++;
      entries.clear();
    },
    close() {
      unsubscribe();
      entries.clear();
    },
  };
}
