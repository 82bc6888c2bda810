// PHI detection on the access-request bundle (the export that sends a patient's designated
// record set to them, src/patient-rights/access-fulfilment.service.ts): a comment or a
// subject in the patient's record may quote ANOTHER patient's email, phone or MRN, and the
// bundle would disclose it to the wrong person. Before the bundle is made, its free text
// (ticket subjects and descriptions, comment bodies, attachment filenames) is scanned under
// the tenant's settings, the value pass through the contacts' blind indexes:
//   block, hold -> the fulfilment is refused (422 naming each item, kind and position; there
//                  is no queue to hold a bundle in: the privacy officer corrects the record)
//   redact      -> the other patient's identifier is replaced by [KIND] in the bundle
//   warn        -> the bundle goes as it is
// Only the other-patient pass runs: identifier shapes (dates, addresses, phones) in a
// patient's own record are theirs to receive (164.524), so the pattern action does not apply.
// The recipient is the patient themself (phidesk sends no bundle to a third party), so the
// patient is the one contact whose identifiers the bundle may hold. Findings are audited as
// phi_detection.finding by item, kind and position, never a value; a refusal's events are
// kept although its transaction rolls back.
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { AppError, maxErrorDetails, type ErrorDetail } from '../errors.js';
import type { PatientRecord } from '../patient-rights/access-bundle.js';
import type { Scope } from '../services/scope.js';
import { findingErrors, findingsReason, scanOutgoing } from './outgoing-scan.js';
import { settingsInForce } from './settings.service.js';
import { prefetchValueLookups, type BlindIndexer } from './value-lookup.js';

interface BundleText {
  /** where the text is in the bundle's `record` (JSON Pointer) */
  pointer: string;
  /** the item, for the audit trail and the problem: e.g. comment.body:<id> (ids only) */
  item: string;
  text: string;
  replace: (redacted: string) => void;
}

/** Every free text the bundle carries, in the order the bundle lists it. */
function bundleTexts(r: PatientRecord): BundleText[] {
  const out: BundleText[] = [];
  r.tickets.forEach((t, i) => {
    const at = `/record/tickets/${i}`;
    out.push({
      pointer: `${at}/subject`,
      item: `ticket.subject:${t.id}`,
      text: t.subject,
      replace: (v) => (t.subject = v),
    });
    if (t.description !== null)
      out.push({
        pointer: `${at}/description`,
        item: `ticket.description:${t.id}`,
        text: t.description,
        replace: (v) => (t.description = v),
      });
    r.comments
      .filter((c) => c.ticketId === t.id)
      .forEach((c, j) =>
        out.push({
          pointer: `${at}/comments/${j}/body`,
          item: `comment.body:${c.id}`,
          text: c.body,
          replace: (v) => (c.body = v),
        }),
      );
    r.attachments
      .filter((a) => a.ticketId === t.id)
      .forEach((a, j) =>
        out.push({
          pointer: `${at}/attachments/${j}/filename`,
          item: `attachment.filename:${a.id}`,
          text: a.filename,
          replace: (v) => (a.filename = v),
        }),
      );
  });
  return out;
}

/**
 * The record the bundle is made from: as read, or with other patients' identifiers
 * redacted; throws UNPROCESSABLE when the tenant's action is block or hold.
 */
export async function screenAccessBundle(
  scope: Scope,
  crypto: TenantCrypto,
  requestId: string,
  record: PatientRecord,
): Promise<PatientRecord> {
  const settings = { ...(await settingsInForce(scope.tx, scope.actor.tenantId)), patternAction: 'off' as const };
  if (settings.otherPatientAction === 'off') return record;
  const screened = structuredClone(record);
  const errors: ErrorDetail[] = [];
  const texts = bundleTexts(screened);
  const index: BlindIndexer = (table, column, kind) => crypto.blindIndexer(table, column, kind);
  // every item's candidates in one lookup, however many items the record holds
  const lookups = await prefetchValueLookups(
    scope.tx,
    scope.actor.tenantId,
    index,
    texts.map((t) => t.text),
  );
  for (const [i, t] of texts.entries()) {
    const scan = await scanOutgoing(t.text, settings, {
      db: scope.tx,
      tenantId: scope.actor.tenantId,
      index,
      allowedContactIds: [record.contactId],
      prefetched: lookups[i],
    });
    if (scan.action === 'off') continue;
    const stopped = scan.action === 'block' || scan.action === 'hold';
    scope.recordKept({
      action: 'phi_detection.finding',
      resourceType: 'AccessRequest',
      resourceId: requestId,
      subjectContactId: record.contactId,
      outcome: stopped ? 'denied' : 'allowed',
      reasonCode: findingsReason(`access_bundle:${t.item}`, scan),
    });
    if (stopped)
      errors.push(...findingErrors(t.pointer, scan).map((e) => ({ ...e, detail: `${t.item}: ${e.detail}` })));
    else if (scan.action === 'redact') t.replace(scan.redacted!);
  }
  if (errors.length > 0)
    throw new AppError(
      'UNPROCESSABLE',
      "The patient's record quotes another patient's identifiers; the bundle was not made. Correct or redact the items named, then fulfil again.",
      errors.slice(0, maxErrorDetails),
    );
  return screened;
}
