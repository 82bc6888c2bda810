// One websocket carrying GraphQL subscriptions, and who is on it. The credential sent in
// connection_init (the same `authorization` or `x-api-key` a request would carry) is
// authenticated like a request's, then checked again every SUBSCRIPTION_RECHECK_MS: the
// authentication cache, invalidated through LISTEN/NOTIFY, keeps that cheap, and a key
// revoked, a session ended, a role changed or a token expired takes effect within that
// interval. A credential refused on a re-check closes the socket with 4401 (graphql-ws:
// Unauthorized), which ends every subscription on it.
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { Actor } from '../auth/actor.js';
import { isAppError } from '../errors.js';

/** The credential of a connection, as its connection_init payload carried it. */
export interface ConnectionCredentials {
  authorization?: string | undefined;
  apiKey?: string | undefined;
}

/** Authenticates a connection's credential on its upgrade request; undefined when it carries none. */
export type ConnectionAuthenticator = (
  credentials: ConnectionCredentials,
  request: FastifyRequest,
) => Promise<Actor | undefined>;

export const UNAUTHORIZED_CLOSE = 4401;
export const FORBIDDEN_CLOSE = 4403;

// far above any real token or key; a longer value is not a credential
const MAX_CREDENTIAL_LENGTH = 16 * 1024;

const credentialString = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_CREDENTIAL_LENGTH ? v : undefined;

/** `{ authorization }` / `{ "x-api-key" }`, at the top of the payload or under `headers`. */
export function credentialsOf(payload: unknown): ConnectionCredentials | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const outer = payload as Record<string, unknown>;
  const fields = (
    typeof outer['headers'] === 'object' && outer['headers'] !== null ? outer['headers'] : outer
  ) as Record<string, unknown>;
  const authorization = credentialString(fields['authorization'] ?? fields['Authorization']);
  const apiKey = credentialString(fields['x-api-key'] ?? fields['X-Api-Key']);
  return authorization || apiKey ? { authorization, apiKey } : undefined;
}

export class LiveConnection {
  private actor: Actor | undefined;
  private credentials: ConnectionCredentials | undefined;
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly request: FastifyRequest,
    private readonly authenticate: ConnectionAuthenticator,
    private readonly recheckMs: number,
  ) {
    socket.once('close', () => this.stop());
  }

  /** connection_init: true when its credential authenticates (the connection is then acknowledged). */
  async open(payload: unknown): Promise<boolean> {
    const credentials = credentialsOf(payload);
    const actor =
      credentials && !this.actor
        ? await this.authenticate(credentials, this.request).catch(() => undefined)
        : undefined;
    if (!credentials || !actor) {
      // graphql-transport-ws: a refused connection_init is a close with 4403 Forbidden
      this.socket.close(FORBIDDEN_CLOSE, 'Forbidden');
      return false;
    }
    this.actor = actor;
    this.credentials = credentials;
    this.timer = setInterval(() => void this.recheck(), this.recheckMs);
    this.timer.unref();
    return true;
  }

  /** The actor as of the last check; undefined once the connection is closing. */
  currentActor(): Actor | undefined {
    return this.actor;
  }

  private async recheck(): Promise<void> {
    if (this.checking || !this.credentials) return;
    this.checking = true;
    try {
      const actor = await this.authenticate(this.credentials, this.request);
      if (actor && this.actor) this.actor = actor;
      else this.end();
    } catch (e) {
      // refused (401): the connection ends; anything else (the database away) is tried again
      if (isAppError(e) && e.status === 401) this.end();
    } finally {
      this.checking = false;
    }
  }

  private end(): void {
    this.stop();
    this.socket.close(UNAUTHORIZED_CLOSE, 'Unauthorized');
  }

  stop(): void {
    this.actor = undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
