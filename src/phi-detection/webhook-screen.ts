// PHI detection on a webhook payload, before it is signed and sent: the PHI values a
// delivery would carry (ticket subject, comment body) are scanned under the tenant's
// settings. "redact" replaces findings by [KIND]; "block" and "hold" drop the PHI
// altogether, so the event still goes out, without it (there is no one to hold a
// delivery for: the event stays useful, the identifiers stay home); "warn" sends as is.
// Findings are audited as phi_detection.finding (channel webhook:<field>), never a value.
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Keyring } from '../crypto/keyring.js';
import { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Database } from '../db/database.js';
import type { AuditEventInput, AuditPort } from '../services/audit-port.js';
import { detectionIsOff, findingsReason, scanOutgoing } from './outgoing-scan.js';
import { settingsInForce } from './settings.service.js';
import { prefetchValueLookups, type BlindIndexer } from './value-lookup.js';

export interface ScreenDeps {
  db: Kysely<Database>;
  audit: AuditPort;
  keyring: Keyring;
}

export interface ScreenTarget {
  tenantId: string;
  ticketId: string;
  /** the ticket's patient: their own identifiers are not another patient's */
  contactId: string | null;
  /** who the audit trail names (the webhook dispatcher) */
  actor: Partial<Actor>;
}

/** The values to send (maybe redacted), or undefined when none may leave. */
export async function screenOutgoingValues(
  deps: ScreenDeps,
  target: ScreenTarget,
  values: Record<string, string>,
): Promise<Record<string, string> | undefined> {
  const settings = await settingsInForce(deps.db, target.tenantId);
  if (detectionIsOff(settings)) return values;
  const crypto = await TenantCrypto.forRead(deps.keyring, target.tenantId);
  const out: Record<string, string> = {};
  const events: AuditEventInput[] = [];
  let drop = false;
  const index: BlindIndexer = (table, column, kind) => crypto.blindIndexer(table, column, kind);
  const entries = Object.entries(values);
  // the subject and the comment body looked up together: one query per delivery
  const lookups =
    settings.otherPatientAction === 'off'
      ? []
      : await prefetchValueLookups(
          deps.db,
          target.tenantId,
          index,
          entries.map(([, text]) => text),
        );
  for (const [i, [field, text]] of entries.entries()) {
    const scan = await scanOutgoing(text, settings, {
      db: deps.db,
      tenantId: target.tenantId,
      index,
      allowedContactIds: target.contactId ? [target.contactId] : [],
      prefetched: lookups[i],
    });
    out[field] = scan.action === 'redact' ? scan.redacted! : text;
    if (scan.action === 'off') continue;
    const stopped = scan.action === 'block' || scan.action === 'hold';
    drop ||= stopped;
    events.push({
      action: 'phi_detection.finding',
      resourceType: 'Ticket',
      resourceId: target.ticketId,
      subjectContactId: target.contactId ?? undefined,
      outcome: stopped ? 'denied' : 'allowed',
      reasonCode: findingsReason(`webhook:${field}`, scan),
    });
  }
  if (events.length > 0) await deps.audit.writeDetached(target.tenantId, target.actor, events);
  return drop ? undefined : out;
}
