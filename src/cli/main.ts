// Entry point of the `phidesk` binary (bin/phidesk.js loads this).
import { runCli } from './index.js';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`phidesk: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
