// Shared set-up for the attachment suites: a desk with a ticket, uploads in both forms
// (raw body, multipart) through the real app, and file bodies that carry a canary.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../helpers/app.js';
import { mintKey, type Client } from '../helpers/actors.js';
import { canary, desk, ok, type Desk } from '../tickets/helpers.js';

export interface AttachmentDesk extends Desk {
  ticketId: string;
  /** a supervisor's API key headers, for requests with raw bodies */
  staff: Record<string, string>;
}

export async function attachmentDesk(t: TestApp): Promise<AttachmentDesk> {
  const d = await desk(t);
  const key = await mintKey(t.app, d.adminKey, ['supervisor']);
  const ticket = await ok(d.supervisor.post('/v1/tickets', { subject: canary('SUBJ') }), 201);
  return { ...d, ticketId: ticket.id as string, staff: { 'x-api-key': key.secret } };
}

/** A text file of `bytes` bytes (several chunks when large) with `marker` written through it. */
export function textFile(marker: string, bytes = 200 * 1024): Buffer {
  const line = `${marker} lab result line\n`;
  return Buffer.from(line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes), 'utf8');
}

export const pngFile = (bytes = 1024): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(bytes - 8)]);

/** POST /v1/tickets/{id}/attachments with the file as the raw body. */
export function uploadRaw(
  t: TestApp,
  auth: Record<string, string>,
  url: string,
  body: Buffer,
  contentType = 'text/plain',
  filename?: string,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: {
      ...auth,
      'content-type': contentType,
      ...(filename ? { 'content-disposition': `attachment; filename="${filename}"` } : {}),
    },
  });
}

/** The same upload as multipart/form-data with one file part. */
export function uploadMultipart(
  t: TestApp,
  auth: Record<string, string>,
  url: string,
  body: Buffer,
  filename: string,
  contentType = 'text/plain',
): Promise<LightMyRequestResponse> {
  const boundary = `----phidesk${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export async function download(c: Client, id: string): Promise<LightMyRequestResponse> {
  return c.get(`/v1/attachments/${id}/content`);
}
