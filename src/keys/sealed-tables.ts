// Every table with sealed columns, for the operations that must see all sealed values
// of a tenant: the re-seal job and the check before a key version is retired. A table
// listed here has `id uuid`, `tenant_id`, and `key_version` (the version all of the
// row's sealed columns are under; writes re-seal the whole row to keep that true).
// A new area with PHI columns adds its spec here, or rotation would silently skip it.
import type { AuditAction } from '../audit/actions.js';
import { attachmentsSealing } from '../attachments/attachments.sealing.js';
import { breakGlassSealing } from '../break-glass/break-glass.sealing.js';
import { contactsSealing } from '../contacts/contacts.model.js';
import { commentRevisionsSealing, commentsSealing, ticketsSealing } from '../tickets/tickets.sealing.js';
import { webhookSecretsSealing } from '../webhooks/webhook-secrets.js';
import { reviewFindingsSealing } from '../activity-review/review-findings.sealing.js';
import { incidentsSealing } from '../incidents/incidents.sealing.js';
import { legalHoldsSealing } from '../retention/legal-holds.sealing.js';
import { siemSinksSealing } from '../siem/siem-sinks.sealing.js';
import { heldRepliesSealing } from '../disclosure/held-replies.sealing.js';
import {
  accessBundlesSealing,
  accessRequestsSealing,
  accountingRequestsSealing,
  disclosuresSealing,
} from '../patient-rights/patient-rights.sealing.js';

export interface SealedTableSpec {
  readonly table: string;
  readonly columns: readonly string[];
  /** what a row is, in audit events (resource.type) */
  readonly resourceType: string;
  /** the audit action of reading it: a value that fails to open is a failed read */
  readonly readAction: AuditAction;
  /** the audit names of the fields each column holds (never values) */
  readonly fieldNames: Readonly<Record<string, readonly string[]>>;
}

export const sealedTables: readonly SealedTableSpec[] = [
  contactsSealing,
  ticketsSealing,
  commentsSealing,
  commentRevisionsSealing,
  breakGlassSealing,
  attachmentsSealing,
  webhookSecretsSealing,
  accessRequestsSealing,
  accessBundlesSealing,
  accountingRequestsSealing,
  disclosuresSealing,
  heldRepliesSealing,
  reviewFindingsSealing,
  incidentsSealing,
  siemSinksSealing,
  legalHoldsSealing,
];
