// Contacts use cases, the only way in for REST and GraphQL alike. Each one loads the
// tenant's keys before its transaction (TenantCrypto), filters rows in SQL by policy,
// opens PHI only for actors with read_phi (minimum necessary: others get masked
// views and nothing is decrypted for them) and of the PHI only the fields the tenant's
// minimum-necessary list leaves the actor's roles (CASL field rules), and audits every
// read and write with the contact as the subject. A value that fails to open is an
// UNSEAL_FAILED error, audited with its reason kind; the caller never gets a wrong or
// partial record.
import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../audit/actions.js';
import type { Actor } from '../auth/actor.js';
import { SealError } from '../crypto/errors.js';
import type { Keyring } from '../crypto/keyring.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { AppError, notFound } from '../errors.js';
import { policyWhere } from '../policy/sql.js';
import type { AuditEventInput } from '../services/audit-port.js';
import { checkSort, paginateSorted, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import {
  applyPatch,
  auditFieldNames,
  columnOf,
  dobNameKey,
  fieldsFromInput,
  filledFields,
  phiFields,
  present,
  presentOpened,
  searchIndexes,
  type ContactFields,
  type ContactInput,
  type ContactPatch,
  type ContactView,
  type PhiField,
  type SearchIndex,
} from './contacts.model.js';
import { normaliseForBlindIndex } from '../crypto/blind-index.js';
import * as repo from './contacts.repository.js';
import { isUuid } from '../ids.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';

export interface ContactsDeps extends ServiceDeps {
  keyring: Keyring;
}

const whereColumns = { id: 'contacts.id' };
const MAX_SEARCH_RESULTS = 50;

const contactEvent = (action: AuditAction, id: string, fields: Iterable<PhiField>): AuditEventInput => ({
  action,
  resourceType: 'Contact',
  resourceId: id,
  subjectContactId: id,
  phiFields: auditFieldNames(fields),
  outcome: 'allowed',
});

/** GraphQL ids are free text: anything that is not a uuid names no contact (and must not reach SQL as one). */
function checkId(id: string): void {
  if (!isUuid(id)) throw notFound('contact');
}

function readWhere(s: Scope) {
  const where = policyWhere(s.ability, 'read', 'Contact', whereColumns);
  if (!where) throw notFound('contact');
  return where;
}

const mayReadPhi = (s: Scope, id: string) => can(s.ability, 'read_phi', 'Contact', { id });
/** The PHI fields of this contact the actor may have opened (the tenant's minimum-necessary list, as CASL field rules). */
const openable = (s: Scope, id: string) => phiFields.filter((f) => can(s.ability, 'read_phi', 'Contact', { id }, f));

/** The view the actor may see: opened PHI with read_phi (recording what was disclosed), masked otherwise. */
export async function view(
  s: Scope,
  crypto: TenantCrypto,
  row: repo.ContactRow,
  action: AuditAction,
): Promise<ContactView> {
  if (!mayReadPhi(s, row.id)) {
    s.record(contactEvent(action, row.id, []));
    return present(row, null);
  }
  // fields outside the actor's list are not decrypted at all, and not recorded as disclosed
  const opened = openable(s, row.id);
  const fields = await repo.openContact(crypto, row, opened);
  s.record(contactEvent(action, row.id, filledFields(fields)));
  return presentOpened(row, fields, opened);
}

export async function createContact(deps: ContactsDeps, actor: Actor, input: ContactInput): Promise<ContactView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'Contact');
    const fields = fieldsFromInput(input);
    const id = randomUUID();
    const row = await repo.insertContact(s.tx, crypto, id, actor.tenantId, fields);
    // the response echoes only what the caller just sent, so the write event covers it
    s.record(contactEvent('contact.create', id, filledFields(fields)));
    return mayReadPhi(s, id) ? presentOpened(row, fields, openable(s, id)) : present(row, null);
  });
}

export async function getContact(deps: ContactsDeps, actor: Actor, id: string): Promise<ContactView> {
  checkId(id);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await repo.getContact(s.tx, id, readWhere(s));
    if (!row) throw await s.notVisible('read', 'Contact', id, () => repo.contactExists(s.tx, id));
    return view(s, crypto, row, 'contact.read');
  });
}

export { contactSorts, type ContactSort } from './contacts.repository.js';

/** A page of a contact list: size, cursor (bound to the sort it came from), and the order (default createdAt). */
export interface ContactPageRequest extends PageRequest {
  sort?: repo.ContactSort | undefined;
}

/** A page of contacts; every contact on it is one audit event. */
export async function listContacts(
  deps: ContactsDeps,
  actor: Actor,
  page: ContactPageRequest,
): Promise<Page<ContactView>> {
  const order = repo.contactSortOrder(checkSort(page.sort, repo.contactSorts, repo.DEFAULT_CONTACT_SORT));
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'Contact', whereColumns);
    if (!where) return { items: [], nextCursor: null };
    const result = await paginateSorted(repo.selectContacts(s.tx, where), 'contacts', order, page, 'createdAt');
    const items: ContactView[] = [];
    for (const row of result.items) items.push(await view(s, crypto, row, 'contact.read'));
    return { items, nextCursor: result.nextCursor };
  });
}

export async function updateContact(
  deps: ContactsDeps,
  actor: Actor,
  id: string,
  patch: ContactPatch,
  expectedVersion?: number,
): Promise<ContactView> {
  checkId(id);
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await repo.getContact(s.tx, id, readWhere(s), { forUpdate: true });
    if (!row) throw await s.notVisible('update', 'Contact', id, () => repo.contactExists(s.tx, id));
    s.assertCan('update', 'Contact', { id });
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new AppError('PRECONDITION_FAILED', 'The contact was changed by someone else; reload it and retry.');
    }
    const changed = phiFields.filter((f) => f in patch);
    // Fields the patch replaces outright need not be opened (so a damaged value can be
    // repaired by overwriting it); the address merges, so it is opened when patched.
    const keep = phiFields.filter((f) => !changed.includes(f) || (f === 'address' && patch.address !== null));
    const next = applyPatch(await repo.openContact(crypto, row, keep), patch);
    const updated = await repo.updateContact(s.tx, crypto, row, next);
    s.record(contactEvent('contact.update', id, changed));
    if (!mayReadPhi(s, id)) return present(updated, null);
    // the response also discloses fields the caller did not send (those its list allows)
    const opened = openable(s, id);
    const disclosed = filledFields(next).filter((f) => !changed.includes(f) && opened.includes(f));
    if (disclosed.length > 0) s.record(contactEvent('contact.read', id, disclosed));
    return presentOpened(updated, next, opened);
  });
}

export async function deleteContact(deps: ContactsDeps, actor: Actor, id: string): Promise<void> {
  checkId(id);
  return inTenant(deps, actor, async (s) => {
    const row = await repo.getContact(s.tx, id, readWhere(s), { forUpdate: true });
    if (!row) throw await s.notVisible('delete', 'Contact', id, () => repo.contactExists(s.tx, id));
    s.assertCan('delete', 'Contact', { id });
    await repo.eraseContact(s.tx, id);
    const erased = phiFields.filter((f) => row[columnOf[f]] !== null);
    s.record(contactEvent('contact.delete', id, erased));
  });
}

export interface SearchCriteria {
  mrn?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  dateOfBirth?: string | undefined;
  name?: string | undefined;
}

/** Exactly one search: MRN, email, phone, or date of birth together with name. */
function parseCriteria(c: SearchCriteria): {
  by: SearchIndex;
  term: string;
  confirm: (f: Partial<ContactFields>) => boolean;
  fields: PhiField[];
} {
  const given = (['mrn', 'email', 'phone', 'dateOfBirth', 'name'] as const).filter((k) => c[k] !== undefined);
  const bad = () =>
    new AppError(
      'VALIDATION_FAILED',
      'Search by exactly one of mrn, email or phone, or by dateOfBirth together with name.',
      [{ pointer: '/', detail: 'one criterion' }],
    );
  const same = (kind: 'identifier' | 'email' | 'digits', a: string | null | undefined, b: string) =>
    a != null && normaliseForBlindIndex(kind, a) === normaliseForBlindIndex(kind, b);
  if (given.length === 2 && c.dateOfBirth !== undefined && c.name !== undefined) {
    let term: string;
    try {
      term = dobNameKey(c.dateOfBirth, c.name);
    } catch {
      throw new AppError('VALIDATION_FAILED', 'dateOfBirth must be a calendar date written yyyy-mm-dd.', [
        { pointer: '/dateOfBirth', detail: 'yyyy-mm-dd' },
      ]);
    }
    return {
      by: 'dateOfBirthName',
      term,
      fields: ['dateOfBirth', 'name'],
      confirm: (f) => f.dateOfBirth != null && f.name != null && dobNameKey(f.dateOfBirth, f.name) === term,
    };
  }
  if (given.length !== 1) throw bad();
  if (c.mrn !== undefined)
    return { by: 'mrn', term: c.mrn, fields: ['mrn'], confirm: (f) => same('identifier', f.mrn, c.mrn!) };
  if (c.email !== undefined)
    return { by: 'email', term: c.email, fields: ['email'], confirm: (f) => same('email', f.email, c.email!) };
  if (c.phone !== undefined)
    return { by: 'phone', term: c.phone, fields: ['phone'], confirm: (f) => same('digits', f.phone, c.phone!) };
  throw bad();
}

/**
 * Equality search through blind indexes. Candidates are opened and compared after
 * normalisation, so an index collision (or an index copied onto another row) never
 * returns a wrong contact. Terms come in the request body, never the URL or the audit.
 */
export async function searchContacts(
  deps: ContactsDeps,
  actor: Actor,
  criteria: SearchCriteria,
): Promise<ContactView[]> {
  const search = parseCriteria(criteria);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read_phi', 'Contact');
    // Searching by a field is reading it (it is opened to confirm each candidate, and a hit
    // tells the caller whose it is): a field the tenant's minimum-necessary list withholds
    // from the caller cannot be searched by.
    for (const field of search.fields) s.assertCan('read_phi', 'Contact', undefined, field);
    const where = policyWhere(s.ability, 'read_phi', 'Contact', whereColumns);
    const { indexName, kind } = searchIndexes[search.by];
    let index;
    try {
      index = await crypto.blindIndex('contacts', indexName, kind, search.term);
    } catch (e) {
      if (!(e instanceof SealError) || e.reason !== 'no_tenant_key') throw e;
      index = undefined; // the tenant never sealed anything: nothing can match
    }
    const candidates =
      where && index ? await repo.findByBlindIndex(s.tx, search.by, index, where, MAX_SEARCH_RESULTS) : [];
    const found: ContactView[] = [];
    for (const row of candidates) {
      if (!search.confirm(await repo.openContact(crypto, row, search.fields))) continue;
      found.push(await view(s, crypto, row, 'contact.search'));
    }
    // a search that found nothing is still activity worth reviewing (its terms are not kept)
    if (found.length === 0)
      s.record({
        action: 'contact.search',
        resourceType: 'Contact',
        phiFields: auditFieldNames(search.fields),
        outcome: 'allowed',
      });
    return found;
  });
}
