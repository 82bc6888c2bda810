// GET through the outbound URL guard (url-guard.ts): the name is resolved and checked
// once, and the connection goes to one of the checked addresses (a lookup pinned to it),
// so a DNS answer that changes between check and connect (rebinding) changes nothing.
// Redirects are never followed: a 3xx is a failure, since its Location could lead
// anywhere the guard would refuse. Time and size are bounded.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  bareHost,
  checkOutboundUrl,
  UrlNotAllowedError,
  type HostLookup,
  type OutboundUrlPolicy,
  type ResolvedAddress,
} from './url-guard.js';

export interface GuardedFetchOptions {
  policy: OutboundUrlPolicy;
  /** for the whole exchange: resolving, connecting and reading the body */
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string> | undefined;
  /** name resolution; dns.lookup by default (tests inject their own) */
  lookup?: HostLookup | undefined;
}

export interface GuardedResponse {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

export type FetchFailure = 'timeout' | 'redirect' | 'too_large' | 'network';

export class OutboundFetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OutboundFetchError';
  }
}

/** Answers every lookup with the address that was checked, in the shape net.connect asked for. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

function withAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function open(
  url: URL,
  pinned: ResolvedAddress,
  options: GuardedFetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)({
      method: 'GET',
      // the name stays the Host header and the TLS server name; only the address is pinned
      host: bareHost(url),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: options.headers,
      lookup: pinnedLookup(pinned),
      // a fresh connection each time: a pooled one was opened for some earlier check
      agent: false,
      signal,
    });
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

async function readBounded(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    throw new OutboundFetchError('too_large', `The response is larger than ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    // leaving the loop destroys the stream
    if (size > maxBytes) throw new OutboundFetchError('too_large', `The response is larger than ${maxBytes} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Throws UrlNotAllowedError when the guard refuses the URL or any address of its host,
 * OutboundFetchError when the exchange fails. Any status other than 3xx is returned.
 */
export async function guardedFetch(input: string | URL, options: GuardedFetchOptions): Promise<GuardedResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const { url, addresses } = await withAbort(checkOutboundUrl(input, options.policy, options.lookup), signal);
    const response = await open(url, addresses[0]!, options, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400) {
      response.destroy();
      throw new OutboundFetchError('redirect', `The server answered HTTP ${status}; redirects are not followed.`);
    }
    const body = await readBounded(response, options.maxBytes);
    return { status, contentType: response.headers['content-type'], body };
  } catch (error) {
    if (signal.aborted)
      throw new OutboundFetchError('timeout', `No complete answer within ${options.timeoutMs} ms.`, {
        cause: signal.reason,
      });
    if (error instanceof UrlNotAllowedError || error instanceof OutboundFetchError) throw error;
    throw new OutboundFetchError('network', 'The request failed.', { cause: error });
  }
}
