// The actor for operator commands run from the CLI: named, tenant-bound, audited like
// anyone else (kind 'system', auth method 'system').
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { createAuditInbox } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { ServiceDeps } from '../services/scope.js';

export const CLI_ACTOR_ID = '00000000-0000-0000-0000-00000000c11a';

export function cliActor(tenantId: string): Actor {
  return {
    tenantId,
    id: CLI_ACTOR_ID,
    kind: 'system',
    authMethod: 'system',
    roles: ['tenant_admin'],
    groupIds: [],
    scopes: [],
    mfa: true,
    requireMfaForPhi: false,
    breakGlass: [],
  };
}

/** Service dependencies for a command: its events go to the audit inbox, chained by a running server's sequencer. */
export function cliDeps(db: Kysely<Database>): ServiceDeps {
  // The CLI has no client addresses to hash, so any key will do.
  return { db, audit: createAuditInbox(db, { addressHashKey: randomBytes(32) }) };
}
