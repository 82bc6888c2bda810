// One way to say no: the message of every FORBIDDEN, whether the REST or GraphQL gate refused
// the operation or a service refused the record. It says in words what was refused and what
// would allow it: the scope an API key lacks, the multi-factor sign-in a tenant requires for
// PHI, or the caller's roles. Never a value of the record.
import type { Actor } from '../auth/actor.js';
import { defineAbilityFor, scopeCatalogue, type Action, type SubjectType } from './ability.js';

const verbs: Partial<Record<Action, string>> = { read_phi: 'read the PHI of' };

/** An integration key holding one scope, to ask CASL which scopes grant what. */
const scopeProbe = (scope: string): Actor => ({
  tenantId: '00000000-0000-4000-8000-000000000000',
  id: '00000000-0000-4000-8000-000000000000',
  kind: 'api_key',
  authMethod: 'api_key',
  roles: ['integration'],
  groupIds: [],
  scopes: [scope],
  mfa: true,
  requireMfaForPhi: false,
  breakGlass: [],
});

const granting = new Map<string, string[]>();

/** The scopes any one of which lets an integration key do `action` on `subject`. */
export function scopesGranting(action: Action, subject: SubjectType): string[] {
  const key = `${action} ${subject}`;
  let scopes = granting.get(key);
  if (!scopes) {
    scopes = Object.keys(scopeCatalogue).filter((s) => defineAbilityFor(scopeProbe(s)).can(action, subject));
    granting.set(key, scopes);
  }
  return scopes;
}

/**
 * "You are not allowed to <verb> <what>: <why>." `what` defaults to the subject's records
 * (a gate's refusal); a service names the record ("this Ticket").
 */
export function refusalMessage(actor: Actor, action: Action, subject: SubjectType, what?: string): string {
  const refused = `You are not allowed to ${verbs[action] ?? action.replace('_', ' ')} ${what ?? `${subject} records`}`;
  if (action === 'read_phi' && actor.requireMfaForPhi && !actor.mfa)
    return `${refused}: this tenant requires a multi-factor sign-in (an amr claim proving it) to read PHI.`;
  if (actor.kind === 'api_key' && actor.roles.includes('integration')) {
    const scopes = scopesGranting(action, subject);
    if (scopes.length > 0) return `${refused}: this API key needs the ${scopes.join(' or ')} scope.`;
  }
  return `${refused}: your roles (${actor.roles.join(', ') || 'none'}) do not allow it.`;
}
