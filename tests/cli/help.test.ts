// `phidesk ... --help` and usage errors, through the real binary. Help must do nothing
// but print: every case runs with an invalid PORT (loading the configuration would fail
// with exit 1), no DATA_DIR and an empty working directory, which must stay empty.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { entries, phidesk, type CliRun } from './run.js';

let cwd: string;
let dataDir: string;
const env = { PORT: 'eighty' };

beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'phidesk-cli-help-'));
  dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-cli-help-data-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

const run = (args: string[]) => phidesk(args, { cwd, env });

describe('phidesk --help', () => {
  it("prints each command's usage, every option and an example to stdout, exit 0", async () => {
    // --help and -h alternate over the commands; each is one spawn, run side by side
    const cases = commands.map((c, i) => ({ c, flag: i % 2 === 0 ? '--help' : '-h' }));
    const results = await Promise.all(cases.map(({ c, flag }) => run([...c.name.split(' '), flag])));
    cases.forEach(({ c, flag }, i) => {
      const r = results[i] as CliRun;
      const label = `${c.name} ${flag}`;
      expect(r.code, `${label}: ${r.stderr}`).toBe(0);
      expect(r.stderr, label).toBe('');
      expect(r.stdout, label).toMatch(new RegExp(`^usage: phidesk ${c.name}\\b`));
      for (const option of Object.keys(c.options)) expect(r.stdout, label).toContain(`--${option}`);
      expect(r.stdout, label).toMatch(/\nexamples?:\n {2}phidesk /);
    });
    expect(await entries(cwd)).toEqual([]);
  }, 60_000);

  it("prints a group's subcommands with all their options for tenants, keys and audit, exit 0", async () => {
    const cases = [
      ['tenants', '--help'],
      ['keys', '-h'],
      ['audit', '--help'],
    ];
    const results = await Promise.all(cases.map((args) => run(args)));
    cases.forEach(([group, flag], i) => {
      const r = results[i] as CliRun;
      expect(r.code, `${group} ${flag}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: phidesk ${group} <subcommand>`));
      for (const c of commands.filter((k) => k.name.startsWith(`${group} `))) {
        expect(r.stdout).toContain(`phidesk ${c.name}`);
        for (const option of Object.keys(c.options)) expect(r.stdout, `${c.name} --${option}`).toContain(`--${option}`);
      }
      expect(r.stdout).toMatch(/\nexample:\n {2}phidesk /);
    });
  }, 60_000);

  it('prints the global usage with exit codes to stdout for -h, --help and help; to stderr with exit 2 for nothing', async () => {
    const [h, help, word, nothing, helpFor] = await Promise.all([
      run(['-h']),
      run(['--help']),
      run(['help']),
      run([]),
      run(['help', 'keys', 'create']),
    ]);
    for (const r of [h, help, word]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage: phidesk <command>/);
      for (const c of commands) expect(r.stdout).toContain(c.name);
      expect(r.stdout).toMatch(/Exit codes: 0 done; 1 refused or failed.*\n.*2 usage error/);
      expect(r.stdout).toContain('postmaster.pid');
    }
    expect(nothing.code).toBe(2);
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toBe(h.stdout);
    expect(helpFor.code).toBe(0);
    expect(helpFor.stdout).toMatch(/^usage: phidesk keys create --tenant SLUG --name NAME/);
  }, 60_000);

  it('answers help even next to other options, and touches no data: migrate --help leaves an empty DATA_DIR empty', async () => {
    const [migrate, mixed] = await Promise.all([
      phidesk(['migrate', '--help'], { cwd, env: { ...env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: '1' } }),
      run(['keys', 'create', '--tenant', 'demo', '--bogus', '-h']),
    ]);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('usage: phidesk migrate [--init]');
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toMatch(/^usage: phidesk keys create/);
    expect(await entries(dataDir)).toEqual([]);
    expect(await entries(cwd)).toEqual([]);
  }, 60_000);
});

describe('usage errors exit 2 and say what is wrong', () => {
  it('names an unknown command or subcommand, a missing subcommand, option or required flag', async () => {
    const [bogus, keysBogus, keys, missing, unknown, positional] = await Promise.all([
      run(['bogus']),
      run(['keys', 'bogus']),
      run(['keys']),
      run(['keys', 'create', '--name', 'x']),
      run(['tenants', 'list', '--bogus']),
      run(['keys', 'list', '--tenant', 'demo', 'extra']),
    ]);
    expect(bogus).toMatchObject({ code: 2, stdout: '' });
    expect(bogus.stderr).toMatch(/^phidesk: unknown command "bogus"\n\nusage: phidesk <command>/);
    expect(keysBogus.code).toBe(2);
    expect(keysBogus.stderr).toMatch(/^phidesk: unknown command "keys bogus"\n\nusage: phidesk keys <subcommand>/);
    expect(keys.code).toBe(2);
    expect(keys.stderr).toMatch(/^phidesk: "keys" needs a subcommand/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'phidesk keys create: --tenant is required\nusage: phidesk keys create --tenant SLUG',
    );
    expect(missing.stderr).toContain('phidesk keys create --help lists every option');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
    expect(positional.code).toBe(2);
    expect(positional.stderr).toContain("Unexpected argument 'extra'");
    expect(await entries(cwd)).toEqual([]);
  }, 60_000);
});
