import { sql, type Kysely } from 'kysely';

// PHI detection's value lookup (src/phi-detection/value-lookup.ts) as a function: the
// live contacts of a tenant whose email, phone or MRN blind index is one of the given
// ones, with the three indexes hex-encoded, as a JSON array. A public reply sends the
// lookup inside the statement that reads its outbound settings; written out there, the
// lookup's three-way OR had to be planned on every reply (bench/RESULTS.md: about
// 0.3 ms at p50, paid even by tenants whose check is off). A PL/pgSQL function's query
// is prepared once per connection and its plan kept, so a reply pays for running it only.
// SECURITY INVOKER: the caller's row-level security applies, and the tenant is named too.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function phi_value_matches(p_tenant uuid, p_emails bytea[], p_phones bytea[], p_mrns bytea[])
    returns json language plpgsql stable as $$
    begin
      return coalesce((
        select json_agg(json_build_object(
          'id', c.id,
          'email', encode(c.email_bidx, 'hex'),
          'phone', encode(c.phone_bidx, 'hex'),
          'mrn', encode(c.mrn_bidx, 'hex')))
        from contacts c
        where c.tenant_id = p_tenant and c.deleted_at is null
          and (c.email_bidx = any(p_emails) or c.phone_bidx = any(p_phones) or c.mrn_bidx = any(p_mrns))
      ), '[]'::json);
    end $$`.execute(db);
  await sql`revoke all on function phi_value_matches(uuid, bytea[], bytea[], bytea[]) from public`.execute(db);
  await sql`grant execute on function phi_value_matches(uuid, bytea[], bytea[], bytea[]) to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists phi_value_matches(uuid, bytea[], bytea[], bytea[])`.execute(db);
}
