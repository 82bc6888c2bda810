// The typed shape of every table, as Kysely sees it. PHI columns are Sealed<T>
// (src/crypto/sealed.ts) so plaintext cannot be written to them by mistake.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  status: ColumnType<'active' | 'suspended' | 'shredded', 'active' | 'suspended' | 'shredded' | undefined>;
  created_at: Generated<CreatedAt>;
  updated_at: Generated<UpdatedAt>;
}

export interface Database {
  tenants: TenantsTable;
}
