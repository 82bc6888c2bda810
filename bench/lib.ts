// Helpers the benchmarks share: writing a benchmark's section of bench/RESULTS.md, the
// numbers in it, and the line that says what machine measured them. Nothing here loads
// a database driver or the app, so a benchmark importing it runs with the same modules
// loaded as before.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

export const RESULTS_PATH = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/**
 * Replaces the section of bench/RESULTS.md that starts with `heading` (up to the next
 * `## ` heading) by `section`, or appends it; other sections are left alone.
 */
export function writeResultsSection(heading: string, section: string): void {
  // Re-read right before writing: another benchmark may have written its section meanwhile.
  const current = existsSync(RESULTS_PATH) ? readFileSync(RESULTS_PATH, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf(heading);
  let next: string;
  if (start === -1) {
    next = current.replace(/\n*$/, '\n\n') + section;
  } else {
    const following = current.indexOf('\n## ', start + heading.length);
    next = current.slice(0, start) + section + (following === -1 ? '' : current.slice(following));
  }
  writeFileSync(RESULTS_PATH, next);
}

/** The middle value of `values` once sorted (the upper one of the two middles for an even count). */
export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

/**
 * A number with en-US digit grouping: without `digits`, rounded to a whole number
 * (Math.round); with `digits`, with exactly that many fraction digits. The two agree
 * for whole numbers on every value that is not negative.
 */
export function fmt(n: number, digits?: number): string {
  if (digits === undefined) return Math.round(n).toLocaleString('en-US');
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The one-minute load average now. */
export function loadAverage(): number {
  return loadavg()[0] as number;
}

/**
 * A results section's "- Machine:" line: cores, CPU model and Node version; then `sharing`
 * (what shares the machine, with its own trailing separator), the load average at start
 * and end, and `after`.
 */
export function machineLine(loadStart: number, loadEnd: number, sharing: string, after = ''): string {
  const cpu = cpus();
  return (
    `- Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}; ${sharing}` +
    `load average ${loadStart.toFixed(2)} at start, ${loadEnd.toFixed(2)} at end${after}`
  );
}
