/**
 * Runs the scheduled functions (functions/jobs.ts) locally on a timer: the same handler modules
 * EventBridge Scheduler invokes in AWS. Only `rate(...)` schedules run here; calendar (cron)
 * jobs belong to their own local runners.
 */
import type { Job } from '#functions/jobs';

export function rateMs(schedule: string): number | undefined {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(schedule.trim());
  if (!match) return undefined;
  const unit = match[2]!.startsWith('minute') ? 60_000 : match[2]!.startsWith('hour') ? 3_600_000 : 86_400_000;
  return Number(match[1]) * unit;
}

/** Starts a timer per rate job (first run after `firstRunMs`); returns a stop function. */
export function startJobTimers(jobs: Job[], options: { firstRunMs?: number; scale?: number } = {}): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    const every = rateMs(job.schedule);
    if (every === undefined) continue;
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      try {
        const { handler } = (await import(`../functions/${job.handler}.ts`)) as { handler: (event: unknown) => Promise<unknown> };
        await handler({ source: 'local.timer', job: job.handler });
      } catch (error) {
        console.error(`job ${job.handler} failed:`, (error as Error).message);
      } finally {
        running = false;
      }
    };
    timers.push(setTimeout(run, options.firstRunMs ?? 5_000).unref());
    timers.push(setInterval(run, Math.max(1_000, every * (options.scale ?? 1))).unref());
  }
  return () => timers.forEach((timer) => clearTimeout(timer));
}
