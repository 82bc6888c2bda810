#!/usr/bin/env node
// The `phidesk` command. In a checkout it runs the TypeScript sources through tsx (so a
// stale dist/ can never shadow them); in the Docker image, which ships no sources, it
// runs the compiled CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(new URL('../dist/src/cli/main.js', import.meta.url).href);
}
