// A stored attachment whose chunks were altered, dropped, reordered or cut short never
// downloads as a (silently short) file: the download fails, over a real socket too.
// Crypto-shredding the tenant makes its attachments unreadable for good.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Actor } from '../../src/auth/actor.js';
import { PgAttachmentStore } from '../../src/attachments/pg-attachment-store.js';
import { CHUNK_BYTES } from '../../src/attachments/attachment-stream.js';
import { downloadAttachment } from '../../src/attachments/attachments.service.js';
import { UnsealError } from '../../src/crypto/errors.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { operatorDeps } from '../contacts/helpers.js';
import { ok } from '../tickets/helpers.js';
import { attachmentDesk, textFile, uploadRaw, type AttachmentDesk } from './helpers.js';

let t: TestApp;
let d: AttachmentDesk;
let base: string;
let id: string;
const body = textFile('TAMPER', 5 * CHUNK_BYTES - 100); // five chunks

beforeAll(async () => {
  t = await startTestApp();
  d = await attachmentDesk(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t?.close());

beforeEach(async () => {
  id = (await ok(uploadRaw(t, d.staff, `/v1/tickets/${d.ticketId}/attachments`, body), 201)).id;
});

/** 'whole' only when the response is a 200 with every byte; anything else is a failure the client sees. */
async function fetchOutcome(): Promise<'whole' | 'failed' | 'short'> {
  const res = await fetch(`${base}/v1/attachments/${id}/content`, { headers: d.staff });
  if (res.status !== 200) return 'failed';
  try {
    const bytes = Buffer.from(await res.arrayBuffer());
    return bytes.equals(body) ? 'whole' : 'short';
  } catch {
    return 'failed';
  }
}

const db = () => t.database.db;

describe('a tampered attachment', () => {
  it('downloads whole when untouched', async () => {
    expect(await fetchOutcome()).toBe('whole');
  });

  it.each([0, 2, 4])('fails when chunk %i is altered', async (index) => {
    await sql`update attachment_chunks set sealed = set_byte(sealed, 20, get_byte(sealed, 20) # 1)
      where attachment_id = ${id} and index = ${index}`.execute(db());
    expect(await fetchOutcome()).toBe('failed');
  });

  it.each([1, 4])('fails when chunk %i is dropped', async (index) => {
    await sql`delete from attachment_chunks where attachment_id = ${id} and index = ${index}`.execute(db());
    expect(await fetchOutcome()).toBe('failed');
  });

  it('fails when the final chunk is dropped and the metadata shortened to match', async () => {
    await sql`delete from attachment_chunks where attachment_id = ${id} and index = 4`.execute(db());
    await sql`update attachments set chunk_count = 4, size_bytes = ${4 * CHUNK_BYTES} where id = ${id}`.execute(db());
    expect(await fetchOutcome()).toBe('failed');
  });

  it('fails when two chunks swap places', async () => {
    await sql`update attachment_chunks c set sealed = o.sealed from attachment_chunks o
      where c.attachment_id = ${id} and o.attachment_id = ${id}
        and ((c.index = 1 and o.index = 2) or (c.index = 2 and o.index = 1))`.execute(db());
    expect(await fetchOutcome()).toBe('failed');
  });

  it("fails when a chunk of another attachment is put in one's place", async () => {
    const other = (await ok(uploadRaw(t, d.staff, `/v1/tickets/${d.ticketId}/attachments`, body), 201)).id;
    await sql`update attachment_chunks c set sealed = o.sealed from attachment_chunks o
      where c.attachment_id = ${id} and c.index = 3 and o.attachment_id = ${other} and o.index = 3`.execute(db());
    expect(await fetchOutcome()).toBe('failed');
  });

  it('records the failure in the audit trail without a byte of the file', async () => {
    await sql`update attachment_chunks set sealed = set_byte(sealed, 20, get_byte(sealed, 20) # 1)
      where attachment_id = ${id} and index = 0`.execute(db());
    const res = await fetch(`${base}/v1/attachments/${id}/content`, { headers: d.staff });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { code: string }).code).toBe('UNSEAL_FAILED');
    expect(t.logs.text).not.toContain('TAMPER lab');
  });
});

describe('crypto-shredding the tenant', () => {
  it('leaves its attachments unreadable, though their sealed chunks remain', async () => {
    const ops = operatorDeps(t);
    await ops.keyring.shredTenant(d.tenantId);
    const actor: Actor = {
      tenantId: d.tenantId,
      id: '00000000-0000-4000-8000-00000000a6e2',
      kind: 'user',
      authMethod: 'jwt',
      roles: ['supervisor'],
      groupIds: [],
      scopes: [],
      mfa: true,
      requireMfaForPhi: false,
      breakGlass: [],
    };
    const deps = { db: db(), audit: ops.audit, keyring: ops.keyring, store: new PgAttachmentStore(db()) };
    const failure = await downloadAttachment(deps, actor, id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(UnsealError);
    expect(failure).toMatchObject({ reason: 'destroyed_key_version' });
    const chunks = await db().selectFrom('attachment_chunks').select('index').where('attachment_id', '=', id).execute();
    expect(chunks).toHaveLength(5);
  });
});
