// pino options for the whole service. Logs are JSON with the request id. Secrets and
// PHI never reach them: auth headers, cookies and API keys are redacted, request and
// response bodies are never logged, URLs are logged without their query string, and
// error serialisation drops fields where drivers echo data values.
import type { LoggerOptions } from 'pino';
import type { FastifyRequest } from 'fastify';

/** Body and header fields that may carry PHI or credentials wherever they appear. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'authorization',
  'apiKey',
  'token',
  'password',
  '*.apiKey',
  '*.token',
  '*.password',
  'body',
  '*.body',
  'phi',
  '*.phi',
];

type SerializedError = { type: string; code?: unknown; statusCode?: unknown; stack?: string };

/**
 * Error messages from drivers and parsers quote input values (pg: `invalid input syntax
 * for type uuid: "..."`, `Key (email)=(...)`), so only the error's type, code and the
 * stack frames below the message line are logged.
 */
export function serializeErrorWithoutValues(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 12)
    .join('\n');
  return { type: e.name, code: e.code, statusCode: e.statusCode, stack: frames };
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      err: serializeErrorWithoutValues,
      error: serializeErrorWithoutValues,
      req: (req: FastifyRequest) => ({
        method: req.method,
        // Query strings are dropped: the API never puts PHI in URLs, but a caller might.
        url: req.url.split('?')[0],
        requestId: req.id,
      }),
    },
  };
}
