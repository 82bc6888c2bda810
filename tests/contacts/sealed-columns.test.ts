// The contacts table's PHI columns are Sealed<string> in the Database interface: writing
// plaintext (or a blind index, or raw bytes) to one does not compile. The expect-error
// directives below are checked by `tsc --noEmit` (tests are in the project) and fail it
// the day plaintext becomes assignable; the queries are only built, never run.
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { BlindIndex, Sealed } from '../../src/crypto/sealed.js';

function writes(db: Kysely<Database>, sealed: Sealed<string>, index: BlindIndex) {
  const base = { id: 'x', tenant_id: 't', key_version: 1 };
  return [
    db.insertInto('contacts').values({ ...base, name: sealed, mrn_bidx: index }),
    // @ts-expect-error plaintext cannot go into a sealed column
    db.insertInto('contacts').values({ ...base, name: 'Jane Doe' }),
    // @ts-expect-error nor raw bytes
    db.updateTable('contacts').set({ email: Buffer.from('jane@example.org') }),
    // @ts-expect-error nor a blind index
    db.updateTable('contacts').set({ mrn: index }),
    // @ts-expect-error and a blind-index column takes only a blind index
    db.updateTable('contacts').set({ mrn_bidx: sealed }),
  ];
}

describe('sealed contact columns', () => {
  it('are typed so that only sealed values compile', () => {
    expect(typeof writes).toBe('function');
  });
});
