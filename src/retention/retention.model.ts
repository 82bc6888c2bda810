// Retention and legal hold: the shapes callers see and the checks both REST and GraphQL
// make. Ids, kinds, statuses and times are not PHI; a hold's reason is (sealed).
import { AppError } from '../errors.js';
import { isUuid } from '../ids.js';
import type { Keyring } from '../crypto/keyring.js';
import type { ServiceDeps } from '../services/scope.js';

export type RetentionDeps = ServiceDeps & { keyring: Keyring };

/** Days each kind of record is kept; null keeps it for ever. */
export interface RetentionPolicyInput {
  closedTicketDays: number | null;
  commentDays: number | null;
  attachmentDays: number | null;
  contactDays: number | null;
}

export interface RetentionPolicyView extends RetentionPolicyInput {
  /** always false: audit events are never purged (the chain must verify; 164.316(b)(2): six years at least) */
  auditEventsPurged: false;
  updatedAt: Date | null;
}

export const MAX_RETENTION_DAYS = 36500;
export const policyFields = ['closedTicketDays', 'commentDays', 'attachmentDays', 'contactDays'] as const;

export function assertPolicy(input: RetentionPolicyInput): void {
  for (const field of policyFields) {
    const v = input[field];
    if (v !== null && (!Number.isInteger(v) || v < 1 || v > MAX_RETENTION_DAYS))
      throw new AppError(
        'VALIDATION_FAILED',
        `${field} must be a whole number of days, 1..${MAX_RETENTION_DAYS}, or null.`,
        [{ pointer: `/${field}`, detail: `1..${MAX_RETENTION_DAYS} or null` }],
      );
  }
}

export const holdKinds = ['contact', 'ticket', 'query'] as const;
export type HoldKind = (typeof holdKinds)[number];
export const ticketStatuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const holdStates = ['active', 'released', 'all'] as const;
export type HoldState = (typeof holdStates)[number];

export interface HoldQuery {
  createdFrom?: string | null | undefined;
  createdTo?: string | null | undefined;
  statuses?: string[] | null | undefined;
}

export interface LegalHoldInput {
  /** checked by checkHold (GraphQL passes plain strings) */
  kind: string;
  contactId?: string | null | undefined;
  ticketId?: string | null | undefined;
  query?: HoldQuery | null | undefined;
  reason: string;
}

export interface LegalHoldView {
  id: string;
  kind: HoldKind;
  contactId: string | null;
  ticketId: string | null;
  query: { createdFrom: Date | null; createdTo: Date | null; statuses: string[] | null } | null;
  /** the sealed reason, opened for those allowed to read it (read_phi); null for others */
  reason: string | null;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  releasedAt: Date | null;
  releasedBy: string | null;
}

export const MAX_REASON = 2000;

const invalid = (pointer: string, detail: string, message = `${pointer.slice(1)} ${detail}.`) =>
  new AppError('VALIDATION_FAILED', message, [{ pointer, detail }]);

const instant = (value: string | null | undefined, pointer: string): Date | null => {
  if (value === null || value === undefined) return null;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime()))
    throw invalid(pointer, 'must be an ISO 8601 date-time');
  return at;
};

export interface CheckedHold {
  kind: HoldKind;
  contactId: string | null;
  ticketId: string | null;
  createdFrom: Date | null;
  createdTo: Date | null;
  statuses: string[] | null;
}

/** The checks REST's schema makes, for GraphQL too; a hold names exactly one kind of target. */
export function checkHold(input: LegalHoldInput): CheckedHold {
  if (!(holdKinds as readonly string[]).includes(input.kind))
    throw invalid('/kind', `must be one of ${holdKinds.join(', ')}`);
  if (typeof input.reason !== 'string' || input.reason.trim().length === 0 || input.reason.length > MAX_REASON)
    throw invalid('/reason', `must be 1..${MAX_REASON} characters`, 'reason must be given (1..2000 characters).');
  const contactId = input.contactId ?? null;
  const ticketId = input.ticketId ?? null;
  const query = input.query ?? null;
  const only = (wanted: 'contactId' | 'ticketId' | 'query') => {
    for (const [field, value] of [
      ['contactId', contactId],
      ['ticketId', ticketId],
      ['query', query],
    ] as const) {
      if (field === wanted && value === null) throw invalid(`/${field}`, `is required for a ${input.kind} hold`);
      if (field !== wanted && value !== null) throw invalid(`/${field}`, `is not allowed on a ${input.kind} hold`);
    }
  };
  const none = { createdFrom: null, createdTo: null, statuses: null };
  if (input.kind === 'contact') {
    only('contactId');
    if (!isUuid(contactId!)) throw invalid('/contactId', 'must be a contact id');
    return { kind: 'contact', contactId, ticketId: null, ...none };
  }
  if (input.kind === 'ticket') {
    only('ticketId');
    if (!isUuid(ticketId!)) throw invalid('/ticketId', 'must be a ticket id');
    return { kind: 'ticket', contactId: null, ticketId, ...none };
  }
  only('query');
  const createdFrom = instant(query!.createdFrom, '/query/createdFrom');
  const createdTo = instant(query!.createdTo, '/query/createdTo');
  const statuses = query!.statuses ?? null;
  if (
    statuses !== null &&
    (statuses.length === 0 || statuses.some((s) => !(ticketStatuses as readonly string[]).includes(s)))
  )
    throw invalid('/query/statuses', `must list one or more of ${ticketStatuses.join(', ')}`);
  if (createdFrom === null && createdTo === null && statuses === null)
    throw invalid('/query', 'must name a created-at range or statuses (a hold on everything is not a query)');
  if (createdFrom && createdTo && createdFrom >= createdTo)
    throw invalid('/query/createdTo', 'must be after createdFrom');
  return {
    kind: 'query',
    contactId: null,
    ticketId: null,
    createdFrom,
    createdTo,
    statuses: statuses && [...new Set(statuses)],
  };
}

export function checkHoldState(value: string | undefined): HoldState {
  if (value === undefined) return 'active';
  if ((holdStates as readonly string[]).includes(value)) return value as HoldState;
  throw new AppError('VALIDATION_FAILED', `state must be one of ${holdStates.join(', ')}.`, [
    { parameter: 'state', detail: 'must be one of the allowed values', allowed: holdStates },
  ]);
}
