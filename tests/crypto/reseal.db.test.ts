// The re-seal job on real PostgreSQL: it resumes where it stopped (same job, nothing
// done twice), it never overwrites a value it cannot open, and retirement is refused
// while any ciphertext header still names the old version.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as keys from '../../src/keys/keys.service.js';
import { resealTenant } from '../../src/keys/reseal.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createContact, operatorDeps, sampleContact, staffTenant, type ContactBody } from '../contacts/helpers.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ env: { KEY_CACHE_SECONDS: '1' } });
});
afterAll(async () => t?.close());

const versions = async (tenantId: string) =>
  (await t.database.db.selectFrom('contacts').select(['key_version']).where('tenant_id', '=', tenantId).execute()).map(
    (r) => r.key_version,
  );

describe('re-seal job', () => {
  it('pauses and resumes the same job from its saved cursor, then every value opens under the new version', async () => {
    const tenant = await staffTenant(t);
    const bodies = new Map<string, ContactBody>();
    for (let i = 0; i < 23; i++) {
      const body = sampleContact();
      bodies.set((await createContact(tenant.agent, body)).id, body);
    }
    // a tiny cache age here so the job's settle wait is short; the app's own cache is 1 s
    const ops = { ...operatorDeps(t), cacheMaxAgeMs: 1 };
    const ref = await keys.resolveTenant(ops, tenant.slug);
    await keys.rotateTenantKey(ops, ref);

    const progress: number[] = [];
    const first = await resealTenant(ops, ref, {
      batchSize: 5,
      maxBatches: 2,
      onProgress: (p) => progress.push(p.rowsDone),
    });
    expect(first).toMatchObject({ status: 'paused', rowsDone: 10, totalRows: 23, targetVersion: 2 });
    expect(progress).toEqual([5, 10]);
    expect((await versions(tenant.tenantId)).filter((v) => v === 2)).toHaveLength(10);
    const saved = await t.database.db
      .selectFrom('reseal_jobs')
      .selectAll()
      .where('id', '=', first.jobId)
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ status: 'running', rows_done: 10, fields_done: 80 });
    expect(saved.cursor.afterId).toMatch(/^[0-9a-f-]{36}$/);

    const rest = await resealTenant(ops, ref, { batchSize: 5 });
    expect(rest).toMatchObject({
      status: 'completed',
      jobId: first.jobId,
      rowsDone: 23,
      fieldsDone: 23 * 8,
      rowsFailed: 0,
      failedRowIds: [],
    });
    expect(new Set(await versions(tenant.tenantId))).toEqual(new Set([2]));
    expect(
      await t.database.db.selectFrom('reseal_jobs').select('status').where('tenant_id', '=', ref.id).execute(),
    ).toEqual([{ status: 'completed' }]);

    await new Promise((r) => setTimeout(r, 1100)); // the app's key cache sees v2
    for (const [id, body] of bodies)
      expect((await tenant.agent.get(`/v1/contacts/${id}`)).json()).toMatchObject({ name: body.name, mrn: body.mrn });
    await keys.retireTenantKeyVersion(ops, ref, 1);
    const status = await keys.keyStatus(ops, ref);
    expect(status.versions.map((v) => [v.version, v.status, v.sealedValues])).toEqual([
      [0, 'active', 0],
      [1, 'retired', 0],
      [2, 'active', 23 * 8],
    ]);
    ops.keyring.clear();
  });

  it('leaves a value it cannot open as it is, reports the row, and retirement stays refused', async () => {
    const tenant = await staffTenant(t);
    const { id: damaged } = await createContact(tenant.agent);
    const { id: fine } = await createContact(tenant.agent);
    await sql`update contacts set email = set_byte(email, 33, get_byte(email, 33) # 4) where id = ${damaged}`.execute(
      t.database.db,
    );
    const before = await t.database.db
      .selectFrom('contacts')
      .select(['email', 'name'])
      .where('id', '=', damaged)
      .executeTakeFirstOrThrow();

    const ops = { ...operatorDeps(t), cacheMaxAgeMs: 1 };
    const ref = await keys.resolveTenant(ops, tenant.slug);
    await keys.rotateTenantKey(ops, ref);
    const result = await resealTenant(ops, ref, {});
    expect(result).toMatchObject({ status: 'completed', rowsDone: 1, rowsFailed: 1, failedRowIds: [damaged] });
    const after = await t.database.db
      .selectFrom('contacts')
      .select(['email', 'name', 'key_version'])
      .where('id', '=', damaged)
      .executeTakeFirstOrThrow();
    expect(after.email!.equals(before.email!)).toBe(true);
    expect(after.name!.equals(before.name!)).toBe(true); // the whole row is left alone, not half moved
    expect(after.key_version).toBe(1);
    expect(
      (
        await t.database.db
          .selectFrom('contacts')
          .select('key_version')
          .where('id', '=', fine)
          .executeTakeFirstOrThrow()
      ).key_version,
    ).toBe(2);

    await expect(keys.retireTenantKeyVersion(ops, ref, 1)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/8 sealed value\(s\) still use version 1/),
    });
    ops.keyring.clear();
  });
});
