// A background round run every `intervalMs` in every process (the SLA breach watcher, the
// patient-rights deadline watcher): never two rounds of one job at once in a process, a
// failed round logged and tried again next time, the timer never keeping the process alive,
// and stop() waiting for a round under way.
export interface PeriodicJob {
  /** one round now (tests pass the time); resolves with what the round reports */
  runOnce(now?: Date): Promise<number>;
  stop(): Promise<void>;
}

export function startPeriodicJob(
  round: (now?: Date) => Promise<number>,
  intervalMs: number,
  onError: (err: unknown) => void,
): PeriodicJob {
  let running: Promise<number> | undefined;
  const runOnce = (now?: Date) => {
    running ??= round(now).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!running) runOnce().catch(onError);
  }, intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
