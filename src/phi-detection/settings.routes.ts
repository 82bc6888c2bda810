// REST adapter for the tenant's PHI detection settings: GET and PUT /v1/phi-detection-settings.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, errorResponses } from '../http/schemas.js';
import type { ServiceDeps } from '../services/scope.js';
import { actorOf } from '../http/actor.js';
import { PHI_KINDS } from './patterns.js';
import { PHI_DETECTION_ACTIONS } from './settings.model.js';
import * as settings from './settings.service.js';

const Action = Type.Union(PHI_DETECTION_ACTIONS.map((a) => Type.Literal(a)));
const Kind = Type.Union(PHI_KINDS.map((k) => Type.Literal(k)));
const Patterns = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10 });

const PhiDetectionSettings = Type.Object({
  otherPatientAction: Action,
  patternAction: Action,
  patternKinds: Type.Array(Kind),
  mrnPatterns: Type.Array(Type.String()),
  accountPatterns: Type.Array(Type.String()),
  isDefault: Type.Boolean(),
  updatedAt: Nullable(DateTime),
});
// Structure here; that each kind is listed once and each pattern is safe, the service
// checks (for GraphQL too), naming the field of each problem in its 400.
const PutPhiDetectionSettings = Type.Object(
  {
    otherPatientAction: Action,
    patternAction: Action,
    patternKinds: Type.Array(Kind, { maxItems: PHI_KINDS.length }),
    mrnPatterns: Patterns,
    accountPatterns: Patterns,
  },
  { additionalProperties: false },
);

export function phiDetectionSettingsRoutes(deps: ServiceDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/phi-detection-settings',
      {
        config: { policy: { action: 'read', subject: 'Tenant' } },
        schema: { response: { 200: PhiDetectionSettings, ...errorResponses } },
      },
      async (req) => settings.getPhiDetectionSettings(deps, actorOf(req)),
    );

    app.put<{ Body: Static<typeof PutPhiDetectionSettings> }>(
      '/phi-detection-settings',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { body: PutPhiDetectionSettings, response: { 200: PhiDetectionSettings, ...errorResponses } },
      },
      async (req) => settings.putPhiDetectionSettings(deps, actorOf(req), req.body),
    );
  };
}
