// Contacts for GraphQL loaders: many ids in one query, each visible one masked or opened
// and audited exactly as a single read would be.
import type { Actor } from '../auth/actor.js';
import { policyWhere } from '../policy/sql.js';
import { readInTenant } from '../services/scope.js';
import type { ContactView } from './contacts.model.js';
import * as repo from './contacts.repository.js';
import { view, type ContactsDeps } from './contacts.service.js';
import { isUuid } from '../ids.js';
import { cryptoForRead } from '../services/seal-failures.js';

export async function getContactsByIds(
  deps: ContactsDeps,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, ContactView>> {
  const valid = ids.filter(isUuid);
  // a value that fails to open is audited as an error, as for a single read (src/services/seal-failures.ts)
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'Contact', { id: 'contacts.id' });
    const out = new Map<string, ContactView>();
    if (!where || valid.length === 0) return out;
    const rows = await repo.getContactsByIds(s.tx, valid, where);
    for (const row of rows) out.set(row.id, await view(s, crypto, row, 'contact.read'));
    return out;
  });
}
