// Fulfilling an access request: the patient's record is read, opened and shaped into the
// bundle (access-bundle.ts), sealed and stored behind a single-use link that expires; the
// fulfilment is recorded as a disclosure to the individual (listed in the accounting).
// Before it is made, the tenant's PHI detection looks for another patient's identifiers in
// its free text (src/phi-detection/access-bundle-screen.ts). The
// link's token is random and stored only as its SHA-256; the URL carries nothing else. The
// patient (or the privacy officer) downloads once: that uses the link up and erases the bundle.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Tx } from '../db/tenant-tx.js';
import { AppError, notFound } from '../errors.js';
import { openContact } from '../contacts/contacts.repository.js';
import { openTicket } from '../tickets/tickets.repository.js';
import { openBody } from '../tickets/comments.repository.js';
import { openFilename } from '../attachments/attachments.repository.js';
import { screenAccessBundle } from '../phi-detection/access-bundle-screen.js';
import { can, inTenant } from '../services/scope.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';
import * as repo from './access-requests.repository.js';
import { insertDisclosure } from './disclosures.repository.js';
import { buildAccessBundle, type AccessBundle, type PatientRecord } from './access-bundle.js';
import {
  assertOpen,
  presentAccessRequest,
  visibleAccessRequest,
  type AccessRequestView,
} from './access-requests.service.js';
import { BUNDLE_LINK_HOURS, nowOf, type PatientRightsDeps } from './patient-rights.model.js';
import { accessBundlesSealing, disclosuresSealing, sealIn } from './patient-rights.sealing.js';

export interface Fulfilment {
  request: AccessRequestView;
  /** the single-use link: shown once, here; give it to the patient */
  download: { url: string; expiresAt: Date };
}

export const downloadPath = '/v1/access-request-downloads';
const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

async function patientRecord(tx: Tx, crypto: TenantCrypto, contactId: string) {
  const contactRow = await repo.patientContact(tx, contactId);
  if (!contactRow) throw new AppError('CONFLICT', 'The contact of this request no longer exists.');
  const contact = await openContact(crypto, contactRow);
  const ticketRows = await repo.patientTickets(tx, contactId);
  const tickets = [];
  for (const t of ticketRows) {
    const phi = await openTicket(crypto, t);
    tickets.push({
      id: t.id,
      subject: phi.subject,
      description: phi.description,
      status: t.status,
      priority: t.priority,
      type: t.type,
      channel: t.channel,
      phiCustomFields: phi.phiCustomFields,
      customFields: t.custom_fields,
      externalRefs: phi.externalRefs,
      createdAt: t.created_at,
      updatedAt: t.updated_at,
      solvedAt: t.solved_at,
    });
  }
  const ids = ticketRows.map((t) => t.id);
  const comments = [];
  for (const c of await repo.ticketComments(tx, ids)) {
    comments.push({
      id: c.id,
      ticketId: c.ticket_id,
      authorKind: c.author_kind,
      public: c.public,
      body: await openBody(crypto, c.id, c.body),
      redacted: c.redacted,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    });
  }
  const attachments = [];
  for (const a of await repo.ticketAttachments(tx, ids)) {
    attachments.push({
      id: a.id,
      ticketId: a.ticket_id,
      commentId: a.comment_id,
      filename: await openFilename(crypto, a.id, a.filename),
      contentType: a.content_type,
      sizeBytes: Number(a.size_bytes),
      createdAt: a.created_at,
    });
  }
  const record: PatientRecord = {
    contactId,
    contact: contact as PatientRecord['contact'],
    tickets,
    comments,
    attachments,
  };
  return { record, ticketIds: ids, commentIds: comments.map((c) => c.id), attachmentIds: attachments.map((a) => a.id) };
}

export async function fulfilAccessRequest(deps: PatientRightsDeps, actor: Actor, id: string): Promise<Fulfilment> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visibleAccessRequest(s, id, 'update', { forUpdate: true });
    s.assertCan('update', 'AccessRequest', { id });
    s.assertCan('create', 'Disclosure');
    s.assertCan('read_phi', 'Contact', { id: row.contact_id });
    assertOpen(row, 'access request');
    const now = nowOf(deps);
    const { record: read, ticketIds, commentIds } = await patientRecord(s.tx, crypto, row.contact_id);
    // another patient's identifiers quoted in this record: refused, redacted or warned of
    const record = await screenAccessBundle(s, crypto, id, read);
    const bundle = buildAccessBundle(id, record, now);
    const token = randomBytes(32).toString('base64url');
    const bundleId = randomUUID();
    const expiresAt = new Date(now.getTime() + BUNDLE_LINK_HOURS * 60 * 60 * 1000);
    await repo.insertBundle(s.tx, {
      id: bundleId,
      tenant_id: actor.tenantId,
      request_id: id,
      token_hash: hashOf(token),
      expires_at: expiresAt,
      bundle_sealed: sealIn(crypto, accessBundlesSealing, 'bundle_sealed', bundleId, JSON.stringify(bundle)),
      key_version: crypto.activeVersion,
    });
    const disclosureId = randomUUID();
    await insertDisclosure(s.tx, {
      id: disclosureId,
      tenant_id: actor.tenantId,
      contact_id: row.contact_id,
      disclosed_at: now,
      source: 'access_request',
      source_ref: id,
      purpose: 'to_individual',
      // listed, although 164.528(a)(1)(ii) would allow leaving it out: README "Patient rights"
      exclusion: null,
      recipient_sealed: sealIn(crypto, disclosuresSealing, 'recipient_sealed', disclosureId, 'The individual'),
      recipient_address_sealed: null,
      description_sealed: sealIn(
        crypto,
        disclosuresSealing,
        'description_sealed',
        disclosureId,
        `Copy of the designated record set held in phidesk (access request ${id}): contact record, ` +
          `${ticketIds.length} ticket(s), ${commentIds.length} comment(s), attachment metadata; JSON, FHIR R4 and HTML.`,
      ),
      key_version: crypto.activeVersion,
      created_by: actor.id,
    });
    const updated = await repo.updateAccessRequest(s.tx, id, { status: 'fulfilled', fulfilled_at: now });
    s.record({
      action: 'access_request.fulfil',
      resourceType: 'AccessRequest',
      resourceId: id,
      subjectContactId: row.contact_id,
      phiFields: ['contact.*', 'ticket.*', 'comment.body', 'attachment.filename'],
      outcome: 'allowed',
    });
    s.record({
      action: 'disclosure.create',
      resourceType: 'Disclosure',
      resourceId: disclosureId,
      subjectContactId: row.contact_id,
      reasonCode: 'to_individual',
      outcome: 'allowed',
    });
    return {
      request: await presentAccessRequest(s, crypto, updated, now),
      download: { url: `${downloadPath}?token=${token}`, expiresAt },
    };
  });
}

/**
 * The bundle behind a link, once. The caller needs `read_phi` on the request: the privacy
 * officer, or the patient themselves (a requester linked to that contact). Unknown, used and
 * expired links are NOT_FOUND (a second use learns nothing), and so is someone else's
 * patient's link (audited as NOT_VISIBLE); the download is recorded before the bundle leaves.
 */
export async function downloadBundle(deps: PatientRightsDeps, actor: Actor, token: string): Promise<AccessBundle> {
  const gone = () => notFound('download link');
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) throw gone();
  const crypto = await cryptoForRead(deps, actor);
  const now = nowOf(deps);
  const used = await inTenant(deps, actor, async (s) => {
    s.assertCan('read_phi', 'AccessRequest');
    const row = await repo.usableBundle(s.tx, hashOf(token), now);
    if (!row) throw gone();
    if (!can(s.ability, 'read_phi', 'AccessRequest', { id: row.request_id, contactId: row.contact_id }))
      throw await s.notVisible('read_phi', 'AccessRequest', row.request_id, async () => true);
    await repo.markDownloaded(s.tx, row.id, now);
    s.record({
      action: 'access_request.download',
      resourceType: 'AccessRequest',
      resourceId: row.request_id,
      subjectContactId: row.contact_id,
      phiFields: ['access_request.bundle'],
      outcome: 'allowed',
    });
    return row;
  });
  const text = await crypto.open(
    { table: accessBundlesSealing.table, column: 'bundle_sealed', rowId: used.id },
    used.bundle_sealed!,
  );
  return JSON.parse(text) as AccessBundle;
}
