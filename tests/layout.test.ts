// tests/README.md maps every folder of src/ to where its tests live; this keeps the map true.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
const rows = readFileSync('tests/README.md', 'utf8')
  .split('\n')
  .filter((l) => /^\| [a-z-]+ \|/.test(l))
  .map((l) => l.split('|').map((c) => c.trim()));

describe('tests/README.md', () => {
  it('names every folder of src/, and only those', () => {
    expect(rows.map((r) => r[1]).sort()).toEqual(folders('src'));
  });

  it('points only at folders of tests/ that exist', () => {
    const testFolders = new Set(folders('tests'));
    for (const row of rows) {
      for (const folder of row[2]!.split(',').map((f) => f.trim()))
        expect(testFolders.has(folder), `${row[1]} -> ${folder}`).toBe(true);
    }
  });
});
