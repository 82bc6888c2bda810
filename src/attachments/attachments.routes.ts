// REST adapter for attachments. Uploads are streamed straight into the service, as
// multipart/form-data (one file part) or as a raw body whose Content-Type is the file's;
// no body parser buffers them here (this plugin's scope only). Downloads stream the
// opened chunks with Content-Disposition: attachment.
import { MULTIPART_HARD_LIMIT } from './attachment-limits.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../errors.js';
import { actorOf } from '../http/actor.js';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, Uuid, errorResponses } from '../http/schemas.js';
import { uploadAttachment, type UploadInput } from './attachment-upload.service.js';
import * as attachments from './attachments.service.js';
import { contentDisposition, filenameFromDisposition } from './content-disposition.js';
import { mediaTypeOf } from './content-sniffing.js';

export const AttachmentSchema = Type.Object({
  id: Type.String(),
  ticketId: Type.String(),
  commentId: Nullable(Type.String()),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  filename: Nullable(Type.String()),
  masked: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: DateTime,
});
const UploadQuery = Type.Object({ commentId: Type.Optional(Uuid) }, { additionalProperties: false });
const uploadErrors = { 413: { $ref: 'Problem#' }, 415: { $ref: 'Problem#' } };

async function uploadSource(req: FastifyRequest): Promise<Omit<UploadInput, 'ticketId' | 'commentId'>> {
  if (req.isMultipart()) {
    // a form whose head cannot be parsed (no boundary, not multipart after all) is the caller's error
    const part = await req.file({ limits: { fileSize: MULTIPART_HARD_LIMIT, files: 1, fields: 0 } }).catch(() => {
      throw new AppError('VALIDATION_FAILED', 'The multipart form could not be read.', [
        { pointer: '/file', detail: 'not a multipart/form-data body with a boundary' },
      ]);
    });
    if (!part)
      throw new AppError('VALIDATION_FAILED', 'The form has no file.', [{ pointer: '/file', detail: 'missing' }]);
    return { filename: part.filename || undefined, declaredType: mediaTypeOf(part.mimetype), content: part.file };
  }
  const disposition = req.headers['content-disposition'];
  return {
    filename: filenameFromDisposition(typeof disposition === 'string' ? disposition : undefined),
    declaredType: mediaTypeOf(req.headers['content-type']),
    // an early refusal (413, 415) stops reading without destroying the socket, so the problem still goes out
    content: req.raw.iterator({ destroyOnReturn: false }),
  };
}

/** After a refused upload the rest of the body is discarded and the connection closed once answered. */
function discardRest(req: FastifyRequest, reply: FastifyReply): void {
  if (req.raw.complete) return;
  reply.header('connection', 'close');
  req.raw.resume();
}

export function attachmentsRoutes(deps: attachments.AttachmentsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    // Bodies reach the upload handler unread: no JSON or text parser may buffer a file.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_req, _payload, done) => done(null));
    await app.register(multipart, { limits: { fileSize: MULTIPART_HARD_LIMIT, files: 1 } });

    app.post<{ Params: Static<typeof IdParams>; Querystring: Static<typeof UploadQuery> }>(
      '/tickets/:id/attachments',
      {
        config: { policy: { action: 'read', subject: 'Ticket' } },
        schema: {
          params: IdParams,
          querystring: UploadQuery,
          response: { 201: AttachmentSchema, ...errorResponses, ...uploadErrors },
        },
      },
      async (req, reply) => {
        try {
          const source = await uploadSource(req);
          const attachment = await uploadAttachment(deps, actorOf(req), {
            ...source,
            ticketId: req.params.id,
            commentId: req.query.commentId,
          });
          return await reply.code(201).header('location', `/v1/attachments/${attachment.id}`).send(attachment);
        } catch (e) {
          discardRest(req, reply);
          throw e;
        }
      },
    );

    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PageQuery> }>(
      '/tickets/:id/attachments',
      {
        config: { policy: { action: 'read', subject: 'Ticket' } },
        schema: {
          params: IdParams,
          querystring: PageQuery,
          response: { 200: PageOf(AttachmentSchema), ...errorResponses },
        },
      },
      async (req) => attachments.listTicketAttachments(deps, actorOf(req), req.params.id, req.query),
    );

    app.get<{ Params: Static<typeof IdParams> }>(
      '/attachments/:id',
      {
        config: { policy: { action: 'read', subject: 'Ticket' } },
        schema: { params: IdParams, response: { 200: AttachmentSchema, ...errorResponses } },
      },
      async (req) => attachments.getAttachment(deps, actorOf(req), req.params.id),
    );

    app.get<{ Params: Static<typeof IdParams> }>(
      '/attachments/:id/content',
      {
        config: { policy: { action: 'read', subject: 'Ticket' } },
        schema: { params: IdParams, response: errorResponses },
      },
      async (req, reply) => {
        const { attachment, content } = await attachments.downloadAttachment(deps, actorOf(req), req.params.id);
        return reply
          .type(attachment.contentType)
          .header('content-length', attachment.sizeBytes)
          .header('content-disposition', contentDisposition(attachment.filename ?? 'attachment'))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(content);
      },
    );
  };
}
