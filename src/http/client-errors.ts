// Requests Node's HTTP parser refuses before Fastify sees them (headers over the size
// limit, malformed request lines or header values, header timeouts) still get a
// problem+json answer like every other error, instead of Node's or Fastify's own body.
// Installed as Fastify's `clientErrorHandler` (the server's 'clientError' event).
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AppError, problemTypeFor, titleFor, type ErrorCode } from '../errors.js';

interface ClientError extends Error {
  code?: string;
}

function refusalFor(err: ClientError): AppError {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError('HEADERS_TOO_LARGE', 'The request headers are larger than this server accepts.');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError('REQUEST_TIMEOUT', 'The request was not received in time.');
    default:
      return new AppError('BAD_REQUEST', 'The request is not valid HTTP.');
  }
}

/** The whole HTTP/1.1 response for a refused request: problem+json, and the connection closes. */
export function clientErrorResponse(code: ErrorCode, status: number, detail: string, requestId = randomUUID()): string {
  const body = JSON.stringify({
    type: problemTypeFor(code),
    title: titleFor(status),
    status,
    code,
    detail,
    requestId,
  });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? titleFor(status)}`,
    'content-type: application/problem+json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'cache-control: no-store',
    `x-request-id: ${requestId}`,
    'connection: close',
    '',
    body,
  ].join('\r\n');
}

export function handleClientError(this: FastifyInstance, err: ClientError, socket: Socket): void {
  // A reset connection has nobody left to answer (as in Node's and Fastify's own handlers).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal = refusalFor(err);
  // Only the code: the parser's error carries the raw bytes it choked on, credentials included.
  this.log.info(
    { code: refusal.code, status: refusal.status, parserCode: err.code },
    'request refused by the HTTP parser',
  );
  // Writing now would interleave with a response already under way on this connection.
  const inFlight = (socket as Socket & { _httpMessage?: { _headerSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?._headerSent === true) {
    socket.destroy();
    return;
  }
  // end() flushes the answer before closing; destroy once it is out, as the parser state is lost.
  socket.end(clientErrorResponse(refusal.code, refusal.status, refusal.message), () => socket.destroy());
}
