// CPU profiles of a bench server process: start and stop the V8 sampling profiler through
// node:inspector, and sum a profile's self time up by where the code lives (driver,
// query builder, sockets, sealing, audit ...), so a results section can say what a
// request's server CPU is spent on.
import { Session } from 'node:inspector/promises';

export interface ProfileSummary {
  categories: Array<{ category: string; share: number }>;
  functions: Array<{ fn: string; share: number }>;
  busyMs: number;
  totalMs: number;
}

/** Starts sampling every 200 µs; the returned function stops and summarises. */
export async function startProfile(): Promise<() => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    return summariseProfile(profile as Parameters<typeof summariseProfile>[0]);
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

/** Self time of a CPU profile by where the code lives. */
function summariseProfile(profile: {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}): ProfileSummary {
  const category = (n: ProfileNode): string => {
    const { functionName, url } = n.callFrame;
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8/native (program)';
    if (
      url === '' &&
      /^(writev|writeBuffer|writeUtf8String|writeLatin1String|writeAsciiString|readStart|readStop)$/.test(functionName)
    )
      return 'socket writes and reads (native, syscalls)';
    if (url.includes('libsodium')) return 'sealing: libsodium (XChaCha20-Poly1305, KDF)';
    if (url.includes('/src/crypto/')) return 'sealing: phidesk crypto (envelope, keyring)';
    if (/\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|pgpass|postgres-)/.test(url))
      return 'pg driver (protocol, parsing)';
    if (url.includes('/node_modules/kysely/')) return 'Kysely (building and compiling queries)';
    if (url.includes('/src/audit/')) return 'audit (event building, inbox, sequencer)';
    if (url.includes('/node_modules/@casl/') || url.includes('/src/policy/'))
      return 'policy (CASL abilities, policy to SQL)';
    if (/\/node_modules\/(ajv|fast-json-stringify|fast-uri|json-schema|@sinclair|secure-json-parse)/.test(url))
      return 'validation and serialisation (ajv, fast-json-stringify)';
    if (/\/node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fastify-plugin|helmet)/.test(url))
      return 'Fastify and its plugins (routing, hooks, helmet, rate limit)';
    if (url.includes('/node_modules/pino') || url.includes('/node_modules/sonic-boom')) return 'logging (pino)';
    if (url.startsWith('node:')) return 'Node core (sockets, streams, HTTP, crypto)';
    if (url.includes('/src/')) return 'phidesk services, repositories, auth';
    if (url === '') return 'V8/native (builtins)';
    return 'other packages';
  };
  const interval = profile.samples?.length ? (profile.endTime - profile.startTime) / profile.samples.length / 1000 : 0;
  const byCategory = new Map<string, number>();
  for (const node of profile.nodes) {
    const c = category(node);
    byCategory.set(c, (byCategory.get(c) ?? 0) + (node.hitCount ?? 0));
  }
  const idle = byCategory.get('idle') ?? 0;
  byCategory.delete('idle');
  const busy = [...byCategory.values()].reduce((a, b) => a + b, 0);
  const categories = [...byCategory.entries()]
    .map(([c, hits]) => ({ category: c, share: busy ? hits / busy : 0 }))
    .sort((a, b) => b.share - a.share);
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    if (category(node) === 'idle' || !node.hitCount) continue;
    const { functionName, url } = node.callFrame;
    const where = url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.hitCount);
  }
  const functions = [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([fn, hits]) => ({ fn, share: busy ? hits / busy : 0 }));
  return { categories, functions, busyMs: busy * interval, totalMs: (busy + idle) * interval };
}
