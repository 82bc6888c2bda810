// REST adapter for the tenant's attachment limits. A plugin of its own: the attachments
// plugin drops the JSON body parser (uploads are streamed), these routes take JSON.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, errorResponses } from '../http/schemas.js';
import type { ServiceDeps } from '../services/scope.js';
import { actorOf } from '../http/actor.js';
import * as settings from './attachment-settings.service.js';

const AttachmentSettings = Type.Object({
  maxBytes: Type.Integer(),
  allowedTypes: Type.Array(Type.String()),
  isDefault: Type.Boolean(),
  updatedAt: Nullable(DateTime),
});
// Structure here; which types, and that each is listed once, the service checks (for
// GraphQL too), naming the allowed values in its 400.
const PutAttachmentSettings = Type.Object(
  {
    maxBytes: Type.Integer({ minimum: 1, maximum: settings.maxBytesCeiling }),
    allowedTypes: Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

export function attachmentSettingsRoutes(deps: ServiceDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/attachment-settings',
      {
        config: { policy: { action: 'read', subject: 'Tenant' } },
        schema: { response: { 200: AttachmentSettings, ...errorResponses } },
      },
      async (req) => settings.getAttachmentSettings(deps, actorOf(req)),
    );

    app.put<{ Body: Static<typeof PutAttachmentSettings> }>(
      '/attachment-settings',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { body: PutAttachmentSettings, response: { 200: AttachmentSettings, ...errorResponses } },
      },
      async (req) => settings.putAttachmentSettings(deps, actorOf(req), req.body),
    );
  };
}
