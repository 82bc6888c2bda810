// Disclosure records (45 CFR 164.528): each names the date, the patient, the recipient
// (and their address when known), a description of what was disclosed and the purpose,
// and, for kinds the accounting leaves out, the exclusion of 164.528(a)(1). Recipient,
// address and description are sealed. They come from PHI-bearing webhook deliveries
// (recordWebhookDisclosure, written before the delivery leaves), fulfilled access
// requests (access-fulfilment.service.ts) and manual entries by the privacy officer.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Keyring } from '../crypto/keyring.js';
import { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { isUuid } from '../ids.js';
import { contactExists } from '../contacts/contacts.repository.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope } from '../services/scope.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';
import * as repo from './disclosures.repository.js';
import {
  assertOneOf,
  assertText,
  exclusionOf,
  exclusions,
  invalid,
  nowOf,
  purposes,
  type Exclusion,
  type PatientRightsDeps,
  type Purpose,
} from './patient-rights.model.js';
import { disclosuresSealing as spec, openIn, sealIn, sealOptional } from './patient-rights.sealing.js';

export interface DisclosureView {
  id: string;
  contactId: string;
  disclosedAt: Date;
  source: string;
  purpose: string;
  /** set: left out of the accounting, for this reason of 164.528(a)(1) */
  exclusion: string | null;
  recipient: string | null;
  recipientAddress: string | null;
  description: string | null;
  masked: boolean;
  createdAt: Date;
}

export interface ManualDisclosureInput {
  contactId: string;
  disclosedAt: string;
  recipient: string;
  recipientAddress?: string | null | undefined;
  description: string;
  purpose: string;
  exclusion?: string | null | undefined;
}

export async function presentDisclosure(
  crypto: TenantCrypto,
  row: repo.DisclosureRow,
  phi: boolean,
): Promise<DisclosureView> {
  const open = (column: (typeof spec.columns)[number], sealed: typeof row.recipient_sealed) =>
    phi ? openIn(crypto, spec, column, row.id, sealed) : Promise.resolve(null);
  return {
    id: row.id,
    contactId: row.contact_id,
    disclosedAt: row.disclosed_at,
    source: row.source,
    purpose: row.purpose,
    exclusion: row.exclusion,
    recipient: await open('recipient_sealed', row.recipient_sealed),
    recipientAddress: await open('recipient_address_sealed', row.recipient_address_sealed),
    description: await open('description_sealed', row.description_sealed),
    masked: !phi,
    createdAt: row.created_at,
  };
}

const phiFieldsOf = (phi: boolean) => (phi ? ['disclosure.recipient', 'disclosure.description'] : []);

function parseInstant(field: string, value: unknown, now: Date): Date {
  const at = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime()))
    throw invalid(field, 'must be a date-time (RFC 3339)');
  if (at.getTime() > now.getTime() + 60_000) throw invalid(field, 'must not be in the future');
  return at;
}

/** A disclosure staff record by hand (to a health authority, a court, ...). */
export async function recordDisclosure(
  deps: PatientRightsDeps,
  actor: Actor,
  input: ManualDisclosureInput,
): Promise<DisclosureView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'Disclosure');
    if (typeof input.contactId !== 'string' || !isUuid(input.contactId)) throw invalid('contactId', 'must be a uuid');
    assertOneOf('purpose', input.purpose, purposes);
    if (input.exclusion !== undefined && input.exclusion !== null)
      assertOneOf('exclusion', input.exclusion, exclusions);
    assertText('recipient', input.recipient, 500, true);
    assertText('recipientAddress', input.recipientAddress, 1000, false);
    assertText('description', input.description, 4000, true);
    const now = nowOf(deps);
    const disclosedAt = parseInstant('disclosedAt', input.disclosedAt, now);
    if (!(await contactExists(s.tx, input.contactId)))
      throw new AppError('UNPROCESSABLE', 'No such contact in this tenant.', [
        { pointer: '/contactId', detail: 'unknown contact' },
      ]);
    const id = randomUUID();
    const exclusion = (input.exclusion as Exclusion | null | undefined) ?? exclusionOf(input.purpose as Purpose);
    await repo.insertDisclosure(s.tx, {
      id,
      tenant_id: actor.tenantId,
      contact_id: input.contactId,
      disclosed_at: disclosedAt,
      source: 'manual',
      source_ref: null,
      purpose: input.purpose,
      exclusion,
      recipient_sealed: sealIn(crypto, spec, 'recipient_sealed', id, input.recipient),
      recipient_address_sealed: sealOptional(crypto, spec, 'recipient_address_sealed', id, input.recipientAddress),
      description_sealed: sealIn(crypto, spec, 'description_sealed', id, input.description),
      key_version: crypto.activeVersion,
      created_by: actor.id,
    });
    s.record({
      action: 'disclosure.create',
      resourceType: 'Disclosure',
      resourceId: id,
      subjectContactId: input.contactId,
      phiFields: ['disclosure.recipient', 'disclosure.description'],
      reasonCode: exclusion ?? input.purpose,
      outcome: 'allowed',
    });
    const row = (await repo.getDisclosure(s.tx, id))!;
    return presentDisclosure(crypto, row, can(s.ability, 'read_phi', 'Disclosure'));
  });
}

/** Every disclosure record of one patient, newest page by page. */
export async function listDisclosures(
  deps: PatientRightsDeps,
  actor: Actor,
  contactId: string,
  page: PageRequest,
): Promise<Page<DisclosureView>> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s: Scope) => {
    s.assertCan('read', 'Disclosure');
    if (typeof contactId !== 'string' || !isUuid(contactId)) throw invalid('contactId', 'must be a uuid');
    const phi = can(s.ability, 'read_phi', 'Disclosure');
    const result = await paginate(repo.selectDisclosures(s.tx, contactId), 'disclosures', page);
    for (const row of result.items)
      s.record({
        action: 'disclosure.read',
        resourceType: 'Disclosure',
        resourceId: row.id,
        subjectContactId: row.contact_id,
        phiFields: phiFieldsOf(phi),
        outcome: 'allowed',
      });
    const items = [];
    for (const row of result.items) items.push(await presentDisclosure(crypto, row, phi));
    return { items, nextCursor: result.nextCursor };
  });
}

export interface WebhookDisclosure {
  tenantId: string;
  contactId: string;
  deliveryId: string;
  baaId: string;
  endpointUrl: string;
  eventType: string;
  /** audit names of what the body carries, e.g. ticket.subject */
  fields: readonly string[];
}

/**
 * Records a PHI-bearing webhook delivery as a disclosure of one patient's PHI to the
 * business associate, before it leaves (the dispatcher's owner connection, as its other
 * writes). Idempotent per (delivery, patient): a retry does not record twice. Listed in
 * the accounting (purpose business_associate, no exclusion): phidesk cannot tell whether
 * the associate's use is treatment, payment or operations, so it does not leave it out.
 */
export async function recordWebhookDisclosure(
  deps: { db: Kysely<Database>; keyring: Keyring },
  d: WebhookDisclosure,
  now: Date = new Date(),
): Promise<void> {
  const crypto = await TenantCrypto.forWrite(deps.keyring, d.tenantId);
  const counterparty = await repo.agreementCounterparty(deps.db, d.tenantId, d.baaId);
  const id = randomUUID();
  await repo.insertSystemDisclosure(deps.db, {
    id,
    tenant_id: d.tenantId,
    contact_id: d.contactId,
    disclosed_at: now,
    source: 'webhook',
    source_ref: d.deliveryId,
    purpose: 'business_associate',
    exclusion: null,
    recipient_sealed: sealIn(crypto, spec, 'recipient_sealed', id, counterparty ?? `agreement ${d.baaId}`),
    recipient_address_sealed: sealIn(crypto, spec, 'recipient_address_sealed', id, d.endpointUrl),
    description_sealed: sealIn(
      crypto,
      spec,
      'description_sealed',
      id,
      `Webhook ${d.eventType} delivery under agreement ${d.baaId}: ${d.fields.join(', ')}`,
    ),
    key_version: crypto.activeVersion,
    created_by: null,
  });
}
