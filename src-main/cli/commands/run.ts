import type { Command } from 'commander';
import type { CycleSummary } from '@shared/domain/provisioning';
import { createApp, type RosterApp } from '../../app/create-app';
import type { Logger } from '../../app/context';
import { redact } from '../../vault/redact';
import { dataDirOption, resolveDataDir, secretsDirOption } from '../options';
import { openRunLog } from '../run-log';

/**
 * A test-only shortcut: how many milliseconds a "minute" of `intervalMinutes` lasts, so a child-process
 * test sees two 1-minute cycles in seconds. Outside 100–60,000 it is ignored.
 */
export function testMinuteMs(value: string | undefined): number | undefined {
  const ms = Number(value);
  return value !== undefined && Number.isInteger(ms) && ms >= 100 && ms <= 60_000 ? ms : undefined;
}

/** One line per cycle, key=value so it reads well and greps well: when, job, kind, status, counts, duration. */
export function cycleLogLine(cycle: CycleSummary, jobName: string): string {
  const c = cycle.counters;
  const seconds = cycle.endedAt ? (Date.parse(cycle.endedAt) - Date.parse(cycle.startedAt)) / 1000 : 0;
  const parts = [
    cycle.endedAt ?? cycle.startedAt,
    `job=${JSON.stringify(jobName)}`,
    `kind=${cycle.kind}`,
    `status=${cycle.status}`,
    `read=${c.read}`,
    `created=${c.created}`,
    `updated=${c.updated}`,
    `disabled=${c.disabled}`,
    `deleted=${c.deleted}`,
    `unchanged=${c.unchanged}`,
    `failed=${c.failed}`,
    `heldBack=${c.staged}`,
    `duration=${seconds.toFixed(1)}s`,
    `cycle=${cycle.id}`,
    `by=${JSON.stringify(cycle.initiatedBy)}`,
  ];
  if (cycle.error) parts.push(`error=${cycle.error.code}`, `reason=${JSON.stringify(cycle.error.message)}`);
  return parts.join(' ');
}

/**
 * Writes each line to the terminal and appends it to `<data folder>/logs/roster-run.log` (owner-only,
 * rotated by size: run-log.ts).
 */
function runLogger(dataDir: string): Logger & { line(text: string): void; path: string } {
  const file = openRunLog(dataDir);
  const write = (text: string, stream: NodeJS.WriteStream) => {
    const safe = redact(text);
    stream.write(`${safe}\n`);
    try {
      file.append(safe);
    } catch (error) {
      // A full disk must not stop provisioning; the terminal still has the line.
      process.stderr.write(`Could not append to ${file.path}: ${String(error)}\n`);
    }
  };
  const stamp = (text: string) => `${new Date().toISOString()} ${text}`;
  return {
    path: file.path,
    line: (text) => write(text, process.stdout),
    info: (text) => write(stamp(text), process.stdout),
    warn: (text) => write(stamp(`warning: ${text}`), process.stderr),
    error: (text) => write(stamp(`error: ${text}`), process.stderr),
  };
}

async function announce(app: RosterApp, log: ReturnType<typeof runLogger>): Promise<void> {
  const vault = await app.context.vault.status();
  if (!vault.available && vault.problem) {
    // Jobs whose connections need a secret fail until this is fixed; the others run.
    log.warn(`${vault.problem.message} ${vault.problem.remedy}`);
  } else {
    log.info(`Secrets come from the ${vault.backend}.`);
  }
  const started = app.store.jobs.list().filter((job) => app.scheduler.scheduleOf(job.id) === 'started');
  if (started.length === 0) {
    log.info(
      'No job is started yet. Start one with `roster job start <job>` (or in the app); it is picked up within 15 s.',
    );
  }
  for (const job of started)
    log.info(`${job.name}: next cycle ${app.scheduler.nextRunAt(job.id) ?? 'not scheduled'}`);
}

/**
 * `roster run`: the scheduler with no window, until SIGINT or SIGTERM. On a signal, running cycles
 * stop at a safe point (objects in flight finish and are recorded, no watermark is stored), the store
 * closes, and the process exits 0.
 */
export async function runHeadless(options: { dataDir?: string; secretsDir?: string }): Promise<void> {
  const dataDir = resolveDataDir(options.dataDir);
  const log = runLogger(dataDir);
  const minuteMs = testMinuteMs(process.env['ROSTER_TEST_MINUTE_MS']);
  const app = createApp({
    dataDir,
    mode: 'cli',
    logger: log,
    startScheduler: false,
    ownerLabel: 'roster run',
    ...(options.secretsDir ? { secretsDir: options.secretsDir } : {}),
    ...(minuteMs !== undefined ? { schedulerTime: { minuteMs } } : {}),
  });
  const names = new Map(app.store.jobs.list().map((job) => [job.id, job.name]));
  app.events.onAny((name, payload) => {
    if (name !== 'jobs.cycleFinished') return;
    const cycle = payload as CycleSummary;
    const jobName = names.get(cycle.jobId) ?? app.store.jobs.get(cycle.jobId)?.name ?? cycle.jobId;
    log.line(cycleLogLine(cycle, jobName));
  });
  // The scheduler's timers do not hold the process open; this does, until a signal arrives.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const signal = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log.info(`Roster runs the started jobs of ${dataDir}; log: ${log.path}. Stop with Ctrl+C.`);
  app.scheduler.start();
  await announce(app, log);
  const received = await signal;
  log.info(`${received}: stopping; running cycles stop at a safe point.`);
  await app.close();
  clearInterval(keepAlive);
  log.info('Stopped.');
  process.exitCode = 0;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run every started job on its schedule with no window, until Ctrl+C or SIGTERM')
    .addOption(dataDirOption())
    .addOption(secretsDirOption())
    .action((opts: { dataDir?: string; secretsDir?: string }) => runHeadless(opts));
}
