// Key files written once: a development master key, the audit signing seed. Written to a
// temporary file (0600, parent directories 0700, fsynced), then hard-linked into place:
// the link is atomic and fails if the file exists, so a concurrent reader never sees a
// half-written key and a key another process wrote is never replaced.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The `code` of a Node system error (ENOENT, EEXIST, ...), if it has one. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Writes `secret` base64-encoded to `path` unless a file is there; false when one was. */
export async function writeSecretFileOnce(path: string, secret: Uint8Array): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.chmod(0o600); // the umask may have narrowed it; make it exact
    await handle.writeFile(
      `${Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength).toString('base64')}\n`,
      'utf8',
    );
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, path);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false;
    throw e;
  } finally {
    await unlink(temporary);
  }
}
