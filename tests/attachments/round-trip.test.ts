// Attachments end to end: both upload forms give back the same bytes, the plaintext (a
// canary) is nowhere in the database, the type is decided by the bytes, the tenant's limits
// hold, a refused upload leaves no rows, and every operation is one audit event.
import { databaseDump } from '../helpers/database-dump.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents, touches } from '../helpers/audit.js';
import { canary, gqlOk, ok } from '../tickets/helpers.js';
import {
  attachmentDesk,
  download,
  pngFile,
  textFile,
  uploadMultipart,
  uploadRaw,
  type AttachmentDesk,
} from './helpers.js';

let t: TestApp;
let d: AttachmentDesk;
let url: string;

beforeAll(async () => {
  t = await startTestApp();
  d = await attachmentDesk(t);
  url = `/v1/tickets/${d.ticketId}/attachments`;
});
afterAll(async () => t?.close());

const rowCounts = async () => {
  const { rows } = await sql<{ a: string; c: string }>`
    select (select count(*) from attachments) as a, (select count(*) from attachment_chunks) as c`.execute(
    t.database.db,
  );
  return rows[0];
};

describe('attachments', () => {
  it('round-trips a raw upload byte for byte, with its sealed filename on the download', async () => {
    const secret = canary('FILE');
    const name = `${canary('NAME')} results é.txt`;
    const body = textFile(secret, 300 * 1024 + 17);
    const created = await ok(uploadRaw(t, d.staff, url, body, 'text/plain; charset=utf-8', name), 201);
    expect(created).toMatchObject({
      ticketId: d.ticketId,
      commentId: null,
      contentType: 'text/plain',
      sizeBytes: body.length,
    });
    expect(created.filename).toBe(name);

    const res = await download(d.supervisor, created.id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(body)).toBe(true);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('text/plain');

    // the plaintext and the filename are nowhere in the database, in any encoding pg_dump writes
    const { text: dump } = await databaseDump(t.database);
    for (const needle of [secret, secret.slice(6)]) {
      expect(dump).not.toContain(needle);
      expect(dump).not.toContain(Buffer.from(needle).toString('hex'));
    }
    expect(dump).not.toContain(Buffer.from(name.split(' ')[0]!).toString('hex'));
    expect(dump).not.toContain(name.split(' ')[0]);
    expect(t.logs.text).not.toContain(secret);
    expect(t.logs.text).not.toContain(name.split(' ')[0]);
  });

  it('round-trips a multipart upload and lists it over REST and GraphQL', async () => {
    const body = pngFile(150_000);
    const created = await ok(uploadMultipart(t, d.staff, url, body, 'scan.png', 'image/png'), 201);
    expect(created).toMatchObject({ contentType: 'image/png', filename: 'scan.png', sizeBytes: body.length });
    expect((await download(d.supervisor, created.id)).rawPayload.equals(body)).toBe(true);

    const listed = await ok(d.supervisor.get(url));
    expect(listed.items.map((a: { id: string }) => a.id)).toContain(created.id);
    const data = await gqlOk(
      d.supervisor,
      `query($t: ID!, $id: ID!) { ticketAttachments(ticketId: $t) { items { id contentType filename contentUrl } }
        attachment(id: $id) { id sizeBytes masked } }`,
      { t: d.ticketId, id: created.id },
    );
    expect(data.attachment).toEqual({ id: created.id, sizeBytes: body.length, masked: false });
    expect(data.ticketAttachments.items).toContainEqual({
      id: created.id,
      contentType: 'image/png',
      filename: 'scan.png',
      contentUrl: `/v1/attachments/${created.id}/content`,
    });
  });

  it('decides the type by the bytes: a declared image that is not one is refused (415), and leaves no rows', async () => {
    const before = await rowCounts();
    const res = await uploadRaw(t, d.staff, url, Buffer.from('MZ\x90\x00 not really a picture'), 'image/png');
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const mismatch = await uploadRaw(t, d.staff, url, pngFile(), 'application/pdf');
    expect(mismatch.statusCode).toBe(415);
    expect(await rowCounts()).toEqual(before);
  });

  it("holds the tenant's size limit as the bytes arrive (413) and leaves no rows", async () => {
    await sql`insert into attachment_settings (tenant_id, max_bytes, allowed_types)
      values (${d.tenantId}, ${100 * 1024}, ${['text/plain']})`.execute(t.database.db);
    try {
      const before = await rowCounts();
      const res = await uploadRaw(t, d.staff, url, textFile('BIG', 300 * 1024));
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
      expect(await rowCounts()).toEqual(before);
      const png = await uploadRaw(t, d.staff, url, pngFile(), 'image/png');
      expect(png.statusCode).toBe(415); // no longer on this tenant's allowlist
      await ok(uploadRaw(t, d.staff, url, textFile('SMALL', 90 * 1024)), 201);
    } finally {
      await sql`delete from attachment_settings where tenant_id = ${d.tenantId}`.execute(t.database.db);
    }
  });

  it('refuses an empty file and an unknown ticket or comment without a 5xx', async () => {
    expect((await uploadRaw(t, d.staff, url, Buffer.alloc(0))).statusCode).toBe(400);
    const missing = `/v1/tickets/00000000-0000-4000-8000-000000000000/attachments`;
    expect((await uploadRaw(t, d.staff, missing, textFile('X', 10))).statusCode).toBe(404);
    const badComment = `${url}?commentId=00000000-0000-4000-8000-000000000000`;
    expect((await uploadRaw(t, d.staff, badComment, textFile('X', 10))).statusCode).toBe(404);
    expect((await d.supervisor.get('/v1/attachments/00000000-0000-4000-8000-000000000000/content')).statusCode).toBe(
      404,
    );
  });

  it('answers a cut-off multipart body with 400 and stores nothing', async () => {
    const before = await rowCounts();
    const boundary = '----phideskcut';
    const res = await t.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n`),
        textFile('CUT', 200 * 1024),
      ]),
      headers: { ...d.staff, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('attaches to a comment', async () => {
    const comment = await ok(d.supervisor.post(`/v1/tickets/${d.ticketId}/comments`, { body: 'see file' }), 201);
    const created = await ok(uploadRaw(t, d.staff, `${url}?commentId=${comment.id}`, textFile('CMT', 100)), 201);
    expect(created.commentId).toBe(comment.id);
  });

  it('writes one audit event per operation, naming the attachment and no filename', async () => {
    const created = await ok(uploadRaw(t, d.staff, url, textFile('AUDIT', 100), 'text/plain', 'AUDITNAME.txt'), 201);
    expect((await download(d.supervisor, created.id)).statusCode).toBe(200);
    const events = (await auditEvents(t.database.db, d.tenantId)).filter((e) =>
      touches(e).some((x) => x.id === created.id),
    );
    expect(events.map((e) => e['action']).sort()).toEqual(['attachment.create', 'attachment.download']);
    expect(JSON.stringify(events)).not.toContain('AUDITNAME');
  });
});
