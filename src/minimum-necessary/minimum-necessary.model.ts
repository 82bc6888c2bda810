// Minimum necessary on the way out (45 CFR 164.502(b), 164.514(d)(2)): per tenant, the PHI
// fields each class of staff (a role) needs, per record type. A (record type, role) pair the
// tenant lists opens only those fields; a pair it does not list keeps every field the role's
// read_phi allows. The lists live on the tenant row (tenants.minimum_necessary, migration
// 0031), ride on the Actor from authentication, and become CASL field rules in
// src/policy/ability.ts, which the contact and ticket views consult field by field.
import type { Role } from '../auth/actor.js';
import { phiFields as contactPhiFields } from '../contacts/contacts.model.js';
import type { ErrorDetail } from '../errors.js';
import { ticketPhiFields } from '../tickets/ticket-view.js';

/** The record types a tenant may narrow, and the PHI fields of each (the views' own lists). */
export const minimumNecessaryFields = {
  Contact: contactPhiFields,
  Ticket: ticketPhiFields,
  // a comment's one PHI field: its sealed body (replies and internal notes alike)
  Comment: ['body'],
} as const satisfies Record<string, readonly string[]>;
export type MinimumNecessaryRecordType = keyof typeof minimumNecessaryFields;
export const minimumNecessaryRecordTypes = Object.keys(minimumNecessaryFields) as MinimumNecessaryRecordType[];

/**
 * The roles a list may name: those whose read_phi opens contacts or tickets. Not `requester`:
 * a patient's access to their own record is exempt (164.502(b)(2)(ii)); not `tenant_admin` or
 * `auditor`: they never see PHI on these records, so a list for them would mean nothing.
 */
export const minimumNecessaryRoles = [
  'privacy_officer',
  'supervisor',
  'agent',
  'integration',
] as const satisfies readonly Role[];
export type MinimumNecessaryRole = (typeof minimumNecessaryRoles)[number];

/** The tenant's lists: record type -> role -> the PHI fields opened for it. */
export type MinimumNecessary = {
  readonly [T in MinimumNecessaryRecordType]?: { readonly [R in MinimumNecessaryRole]?: readonly string[] };
};

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/**
 * Every problem of a proposed setting, each with its JSON pointer (under `base`) and the
 * values allowed there; empty when the setting is valid. Record types, roles and fields are
 * names from closed lists, never PHI, so pointers may carry them.
 */
export function invalidMinimumNecessary(input: unknown, base = ''): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!isObject(input))
    return [
      { pointer: base || '/', detail: 'must be an object keyed by record type', allowed: minimumNecessaryRecordTypes },
    ];
  for (const [type, byRole] of Object.entries(input)) {
    const typePointer = `${base}/${escapePointer(type)}`;
    if (!has(minimumNecessaryRecordTypes, type)) {
      problems.push({
        pointer: typePointer,
        detail: 'not a record type with PHI fields',
        allowed: minimumNecessaryRecordTypes,
      });
      continue;
    }
    if (!isObject(byRole)) {
      problems.push({
        pointer: typePointer,
        detail: 'must be an object keyed by role',
        allowed: minimumNecessaryRoles,
      });
      continue;
    }
    const fields: readonly string[] = minimumNecessaryFields[type];
    for (const [role, list] of Object.entries(byRole)) {
      const rolePointer = `${typePointer}/${escapePointer(role)}`;
      if (!has(minimumNecessaryRoles, role)) {
        problems.push({
          pointer: rolePointer,
          detail: 'not a role minimum necessary applies to',
          allowed: minimumNecessaryRoles,
        });
        continue;
      }
      if (!Array.isArray(list)) {
        problems.push({ pointer: rolePointer, detail: 'must be a list of field names', allowed: fields });
        continue;
      }
      const seen = new Set<string>();
      list.forEach((field: unknown, i) => {
        const pointer = `${rolePointer}/${i}`;
        if (typeof field !== 'string' || !fields.includes(field))
          problems.push({ pointer, detail: `not a PHI field of ${type}`, allowed: fields });
        else if (seen.has(field)) problems.push({ pointer, detail: 'listed twice', allowed: fields });
        else seen.add(field);
      });
    }
  }
  return problems;
}

/**
 * The stored setting as the code uses it. What is stored was validated on the way in; this
 * keeps only known names all the same (a role or field renamed later must not break
 * authentication), and orders fields as the record type lists them.
 */
export function minimumNecessaryFrom(stored: unknown): MinimumNecessary {
  if (!isObject(stored)) return {};
  const out: Record<string, Record<string, string[]>> = {};
  for (const type of minimumNecessaryRecordTypes) {
    const byRole = stored[type];
    if (!isObject(byRole)) continue;
    const fields: readonly string[] = minimumNecessaryFields[type];
    const roles: Record<string, string[]> = {};
    for (const role of minimumNecessaryRoles) {
      const list = byRole[role];
      if (Array.isArray(list)) roles[role] = fields.filter((f) => list.includes(f));
    }
    if (Object.keys(roles).length > 0) out[type] = roles;
  }
  return out as MinimumNecessary;
}

/**
 * The PHI fields of `type` an actor with these roles may have opened, or null for all of
 * them: the union over the roles that read PHI of this type (`readsPhi`), a role the tenant
 * did not list counting as all fields.
 */
export function allowedFieldsFor(
  lists: MinimumNecessary | undefined,
  type: MinimumNecessaryRecordType,
  roles: readonly Role[],
  readsPhi: (role: Role) => boolean,
): readonly string[] | null {
  const byRole = lists?.[type];
  if (!byRole) return null;
  const allowed = new Set<string>();
  for (const role of roles) {
    if (!readsPhi(role)) continue;
    const list = has(minimumNecessaryRoles, role) ? byRole[role] : undefined;
    if (!list) return null;
    for (const f of list) allowed.add(f);
  }
  return minimumNecessaryFields[type].filter((f) => allowed.has(f));
}
