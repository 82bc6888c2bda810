// The Redis a test may use: TEST_REDIS_URL, else redis://127.0.0.1:6379 when it answers.
// TEST_REDIS_URL set but silent is an error (.ci/run sets it whenever the port answers, so
// in CI a Redis test cannot skip itself); neither set nor answering, the test skips.
import net from 'node:net';

export const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export async function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(redisUrl);
  const up = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket
      .once('connect', () => {
        socket.destroy();
        resolve(true);
      })
      .once('error', () => resolve(false))
      .once('timeout', () => resolve(false));
  });
  if (!up && process.env['TEST_REDIS_URL']) throw new Error(`TEST_REDIS_URL is set but ${redisUrl} does not answer`);
  return up;
}
