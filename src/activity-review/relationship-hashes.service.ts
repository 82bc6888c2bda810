// A staff user's self-declared surname and address, kept only as blind indexes: the activity
// review's relationship_match detector compares them with patients' indexes. The values are
// hashed with the tenant's contacts/surname and contacts/address keys through the same
// functions contacts use (contacts.model.ts), so equal values match; the plaintext is never
// stored, echoed or audited. Set by a tenant admin (update User); PUT replaces both, an
// absent or null value clears that index.
import type { Actor } from '../auth/actor.js';
import { addressKey, relationshipIndexes, surnameKey, type Address } from '../contacts/contacts.model.js';
import type { BlindIndex } from '../crypto/sealed.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { inTenant } from '../services/scope.js';
import { cryptoForWrite } from '../services/seal-failures.js';
import * as repo from './activity-review.repository.js';
import type { ReviewDeps } from './review-findings.service.js';

export interface RelationshipHashesInput {
  surname?: string | null;
  address?: Pick<Address, 'line1' | 'postalCode'> | null;
}

/** What the response says: which indexes are now set, never their values. */
export interface RelationshipHashesView {
  userId: string;
  surnameSet: boolean;
  addressSet: boolean;
}

const invalid = (pointer: string, detail: string) =>
  new AppError('VALIDATION_FAILED', `${pointer.slice(1)} ${detail}.`, [{ pointer, detail }]);

export async function setRelationshipHashes(
  deps: ReviewDeps,
  actor: Actor,
  userId: string,
  input: RelationshipHashesInput,
): Promise<RelationshipHashesView> {
  if (!isUuid(userId)) throw notFound('user');
  const surname = input.surname == null ? null : surnameKey(input.surname);
  if (input.surname != null && surname === null) throw invalid('/surname', 'has nothing comparable');
  const address = input.address == null ? null : addressKey(input.address);
  if (input.address != null && address === null) throw invalid('/address', 'needs line1 and postalCode');
  const crypto = await cryptoForWrite(deps, actor);
  const index = (by: keyof typeof relationshipIndexes, value: string | null): Promise<BlindIndex> | null =>
    value === null
      ? null
      : crypto.blindIndex('contacts', relationshipIndexes[by].indexName, relationshipIndexes[by].kind, value);
  const hashes = { surname_bidx: await index('surname', surname), address_bidx: await index('address', address) };
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'User');
    if (!(await repo.setRelationshipHashes(s.tx, userId, hashes))) throw notFound('user');
    s.record({ action: 'user.relationship_hashes_set', resourceType: 'User', resourceId: userId, outcome: 'allowed' });
    return { userId, surnameSet: hashes.surname_bidx !== null, addressSet: hashes.address_bidx !== null };
  });
}
