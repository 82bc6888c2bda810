import type { MinimumNecessary } from '../minimum-necessary/minimum-necessary.model.js';
import type { BreakGlassGrant } from '../policy/ability.js';
import type { AuditOperation } from '../services/audit-operation.js';

// Who is acting. Every service entry point takes one of these explicitly; nothing in the
// domain layer reads the framework's request.

export const roles = [
  'tenant_admin',
  'privacy_officer',
  'supervisor',
  'agent',
  'auditor',
  'requester',
  'integration',
] as const;
export type Role = (typeof roles)[number];

export type AuthMethod = 'jwt' | 'api_key' | 'system';

export interface Actor {
  readonly tenantId: string;
  /** users.id, api_keys.id, or a fixed id for system jobs */
  readonly id: string;
  readonly kind: 'user' | 'api_key' | 'system';
  readonly authMethod: AuthMethod;
  readonly roles: readonly Role[];
  /** group ids the actor belongs to (agents see their groups' tickets) */
  readonly groupIds: readonly string[];
  /** API-key scopes, e.g. tickets:create; empty for users */
  readonly scopes: readonly string[];
  /** for requesters: the contact record this person is */
  readonly contactId?: string | undefined;
  readonly sessionId?: string | undefined;
  readonly keyId?: string | undefined;
  /** whether the credential proved multi-factor authentication (amr claim) */
  readonly mfa: boolean;
  readonly purposeOfUse?: string | undefined;
  /** request correlation for audit; set by the transport adapter */
  readonly requestId?: string | undefined;
  readonly clientAddress?: string | undefined;
  readonly userAgent?: string | undefined;
  /**
   * Set by the GraphQL adapter for one operation: reads gather their audit events here and
   * the adapter writes them as one event before the response leaves (see audit-operation.ts).
   */
  readonly auditOperation?: AuditOperation | undefined;
  /** tenant rule: PHI fields need an MFA-proven credential */
  readonly requireMfaForPhi: boolean;
  /** active break-glass grants of this actor, loaded at authentication */
  readonly breakGlass: readonly BreakGlassGrant[];
  /**
   * the tenant's minimum-necessary field lists (164.502(b)), read with the tenant row at
   * authentication; absent (system actors) or empty: every field read_phi allows
   */
  readonly minimumNecessary?: MinimumNecessary | undefined;
}
