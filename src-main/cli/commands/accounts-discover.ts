import type { AccountReport } from '@shared/domain/accounts';
import type { RosterApp } from '../../app/create-app';
import { call, exitCodes } from '../cli-app';

/** Without a terminal (a log file, CI) one progress line at most this often. */
const plainProgressEveryMs = 5000;

export function progressText(report: AccountReport): string {
  const of = report.expected === null ? '' : ` of ${report.expected}`;
  return `Listed ${report.listed}${of} accounts: ${report.counts.unmanaged} unmanaged so far…`;
}

/** The counts per class, one per line, aligned: what the Accounts page's tiles show. */
export function countLines(report: AccountReport): string[] {
  const { counts } = report;
  const rows: [string, number][] = [
    ['linked', counts.linked],
    ['unlinkedMatch', counts.unlinkedMatch],
    ['outOfScopeMatch', counts.outOfScopeMatch],
    ['unmanaged', counts.unmanaged],
  ];
  const width = Math.max(...rows.map(([, n]) => String(n).length));
  return rows.map(([name, n]) => `  ${name.padEnd(16)}${String(n).padStart(width)}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function seconds(report: AccountReport): string {
  if (!report.endedAt) return '';
  const ms = Date.parse(report.endedAt) - Date.parse(report.startedAt);
  return ` in ${(ms / 1000).toFixed(1)} s`;
}

/**
 * `roster accounts discover <job>`: the same command the Accounts page sends (accounts.discover),
 * waited for through its events, with progress on stderr (a line that rewrites itself on a
 * terminal) and the counts per class on stdout. Ctrl+C cancels it as the page's Cancel does.
 */
export async function discoverFromCli(
  app: RosterApp,
  job: { id: string; name: string },
  json: boolean,
): Promise<number> {
  const tty = process.stderr.isTTY;
  let lastPlain = 0;
  let resolveFinished: (report: AccountReport) => void = () => undefined;
  const finished = new Promise<AccountReport>((resolve) => (resolveFinished = resolve));
  const unsubscribe = app.context.events.onAny((name, payload) => {
    const report = payload as AccountReport;
    if ((name !== 'accounts.progress' && name !== 'accounts.finished') || report.jobId !== job.id) return;
    if (name === 'accounts.finished') return resolveFinished(report);
    if (tty) process.stderr.write(`\r${progressText(report)}\u001b[K`);
    else if (Date.now() - lastPlain >= plainProgressEveryMs) {
      lastPlain = Date.now();
      process.stderr.write(`${progressText(report)}\n`);
    }
  });
  const cancel = () => void call(app, 'accounts.cancel', { jobId: job.id }).catch(() => undefined);
  process.once('SIGINT', cancel);
  let report: AccountReport;
  try {
    process.stderr.write(`Discovering the accounts of ${job.name}: reading the source, then the target…\n`);
    await call(app, 'accounts.discover', { jobId: job.id });
    report = await finished;
  } finally {
    process.off('SIGINT', cancel);
    unsubscribe();
    if (tty) process.stderr.write('\r\u001b[K');
  }

  if (json) console.log(JSON.stringify(report, null, 2));
  for (const warning of report.warnings) {
    const expected = warning.expected === null ? '' : ` of ${warning.expected}`;
    process.stderr.write(
      warning.code === 'listChanged'
        ? `Warning: the target's ${warning.objectType} list changed while it was read (${warning.listed}${expected} listed); run the discovery again for exact counts.\n`
        : `Warning: the job maps groups but the target listed none.\n`,
    );
  }
  if (report.status !== 'completed') {
    const why = report.error ? `${report.error.code}: ${report.error.message}` : report.status;
    process.stderr.write(`The discovery of ${job.name} did not complete (${report.status}). ${why}\n`);
    return exitCodes.failed;
  }
  if (!json) {
    const { users, groups } = report.counts;
    console.log(
      `Discovered ${report.listed} accounts of ${job.name} (${plural(users, 'user')}, ${plural(groups, 'group')})${seconds(report)}.`,
    );
    for (const line of countLines(report)) console.log(line);
  }
  return exitCodes.ok;
}
