// Partner JWT verification outside the app: a bare Fastify instance with our @fastify/jwt
// registration (JwtVerification.plugin), and a route that verifies the token it is handed on
// its real request. Tests keep asserting on the verifier's own results and errors.
import Fastify, { type FastifyInstance } from 'fastify';
import type { JwtVerification, JwtVerifier, VerifiedToken } from '../../src/auth/jwt-verifier.js';

type Outcome = { ok: true; value: VerifiedToken } | { ok: false; error: unknown };

/** A JwtVerifier whose every verify() goes through the plugin on a request, as in the app. */
export function throughFastifyJwt(verification: JwtVerification): JwtVerifier {
  const tokens = new Map<string, string>();
  const outcomes = new Map<string, Outcome>();
  let calls = 0;
  let ready: Promise<FastifyInstance> | undefined;

  async function build(): Promise<FastifyInstance> {
    const app = Fastify({ logger: false });
    await verification.plugin(app);
    app.get('/verify', async (request) => {
      const call = String(request.headers['x-call']);
      try {
        outcomes.set(call, { ok: true, value: await verification.forRequest(request).verify(tokens.get(call)!) });
      } catch (error) {
        outcomes.set(call, { ok: false, error });
      }
      return {};
    });
    await app.ready();
    return app;
  }

  return {
    async verify(token) {
      const app = await (ready ??= build());
      const call = String(++calls);
      tokens.set(call, token);
      try {
        await app.inject({ method: 'GET', url: '/verify', headers: { 'x-call': call } });
        const outcome = outcomes.get(call)!;
        if (!outcome.ok) throw outcome.error;
        return outcome.value;
      } finally {
        tokens.delete(call);
        outcomes.delete(call);
      }
    },
  };
}
