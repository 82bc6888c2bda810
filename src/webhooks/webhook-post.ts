// A webhook delivery's HTTP POST, through the outbound-URL guard (src/net/url-guard.ts)
// on every attempt: the endpoint's name is resolved and every address checked each
// time (names change), and the connection goes to a checked address only (the lookup is
// pinned to it), so a DNS answer that changes between check and connect changes nothing.
// Redirects are not followed; the whole exchange is bounded in time; the answer's body
// is read (to free the socket) but never kept: it could hold anything.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  bareHost,
  checkOutboundUrl,
  UrlNotAllowedError,
  type HostLookup,
  type OutboundUrlPolicy,
  type ResolvedAddress,
} from '../net/url-guard.js';

export interface WebhookPostOptions {
  policy: OutboundUrlPolicy;
  timeoutMs: number;
  lookup?: HostLookup | undefined;
}

/**
 * An attempt's outcome: a status, or a short error code (never a response body);
 * 'internal' is a failure on this side before anything was sent (see webhook-delivery.service.ts).
 */
export type PostOutcome = { status: number } | { error: 'url_refused' | 'timeout' | 'network' | 'internal' };

const pinTo =
  (address: ResolvedAddress): LookupFunction =>
  (_host, options, callback) => {
    if (options.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };

function send(url: URL, address: ResolvedAddress, headers: Record<string, string>, body: string, signal: AbortSignal) {
  return new Promise<number>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)({
      method: 'POST',
      host: bareHost(url),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      lookup: pinTo(address),
      agent: false,
      signal,
    });
    request.once('response', (response) => {
      response.resume(); // drained, not kept
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', reject);
    });
    request.once('error', reject);
    request.end(body);
  });
}

export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: WebhookPostOptions,
): Promise<PostOutcome> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const checked = await checkOutboundUrl(url, options.policy, options.lookup);
    return { status: await send(checked.url, checked.addresses[0]!, headers, body, signal) };
  } catch (error) {
    if (error instanceof UrlNotAllowedError) return { error: 'url_refused' };
    return { error: signal.aborted ? 'timeout' : 'network' };
  }
}
