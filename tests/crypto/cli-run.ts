// Runs `phidesk ...` in-process exactly as bin/phidesk.js would, with its environment
// pointed at a test database and key files, capturing what it prints.
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/index.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** loadConfig() reads process.env, so the CLI's environment is set for the call and restored after. */
export async function phidesk(env: Record<string, string>, ...argv: string[]): Promise<CliResult> {
  const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]] as const));
  Object.assign(process.env, env);
  const stdout = new Capture();
  const stderr = new Capture();
  try {
    const code = await runCli(argv, { stdout, stderr });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
