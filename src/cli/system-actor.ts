// The actor for operator commands run from the CLI: named, tenant-bound, audited like
// anyone else (kind 'system', auth method 'system').
import type { Actor } from '../auth/actor.js';

export const CLI_ACTOR_ID = '00000000-0000-0000-0000-00000000c11a';

export function cliActor(tenantId: string): Actor {
  return {
    tenantId, id: CLI_ACTOR_ID, kind: 'system', authMethod: 'system', roles: ['tenant_admin'], groupIds: [], scopes: [],
    mfa: true, requireMfaForPhi: false, breakGlass: [],
  };
}
