// Retries for the phidesk client, as an openapi-fetch middleware: 429 after the wait the
// server names (Retry-After, else the RateLimit reset), 5xx and network failures with
// exponential backoff and full jitter. Bounded in attempts and in total waiting, so a script
// never hangs on an API that stays down.
import type { Middleware } from 'openapi-fetch';

export interface RetryOptions {
  /** retries after the first attempt (default 3; 0 disables retrying) */
  maxRetries?: number;
  /** first backoff for 5xx and network errors, doubled per attempt (default 250 ms) */
  baseDelayMs?: number;
  /** longest single wait; a 429 asking for longer is returned to the caller as is (default 30 s) */
  maxDelayMs?: number;
  /** called before each wait, e.g. to log it */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  method: string;
  url: string;
  /** the status that caused the retry, or undefined for a network error */
  status: number | undefined;
}

/**
 * 5xx answers and network errors are retried only when repeating the request cannot do
 * something twice: reads, PUT/DELETE, and creates carrying an Idempotency-Key. A 429 was
 * refused before any work, so it is always safe to repeat.
 */
function safeToRepeat(request: Request): boolean {
  return ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(request.method) || request.headers.has('idempotency-key');
}

/** Seconds to wait before retrying a 429, from Retry-After (seconds or an HTTP date) or the RateLimit headers. */
export function rateLimitWaitMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  // draft-ietf-httpapi-ratelimit-headers: `RateLimit-Reset: 12` (older drafts, @fastify/rate-limit)
  // or one structured field `RateLimit: "default";r=0;t=12` (later drafts)
  const reset = headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset');
  if (reset !== null && /^\d+$/.test(reset.trim())) return Number(reset) * 1000;
  const t = /(?:^|;)\s*t=(\d+)/.exec(headers.get('ratelimit') ?? '');
  if (t?.[1]) return Number(t[1]) * 1000;
  return undefined;
}

function backoffMs(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  // full jitter (AWS architecture blog): spreads clients that failed together
  return Math.round(Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function retryMiddleware(opts: RetryOptions = {}): Middleware {
  const maxRetries = opts.maxRetries ?? 3;
  const baseDelayMs = opts.baseDelayMs ?? 250;
  const maxDelayMs = opts.maxDelayMs ?? 30_000;
  // a copy of each request as it left, since fetch consumes the body (keyed by openapi-fetch's request id)
  const pristine = new Map<string, Request>();

  /** Repeats `request` while the answer or error calls for it; returns the last answer. */
  async function repeat(
    id: string,
    fetchFn: (input: Request) => Promise<Response>,
    first: { response?: Response; error?: unknown },
  ): Promise<Response | undefined> {
    const original = pristine.get(id);
    pristine.delete(id);
    if (!original) return first.response;
    let { response, error } = first;
    for (let attempt = 1; attempt <= maxRetries; attempt++) {
      const status = response?.status;
      let delayMs: number;
      if (status === 429) {
        delayMs = rateLimitWaitMs(response!.headers) ?? backoffMs(attempt, baseDelayMs, maxDelayMs);
        if (delayMs > maxDelayMs) break; // longer than the caller is willing to wait: hand back the 429
      } else if ((status === undefined || status >= 500) && safeToRepeat(original)) {
        delayMs = backoffMs(attempt, baseDelayMs, maxDelayMs);
      } else {
        break;
      }
      opts.onRetry?.({ attempt, delayMs, method: original.method, url: original.url, status });
      await response?.body?.cancel(); // free the connection of the answer we discard
      await sleep(delayMs);
      try {
        response = await fetchFn(original.clone());
        error = undefined;
      } catch (e) {
        response = undefined;
        error = e;
      }
    }
    if (response) return response;
    throw error;
  }

  return {
    onRequest({ request, id }) {
      if (maxRetries > 0) pristine.set(id, request.clone());
      return undefined;
    },
    async onResponse({ response, id, options }) {
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable) {
        pristine.delete(id);
        return undefined;
      }
      return repeat(id, options.fetch, { response });
    },
    async onError({ error, id, options }) {
      try {
        return await repeat(id, options.fetch, { error });
      } catch (last) {
        return last instanceof Error ? last : new Error(String(last));
      }
    },
  };
}
