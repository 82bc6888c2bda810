// inTenant(): how every service use case touches data. It builds the actor's ability,
// opens a tenant-scoped transaction (runtime role + RLS), lets the use case record
// audit events, and writes those events in the same transaction before commit, so no
// data leaves and no change lands without its events.
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { inTenantTx, type Tx } from '../db/tenant-tx.js';
import { AppError } from '../errors.js';
import { defineAbilityFor, type Action, type AppAbility, type SubjectType } from '../policy/ability.js';
import type { AuditEventInput, AuditPort } from './audit-port.js';

export interface ServiceDeps {
  db: Kysely<Database>;
  audit: AuditPort;
}

export interface Scope {
  tx: Tx;
  actor: Actor;
  ability: AppAbility;
  /** Records an event; written in this transaction before commit. */
  record(event: AuditEventInput): void;
  /** Throws FORBIDDEN (recorded as a denial) unless the actor may do `action` on `subject`. */
  assertCan(action: Action, subject: SubjectType, record?: Record<string, unknown>): void;
}

/** Checks a CASL rule against a plain record (conditions use camelCase record fields). */
export function can(ability: AppAbility, action: Action, subject: SubjectType, record?: Record<string, unknown>): boolean {
  if (!record) return ability.can(action, subject);
  // CASL detects a plain object's subject type through this property.
  return ability.can(action, { ...record, __caslSubjectType__: subject } as never);
}

export async function inTenant<T>(deps: ServiceDeps, actor: Actor, fn: (scope: Scope) => Promise<T>): Promise<T> {
  const ability = defineAbilityFor(actor);
  const events: AuditEventInput[] = [];
  let denial: AuditEventInput | undefined;
  try {
    return await inTenantTx(deps.db, actor.tenantId, async (tx) => {
      const scope: Scope = {
        tx,
        actor,
        ability,
        record: (event) => { events.push(event); },
        assertCan: (action, subject, record) => {
          if (can(ability, action, subject, record)) return;
          denial = { action: `${subject.toLowerCase()}.${action}`, resourceType: subject, resourceId: record?.['id'] as string | undefined, outcome: 'denied', reasonCode: 'FORBIDDEN' };
          throw new AppError('FORBIDDEN', `You are not allowed to ${action.replace('_', ' ')} this ${subject}.`);
        },
      };
      const result = await fn(scope);
      if (events.length > 0) await deps.audit.writeInTx(tx, actor, events);
      return result;
    });
  } catch (e) {
    // The transaction rolled back; denials are still worth keeping (164.312(b)).
    if (denial) await deps.audit.writeDetached(actor.tenantId, actor, [denial]);
    throw e;
  }
}
