// What a ticket looks like to callers, and the PHI it carries. subject, description,
// PHI custom fields and EHR references are PHI (people type identifiers into free
// text); they are sealed at rest and shown only to actors with read_phi.
import type { Selectable } from 'kysely';
import type { TicketChannel, TicketPriority, TicketStatus, TicketsTable, TicketType } from '../db/database.js';
import { slaFlags } from './sla.js';
import type { ExternalRef } from './ticket-rules.js';

export const ticketPhiFields = ['subject', 'description', 'customFields', 'externalRefs'] as const;
export type TicketPhiField = (typeof ticketPhiFields)[number];
export const auditTicketFields = (fields: Iterable<TicketPhiField>): string[] => [...fields].map((f) => `ticket.${f}`);

export interface TicketPhi {
  subject: string;
  description: string | null;
  /** PHI custom fields only */
  phiCustomFields: Record<string, unknown>;
  externalRefs: ExternalRef[];
}

export interface TicketView {
  id: string;
  /**
   * true when PHI was withheld: without read_phi subject, description, PHI custom fields and
   * references are then null/omitted; under the tenant's minimum-necessary list, those it omits
   */
  masked: boolean;
  subject: string | null;
  description: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType;
  channel: TicketChannel;
  requesterId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  externalRefs: ExternalRef[] | null;
  version: number;
  sla: {
    firstResponseDueAt: Date | null;
    resolutionDueAt: Date | null;
    firstRespondedAt: Date | null;
    firstResponseBreached: boolean;
    resolutionBreached: boolean;
  };
  createdAt: Date;
  updatedAt: Date;
  solvedAt: Date | null;
}

/** A ticket row's non-PHI columns: what presentTicket shows beside the opened PHI. */
export type TicketMeta = Pick<
  Selectable<TicketsTable>,
  | 'id'
  | 'status'
  | 'priority'
  | 'type'
  | 'channel'
  | 'requester_id'
  | 'assignee_id'
  | 'group_id'
  | 'tags'
  | 'custom_fields'
  | 'version'
  | 'first_response_due_at'
  | 'resolution_due_at'
  | 'first_responded_at'
  | 'solved_at'
  | 'created_at'
  | 'updated_at'
>;

export function presentTicket(row: TicketMeta, phi: TicketPhi | null, now = new Date()): TicketView {
  const flags = slaFlags(
    {
      firstResponseDueAt: row.first_response_due_at,
      resolutionDueAt: row.resolution_due_at,
      firstRespondedAt: row.first_responded_at,
      solvedAt: row.solved_at,
    },
    now,
  );
  return {
    id: row.id,
    masked: phi === null,
    subject: phi?.subject ?? null,
    description: phi?.description ?? null,
    status: row.status,
    priority: row.priority,
    type: row.type,
    channel: row.channel,
    requesterId: row.requester_id,
    assigneeId: row.assignee_id,
    groupId: row.group_id,
    tags: row.tags,
    customFields: { ...row.custom_fields, ...(phi?.phiCustomFields ?? {}) },
    externalRefs: phi ? phi.externalRefs : null,
    version: row.version,
    sla: {
      firstResponseDueAt: row.first_response_due_at,
      resolutionDueAt: row.resolution_due_at,
      firstRespondedAt: row.first_responded_at,
      ...flags,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    solvedAt: row.solved_at,
  };
}

/**
 * The view with only the `opened` PHI fields shown (minimum necessary): the others null or
 * omitted exactly as in the masked view, and the view says masked. All opened: the full view.
 */
export function presentOpenedTicket(
  row: TicketMeta,
  phi: Partial<TicketPhi>,
  opened: readonly TicketPhiField[],
  now = new Date(),
): TicketView {
  if (ticketPhiFields.every((f) => opened.includes(f))) return presentTicket(row, phi as TicketPhi, now);
  const view = presentTicket(row, null, now);
  if (opened.includes('subject')) view.subject = phi.subject ?? null;
  if (opened.includes('description')) view.description = phi.description ?? null;
  if (opened.includes('customFields')) view.customFields = { ...view.customFields, ...(phi.phiCustomFields ?? {}) };
  if (opened.includes('externalRefs')) view.externalRefs = phi.externalRefs ?? [];
  return view;
}

/** The part of already opened PHI that the `opened` fields cover (what a partly opened row would hold). */
export function onlyOpened(phi: TicketPhi, opened: readonly TicketPhiField[]): Partial<TicketPhi> {
  const out: Partial<TicketPhi> = {};
  if (opened.includes('subject')) out.subject = phi.subject;
  if (opened.includes('description')) out.description = phi.description;
  if (opened.includes('customFields')) out.phiCustomFields = phi.phiCustomFields;
  if (opened.includes('externalRefs')) out.externalRefs = phi.externalRefs;
  return out;
}

/** The fields a ticket row discloses when opened (for audit); a partly opened row names only what was opened. */
export function disclosedFields(phi: Partial<TicketPhi>): TicketPhiField[] {
  const out: TicketPhiField[] = phi.subject !== undefined ? ['subject'] : [];
  if (phi.description) out.push('description');
  if (phi.phiCustomFields && Object.keys(phi.phiCustomFields).length > 0) out.push('customFields');
  if (phi.externalRefs && phi.externalRefs.length > 0) out.push('externalRefs');
  return out;
}

/** ETag of a ticket representation: its version (strong; any change bumps it). */
export const ticketEtag = (version: number): string => `"v${version}"`;

export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"v(\d+)"\s*$/.exec(header);
  return m ? Number(m[1]) : -1; // -1 never matches: a malformed If-Match is a failed precondition
}
