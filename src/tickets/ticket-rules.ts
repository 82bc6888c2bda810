// The ticket's closed vocabularies and rules that need no database: status transitions,
// tag syntax, custom-field typing. Services and both transports share them.
import { AppError } from '../errors.js';
import type { CustomFieldType, TicketChannel, TicketPriority, TicketStatus, TicketType } from '../db/database.js';
import { isUuid } from '../ids.js';

export const statuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];
export const priorities: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
export const ticketTypes: readonly TicketType[] = ['question', 'incident', 'problem', 'task'];
export const channels: readonly TicketChannel[] = ['api', 'web', 'email', 'phone', 'chat'];

/** Allowed moves; closed is final (a follow-up is a new ticket). */
const transitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (from === to) return;
  if (!transitions[from].includes(to)) {
    throw new AppError('UNPROCESSABLE', `A ticket cannot move from ${from} to ${to}.`, [
      { pointer: '/status', detail: `allowed from ${from}: ${transitions[from].join(', ') || 'none'}` },
    ]);
  }
}

const tagPattern = /^[a-z0-9][a-z0-9_:-]{0,49}$/;

/** Tags are labels, lower-case and short; free text (which may hold PHI) belongs in comments. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out = [...new Set(tags.map((t) => t.trim().toLowerCase()))];
  const bad = out.find((t) => !tagPattern.test(t));
  if (bad !== undefined)
    throw new AppError('VALIDATION_FAILED', 'A tag is not valid.', [
      { pointer: '/tags', detail: 'tags are 1..50 of a-z 0-9 _ : - starting with a letter or digit' },
    ]);
  if (out.length > 50)
    throw new AppError('VALIDATION_FAILED', 'Too many tags.', [{ pointer: '/tags', detail: 'at most 50' }]);
  return out.sort();
}

export interface FieldDefinition {
  key: string;
  type: CustomFieldType;
  options: string[] | null;
  phi: boolean;
}

/** Checks values against the tenant's definitions and splits them into plain and PHI parts. */
export function splitCustomFields(
  values: Record<string, unknown>,
  defs: readonly FieldDefinition[],
): { plain: Record<string, unknown>; phi: Record<string, unknown> } {
  const plain: Record<string, unknown> = {};
  const phi: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const def = defs.find((d) => d.key === key);
    const fail = (message: string) =>
      new AppError('VALIDATION_FAILED', 'A custom field is not valid.', [
        { pointer: `/customFields/${key}`, detail: message },
      ]);
    if (!def) throw fail('no such custom field in this tenant');
    if (value !== null) {
      switch (def.type) {
        case 'text':
          if (typeof value !== 'string' || value.length > 10_000) throw fail('must be a string up to 10000 characters');
          break;
        case 'number':
          if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('must be a number');
          break;
        case 'boolean':
          if (typeof value !== 'boolean') throw fail('must be true or false');
          break;
        case 'date':
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
            throw fail('must be a date yyyy-mm-dd');
          break;
        case 'enum':
          if (typeof value !== 'string' || !def.options?.includes(value))
            throw fail(`must be one of ${def.options?.join(', ')}`);
          break;
      }
    }
    (def.phi ? phi : plain)[key] = value;
  }
  return { plain, phi };
}

export interface ExternalRef {
  /** e.g. 'fhir' */
  system: string;
  /** e.g. 'Encounter/8812' */
  value: string;
}

/**
 * Enum and length checks for input that did not pass a JSON schema (GraphQL passes
 * these as plain strings): the service must not rely on the transport to have checked.
 */
export function checkTicketInput(input: {
  subject?: unknown;
  description?: unknown;
  status?: unknown;
  priority?: unknown;
  type?: unknown;
  channel?: unknown;
  requesterId?: unknown;
  assigneeId?: unknown;
  groupId?: unknown;
  externalRefs?: unknown;
}): void {
  const fail = (path: string, message: string) =>
    new AppError('VALIDATION_FAILED', 'The ticket is invalid.', [{ pointer: path, detail: message }]);
  const oneOf = (pointer: string, value: unknown, allowed: readonly string[]) => {
    if (value !== undefined && value !== null && !allowed.includes(value as string))
      throw new AppError('VALIDATION_FAILED', 'The ticket is invalid.', [
        { pointer, detail: 'must be one of the allowed values', allowed },
      ]);
  };
  oneOf('/status', input.status, statuses);
  oneOf('/priority', input.priority, priorities);
  oneOf('/type', input.type, ticketTypes);
  oneOf('/channel', input.channel, channels);
  if (
    input.subject !== undefined &&
    (typeof input.subject !== 'string' || !input.subject.trim() || input.subject.length > 500)
  )
    throw fail('/subject', '1..500 characters');
  if (
    input.description !== undefined &&
    input.description !== null &&
    (typeof input.description !== 'string' || input.description.length > 65_536)
  )
    throw fail('/description', 'at most 65536 characters');
  // ids reach SQL as uuids: anything else would be a database error, not a caller's mistake
  for (const key of ['requesterId', 'assigneeId', 'groupId'] as const) {
    const v = input[key];
    if (v !== undefined && v !== null && !isUuid(v)) throw fail(key, 'must be a uuid');
  }
  const refs = input.externalRefs;
  if (refs !== undefined && refs !== null) {
    const ok = (r: unknown) => {
      const { system, value } = (r ?? {}) as Record<string, unknown>;
      return (
        typeof system === 'string' &&
        system.length >= 1 &&
        system.length <= 100 &&
        typeof value === 'string' &&
        value.length >= 1 &&
        value.length <= 500
      );
    };
    if (!Array.isArray(refs) || refs.length > 20 || !refs.every(ok))
      throw fail('/externalRefs', 'at most 20 of { system: 1..100, value: 1..500 characters }');
  }
}

/** The same for list filters (GraphQL passes them as plain strings and numbers). */
export function checkTicketFilters(f: {
  status?: unknown;
  priority?: unknown;
  assigneeId?: unknown;
  groupId?: unknown;
  requesterId?: unknown;
  tag?: unknown;
  sla?: unknown;
  withinMinutes?: unknown;
}): void {
  // Filters are query-string parameters over REST and field arguments over GraphQL.
  const fail = (parameter: string, detail: string, allowed?: readonly string[]) =>
    new AppError('VALIDATION_FAILED', 'The filter is invalid.', [
      { parameter, detail, ...(allowed ? { allowed } : {}) },
    ]);
  const list = (parameter: string, value: unknown, allowed: readonly string[]) => {
    if (
      value !== undefined &&
      value !== null &&
      (!Array.isArray(value) || !value.every((v) => allowed.includes(v as string)))
    )
      throw fail(parameter, 'must list only allowed values', allowed);
  };
  list('status', f.status, statuses);
  list('priority', f.priority, priorities);
  for (const key of ['assigneeId', 'groupId', 'requesterId'] as const) {
    const v = f[key];
    if (v !== undefined && v !== null && !isUuid(v)) throw fail(key, 'must be a uuid');
  }
  if (f.tag !== undefined && f.tag !== null && (typeof f.tag !== 'string' || f.tag.length > 50))
    throw fail('tag', 'at most 50 characters');
  if (f.sla !== undefined && f.sla !== null && f.sla !== 'breached' && f.sla !== 'at_risk')
    throw fail('sla', 'must be one of the allowed values', ['breached', 'at_risk']);
  const w = f.withinMinutes;
  if (w !== undefined && w !== null && (!Number.isInteger(w) || (w as number) < 1 || (w as number) > 10_080))
    throw fail('withinMinutes', 'an integer 1..10080');
}
