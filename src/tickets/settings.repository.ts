import type { Tx } from '../db/tenant-tx.js';
import type { BusinessHours, CustomFieldType, TicketPriority } from '../db/database.js';

export async function listSlaPolicies(tx: Tx) {
  return tx
    .selectFrom('sla_policies')
    .select(['priority', 'first_response_minutes', 'resolution_minutes', 'business_hours', 'updated_at'])
    .orderBy('priority')
    .execute();
}

export async function upsertSlaPolicy(
  tx: Tx,
  row: {
    tenant_id: string;
    priority: TicketPriority;
    first_response_minutes: number;
    resolution_minutes: number;
    business_hours: BusinessHours | null;
  },
) {
  const values = { ...row, business_hours: row.business_hours ? JSON.stringify(row.business_hours) : null };
  await tx
    .insertInto('sla_policies')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'priority']).doUpdateSet({
        first_response_minutes: values.first_response_minutes,
        resolution_minutes: values.resolution_minutes,
        business_hours: values.business_hours,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export async function deleteSlaPolicy(tx: Tx, priority: TicketPriority) {
  return tx.deleteFrom('sla_policies').where('priority', '=', priority).executeTakeFirst();
}

export async function listFieldDefinitions(tx: Tx) {
  return tx
    .selectFrom('custom_field_definitions')
    .select(['id', 'key', 'label', 'type', 'options', 'phi', 'created_at'])
    .orderBy('key')
    .execute();
}

export async function insertFieldDefinition(
  tx: Tx,
  row: { tenant_id: string; key: string; label: string; type: CustomFieldType; options: string[] | null; phi: boolean },
) {
  return tx
    .insertInto('custom_field_definitions')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning(['id', 'key', 'label', 'type', 'options', 'phi', 'created_at'])
    .executeTakeFirst();
}
