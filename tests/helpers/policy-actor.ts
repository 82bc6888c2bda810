// An Actor built in memory for tests of the policy alone (src/policy/ability.ts), which
// need no tenant, database or request: a user with no roles, in group g1, who is contact
// c1 and proved MFA. Tests override what they examine.
import type { Actor } from '../../src/auth/actor.js';

export function policyActor(over: Partial<Actor> = {}): Actor {
  return {
    tenantId: 't',
    id: 'me',
    kind: 'user',
    authMethod: 'jwt',
    roles: [],
    groupIds: ['g1'],
    scopes: [],
    contactId: 'c1',
    mfa: true,
    requireMfaForPhi: false,
    breakGlass: [],
    ...over,
  };
}
