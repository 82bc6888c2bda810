// Entry point of the `phidesk` binary (bin/phidesk.js loads this). Commands report their
// own errors; this only catches what escaped them, whatever was thrown.
import { describeError, EXIT_FAILED } from './command.js';
import { runCli } from './index.js';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`phidesk: ${describeError(err)}\n`);
    process.exitCode = EXIT_FAILED;
  },
);
