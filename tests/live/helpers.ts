// A GraphQL subscriber over a real websocket (graphql-ws, the client frontends use) to an
// app listening on 127.0.0.1, and waiting for what it receives without fixed sleeps.
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from '../helpers/app.js';

/** Starts the app on an ephemeral loopback port; returns its websocket URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a port');
  return `ws://127.0.0.1:${address.port}/graphql`;
}

export interface Subscriber {
  events: any[];
  errors: unknown[];
  /** the close code once the socket closed */
  closeCode(): number | undefined;
  /** resolves once an event matches (or rejects after timeoutMs) */
  waitFor(match: (event: any) => boolean, timeoutMs?: number): Promise<any>;
  /** resolves once the socket closed (or rejects after timeoutMs) */
  waitClosed(timeoutMs?: number): Promise<number>;
  dispose(): Promise<void>;
}

export const TICKET_EVENTS = `subscription ($ticketId: ID) {
  ticketEvents(ticketId: $ticketId) { type ticketId commentId occurredAt ticket { id masked subject status } }
}`;

export function subscribe(
  url: string,
  connectionParams: Record<string, string>,
  query = TICKET_EVENTS,
  variables: Record<string, unknown> = {},
  webSocketImpl: unknown = WebSocket,
): Subscriber {
  const events: any[] = [];
  const errors: unknown[] = [];
  let code: number | undefined;
  const client: WsClient = createClient({
    url,
    webSocketImpl,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // a refusal or a close is recorded through on.closed; the default would print it
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        code = (event as { code?: number }).code ?? -1;
      },
    },
  });
  client.subscribe(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        else events.push(value.data?.['ticketEvents']);
      },
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  const poll = <T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const found = probe();
        if (found !== undefined) return resolve(found);
        if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
        setTimeout(tick, 20);
      };
      tick();
    });
  return {
    events,
    errors,
    closeCode: () => code,
    waitFor: (match, timeoutMs = 10_000) => poll(() => events.find(match), timeoutMs, 'a matching event'),
    waitClosed: (timeoutMs = 10_000) => poll(() => code, timeoutMs, 'the socket to close'),
    dispose: async () => {
      await client.dispose();
    },
  };
}

/**
 * Repeats `change` until `subscriber` has received an event that `match`es: the server
 * registers a subscription asynchronously, so the first change may come before it listens.
 */
export async function changeUntilReceived(
  subscriber: Subscriber,
  change: () => Promise<unknown>,
  match: (event: any) => boolean,
  timeoutMs = 10_000,
): Promise<any> {
  const started = Date.now();
  for (;;) {
    await change();
    const got = await subscriber.waitFor(match, 300).catch(() => undefined);
    if (got) return got;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `the subscriber never received the change (close code ${subscriber.closeCode()}, errors ${JSON.stringify(subscriber.errors.slice(0, 3))})`,
      );
  }
}
