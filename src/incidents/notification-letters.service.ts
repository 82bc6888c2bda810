// Notification letters for an incident's affected patients, a page at a time: each patient's
// name and address opened (a read of their PHI, audited as contact.read naming those fields)
// and put into the officer's template. Nothing is stored and nothing is logged: the letters
// exist only in the response. Privacy officer only (read_phi on Incident and on Contact).
import type { Actor } from '../auth/actor.js';
import type { Sealed } from '../crypto/sealed.js';
import { notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { readInTenant } from '../services/scope.js';
import { cryptoForRead } from '../services/seal-failures.js';
import * as repo from './incidents.repository.js';
import type { IncidentDeps } from './incidents.service.js';
import { assertTemplate, fieldLabel, formatAddress, renderLetter } from './notification-letters.js';

export interface LetterView {
  contactId: string;
  /** null when the contact has since been deleted (its PHI erased) */
  letter: string | null;
}

export async function notificationLetters(
  deps: IncidentDeps,
  actor: Actor,
  id: string,
  input: { template: string },
  page: PageRequest,
): Promise<Page<LetterView>> {
  assertTemplate(input.template);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read_phi', 'Incident');
    s.assertCan('read_phi', 'Contact');
    const incident = isUuid(id) ? await repo.getIncident(s.tx, id) : undefined;
    if (!incident) throw notFound('incident');
    const result = await paginate(repo.selectAffectedPatients(s.tx, id), 'incident_patients', page);
    const contacts = new Map(
      (
        await repo.contactNamesAndAddresses(
          s.tx,
          result.items.map((p) => p.contact_id),
        )
      ).map((c) => [c.id, c]),
    );
    const items: LetterView[] = [];
    for (const p of result.items) {
      const c = contacts.get(p.contact_id);
      if (!c) {
        items.push({ contactId: p.contact_id, letter: null });
        continue;
      }
      const open = (column: 'name' | 'address', v: unknown) =>
        v === null
          ? Promise.resolve(null)
          : crypto.open({ table: 'contacts', column, rowId: c.id }, v as Sealed<string>);
      const name = (await open('name', c.name)) ?? '';
      const address = await open('address', c.address);
      s.record({
        action: 'contact.read',
        resourceType: 'Contact',
        resourceId: c.id,
        subjectContactId: c.id,
        phiFields: ['contact.name', ...(address !== null ? ['contact.address'] : [])],
        outcome: 'allowed',
      });
      items.push({
        contactId: p.contact_id,
        letter: renderLetter(input.template, {
          name,
          address: formatAddress(address === null ? null : (JSON.parse(address) as Record<string, unknown>)),
          discoveredOn: incident.discovered_at.toISOString().slice(0, 10),
          incidentId: incident.id,
          fields: p.phi_fields.map(fieldLabel).join(', '),
          operations: p.actions.join(', '),
        }),
      });
    }
    s.record({ action: 'incident.letters', resourceType: 'Incident', resourceId: id, outcome: 'allowed' });
    return { items, nextCursor: result.nextCursor };
  });
}
