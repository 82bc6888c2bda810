import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// Activity review (45 CFR 164.308(a)(1)(ii)(D)) and incidents with their breach assessment
// (164.402-410), src/activity-review and src/incidents.
//
// The detectors read the audit trail incrementally: activity_review_cursors keeps, per
// tenant, the last chained seq they have looked at, and activity_tallies the running counts
// per actor and period (an off-hours local day, a UTC hour for volume and denials), so a
// round reads only events chained since the last one. A tally that crosses its threshold
// becomes a review finding (one per actor, kind and period), which a privacy officer
// acknowledges, dismisses (the reason sealed: staff free text) or turns into an incident.
//
// An incident keeps its discovery date, the four risk-assessment factors of 164.402(2)
// (closed codes in plain jsonb, the officer's notes sealed as one JSON value) and its
// affected patients, computed from the audit trail once, at opening: each patient with the
// operations and PHI field names that touched them (names, never values).
const SEALED_MIN_BYTES = 6 + 24 + 16;
const envelope = (column: string) =>
  sql`${sql.ref(column)} is null or (length(${sql.ref(column)}) >= ${sql.lit(SEALED_MIN_BYTES)}
  and get_byte(${sql.ref(column)}, 0) = 1 and get_byte(${sql.ref(column)}, 1) = 1)`;

const findingKinds = sql`kind in ('off_hours', 'volume', 'denied_burst', 'break_glass')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_review_settings')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('time_zone', 'text', (c) => c.notNull().check(sql`length(time_zone) between 1 and 64`))
    // minutes after local midnight; start < end (no overnight business days)
    .addColumn('business_start', 'integer', (c) => c.notNull().check(sql`business_start between 0 and 1439`))
    .addColumn('business_end', 'integer', (c) => c.notNull().check(sql`business_end between 1 and 1440`))
    // ISO weekdays, 1 = Monday .. 7 = Sunday
    .addColumn('business_days', sql`smallint[]`, (c) => c.notNull())
    .addColumn('off_hours_min_records', 'integer', (c) => c.notNull().check(sql`off_hours_min_records >= 1`))
    .addColumn('volume_min_records', 'integer', (c) => c.notNull().check(sql`volume_min_records >= 1`))
    .addColumn('volume_factor', 'real', (c) => c.notNull().check(sql`volume_factor >= 1`))
    .addColumn('denied_burst_min', 'integer', (c) => c.notNull().check(sql`denied_burst_min >= 1`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('activity_review_hours_ordered', sql`business_start < business_end`)
    .execute();

  await db.schema
    .createTable('activity_review_cursors')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('activity_tallies')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(findingKinds))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_tallies_pk', ['tenant_id', 'kind', 'actor_id', 'period_key'])
    .execute();

  await db.schema
    .createTable('review_findings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(findingKinds))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('window_end', 'timestamptz', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('baseline', 'real')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'acknowledged', 'dismissed', 'incident_opened')`),
    )
    .addColumn('dismiss_reason_sealed', 'bytea', (c) => c.check(envelope('dismiss_reason_sealed')))
    .addColumn('key_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('incident_id', 'uuid')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('review_findings_one_per_period', ['tenant_id', 'kind', 'actor_id', 'period_key'])
    .execute();
  await db.schema
    .createIndex('review_findings_tenant_created')
    .on('review_findings')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('discovered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('source_finding_id', 'uuid')
    // the scope: one actor (user or API key), optionally one of its sessions, or every actor (null) in the window
    .addColumn('scope_actor_id', 'text')
    .addColumn('scope_session_id', 'text')
    .addColumn('scope_from', 'timestamptz', (c) => c.notNull())
    .addColumn('scope_to', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'closed')`),
    )
    // the four factors' closed codes (164.402(2)(i)-(iv)); the notes are in risk_notes_sealed
    .addColumn('risk_assessment', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('risk_notes_sealed', 'bytea', (c) => c.check(envelope('risk_notes_sealed')))
    .addColumn('affected_count', 'integer', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('incidents_scope_ordered', sql`scope_from <= scope_to`)
    .execute();
  await db.schema
    .createIndex('incidents_tenant_created')
    .on('incidents')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('incident_patients')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull())
    .addColumn('actions', sql`text[]`, (c) => c.notNull())
    .addColumn('phi_fields', sql`text[]`, (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('incident_patients_once', ['tenant_id', 'incident_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('incident_patients_by_incident')
    .on('incident_patients')
    .columns(['tenant_id', 'incident_id', 'created_at', 'id'])
    .execute();

  for (const table of [
    'activity_review_settings',
    'activity_review_cursors',
    'activity_tallies',
    'review_findings',
    'incidents',
    'incident_patients',
  ])
    await tenantRls(db, table);
  // nothing here is deleted by the runtime role: findings and incidents are compliance records (164.316(b)(2))
  await sql`grant select, insert, update on activity_review_settings, activity_review_cursors, activity_tallies, review_findings, incidents to phidesk_app`.execute(
    db,
  );
  await sql`grant select, insert on incident_patients to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'incident_patients',
    'incidents',
    'review_findings',
    'activity_tallies',
    'activity_review_cursors',
    'activity_review_settings',
  ])
    await db.schema.dropTable(table).execute();
}
