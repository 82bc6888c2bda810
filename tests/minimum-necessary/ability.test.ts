// Minimum necessary as CASL field rules (src/policy/ability.ts): the union over an actor's
// roles, a role counting only for the record types it reads PHI of, a role not listed
// opening every field, and a break-glass grant opening every field of its record only.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import { defineAbilityFor } from '../../src/policy/ability.js';
import { policyActor } from '../helpers/policy-actor.js';
import { phiFields } from '../../src/contacts/contacts.model.js';

const base = policyActor({
  contactId: undefined,
  minimumNecessary: { Contact: { agent: ['name', 'phone'], supervisor: ['name', 'mrn'] } },
});

const contact = (id: string) => ({ __caslSubjectType__: 'Contact', id }) as never;
const opened = (actor: Partial<Actor>, id = 'c1') => {
  const ability = defineAbilityFor({ ...base, ...actor });
  return phiFields.filter((f) => ability.can('read_phi', contact(id), f));
};

describe('minimum-necessary field rules', () => {
  it('open only the listed fields, and still answer for the record as a whole', () => {
    expect(opened({ roles: ['agent'] })).toEqual(['name', 'phone']);
    expect(defineAbilityFor({ ...base, roles: ['agent'] }).can('read_phi', contact('c1'))).toBe(true);
  });

  it('give several roles the union of their lists; a role not listed opens everything', () => {
    expect(opened({ roles: ['agent', 'supervisor'] })).toEqual(['name', 'phone', 'mrn']);
    expect(opened({ roles: ['agent', 'privacy_officer'] })).toEqual([...phiFields]);
  });

  it('count a role only where it reads PHI: an agent who also audits keeps the agent list', () => {
    expect(opened({ roles: ['agent', 'auditor'] })).toEqual(['name', 'phone']);
    expect(opened({ roles: ['agent', 'tenant_admin'] })).toEqual(['name', 'phone']);
  });

  it('an integration key without phi:read opens nothing; with it, its list if any', () => {
    expect(opened({ roles: ['integration'], scopes: ['contacts:read'] })).toEqual([]);
    expect(opened({ roles: ['integration'], scopes: ['phi:read'] })).toEqual([...phiFields]);
    const listed = { Contact: { integration: ['mrn'] } } as const;
    expect(opened({ roles: ['integration'], scopes: ['phi:read'], minimumNecessary: listed })).toEqual(['mrn']);
  });

  it('break-glass opens every field of its record until it expires, no other record', () => {
    const now = new Date();
    const grant = { resourceType: 'Contact' as const, resourceId: 'c42', expiresAt: new Date(now.getTime() + 60_000) };
    expect(opened({ roles: ['agent'], breakGlass: [grant] }, 'c42')).toEqual([...phiFields]);
    expect(opened({ roles: ['agent'], breakGlass: [grant] }, 'c43')).toEqual(['name', 'phone']);
    const expired = { ...grant, expiresAt: new Date(now.getTime() - 1) };
    expect(opened({ roles: ['agent'], breakGlass: [expired] }, 'c42')).toEqual(['name', 'phone']);
  });

  it('no lists (system actors, tenants that set none): every field', () => {
    expect(opened({ roles: ['agent'], minimumNecessary: undefined })).toEqual([...phiFields]);
    expect(opened({ roles: ['agent'], minimumNecessary: {} })).toEqual([...phiFields]);
  });
});
