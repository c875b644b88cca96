import { dayMs, hourMs } from './durations';

/**
 * Quarantine (provisioning-behaviour.md §10.3), pure: when the next attempt runs, and how the state
 * moves on each event, written as a table. The engine decides whether a cycle was healthy; the
 * scheduler runs attempts at these times; whoever persists the state applies `quarantineStep`.
 */
export interface QuarantineState {
  /** §10.1 reason code, e.g. EncounteredQuarantineException, TooManyDeletes. */
  reason: string;
  /** ISO: when the current reason began (a new reason restarts it, and the attempt schedule). */
  currentBegan: string;
  /** ISO: when this unbroken run of quarantines began (the 28 days to Disabled count from here). */
  seriesBegan: string;
  /** Quarantines (reasons) in this series so far. */
  seriesCount: number;
}

export type QuarantineStatus =
  | { kind: 'healthy' }
  | { kind: 'quarantined'; quarantine: QuarantineState }
  | { kind: 'disabled'; quarantine: QuarantineState; disabledAt: string };

/** Attempts at currentBegan + 6 h, + 12 h, + 24 h; then every 24 h. */
export const quarantineAttemptOffsetsMs: readonly number[] = [6 * hourMs, 12 * hourMs, 24 * hourMs];
export const quarantineDailyMs = dayMs;
/** After this long in quarantine (from seriesBegan) the job becomes Disabled. */
export const quarantineDisableAfterMs = 28 * dayMs;

/**
 * The next attempt after the latest one (`lastAttemptAt`: the start of the job's latest cycle, null
 * when none ran since the quarantine began). A missed attempt (the computer was off) runs once, as
 * soon as possible; after the first day attempts are never closer than 24 h.
 */
export function nextQuarantineAttempt(quarantine: QuarantineState, lastAttemptAt: string | null): Date {
  const began = Date.parse(quarantine.currentBegan);
  const last = lastAttemptAt === null ? Number.NEGATIVE_INFINITY : Date.parse(lastAttemptAt);
  const milestone = quarantineAttemptOffsetsMs.map((offset) => began + offset).find((at) => at > last);
  return new Date(milestone ?? last + quarantineDailyMs);
}

/** When the series turns into Disabled. */
export function quarantineDisabledAt(quarantine: QuarantineState): Date {
  return new Date(Date.parse(quarantine.seriesBegan) + quarantineDisableAfterMs);
}

export type QuarantineEvent =
  /** A cycle or attempt ended with a quarantine reason (§10.1, §10.2, §11). */
  | { type: 'unhealthy'; reason: string; at: string }
  /** The connection check passed and the cycle ended below every threshold. */
  | { type: 'healthy'; at: string }
  /** Restart (§12), or a change of mappings or filters. */
  | { type: 'restart'; at: string }
  /** The admin starts the job again (what brings a Disabled job back). */
  | { type: 'start'; at: string }
  /** Time passes: checks the 28 days. */
  | { type: 'tick'; at: string };

/** What the change means to people: each is one notification (§16). */
export type QuarantineEffect = 'entered' | 'reasonChanged' | 'recovered' | 'lifted' | 'disabled';

export interface QuarantineTransition {
  status: QuarantineStatus;
  effect: QuarantineEffect | null;
}

type Kind = QuarantineStatus['kind'];
type Row = {
  from: Kind;
  event: QuarantineEvent['type'];
  /** Extra condition on the row; the first row whose condition holds wins. */
  when?: (status: QuarantineStatus, event: QuarantineEvent) => boolean;
  to: (status: QuarantineStatus, event: QuarantineEvent) => QuarantineStatus;
  effect: QuarantineEffect | null;
};

const current = (status: QuarantineStatus): QuarantineState => {
  if (status.kind === 'healthy') throw new Error('a healthy job has no quarantine');
  return status.quarantine;
};
const reasonOf = (event: QuarantineEvent): string => (event.type === 'unhealthy' ? event.reason : '');
const overdue = (status: QuarantineStatus, event: QuarantineEvent): boolean =>
  Date.parse(event.at) >= quarantineDisabledAt(current(status)).getTime();
const stay = (status: QuarantineStatus): QuarantineStatus => status;
const healthy = (): QuarantineStatus => ({ kind: 'healthy' });
const disable = (status: QuarantineStatus, event: QuarantineEvent): QuarantineStatus => ({
  kind: 'disabled',
  quarantine: current(status),
  disabledAt: event.at,
});

/**
 * Every transition, in order (the first fitting row applies; no row: nothing changes).
 * Retry now is not an event: it runs an attempt at once, and that attempt's outcome is.
 */
export const quarantineTable: readonly Row[] = [
  {
    from: 'healthy',
    event: 'unhealthy',
    to: (_, event) => ({
      kind: 'quarantined',
      quarantine: { reason: reasonOf(event), currentBegan: event.at, seriesBegan: event.at, seriesCount: 1 },
    }),
    effect: 'entered',
  },
  // The 28 days are up: whatever the attempt said, the job stops running.
  { from: 'quarantined', event: 'unhealthy', when: overdue, to: disable, effect: 'disabled' },
  { from: 'quarantined', event: 'tick', when: overdue, to: disable, effect: 'disabled' },
  {
    from: 'quarantined',
    event: 'unhealthy',
    when: (status, event) => current(status).reason !== reasonOf(event),
    // A new reason restarts the attempt schedule (and sends a new email), within the same series.
    to: (status, event) => ({
      kind: 'quarantined',
      quarantine: {
        ...current(status),
        reason: reasonOf(event),
        currentBegan: event.at,
        seriesCount: current(status).seriesCount + 1,
      },
    }),
    effect: 'reasonChanged',
  },
  { from: 'quarantined', event: 'unhealthy', to: stay, effect: null },
  { from: 'quarantined', event: 'healthy', to: healthy, effect: 'recovered' },
  { from: 'quarantined', event: 'restart', to: healthy, effect: 'lifted' },
  // A Disabled job runs again only when the admin starts or restarts it; a manual cycle that
  // comes back healthy also shows the cause is gone.
  { from: 'disabled', event: 'start', to: healthy, effect: 'lifted' },
  { from: 'disabled', event: 'restart', to: healthy, effect: 'lifted' },
  { from: 'disabled', event: 'healthy', to: healthy, effect: 'recovered' },
];

export function quarantineStep(status: QuarantineStatus, event: QuarantineEvent): QuarantineTransition {
  const row = quarantineTable.find(
    (r) => r.from === status.kind && r.event === event.type && (r.when?.(status, event) ?? true),
  );
  return row ? { status: row.to(status, event), effect: row.effect } : { status, effect: null };
}

/** A quarantine change the engine or the scheduler made, for whoever notifies people (§16). */
export interface QuarantineNotice {
  jobId: string;
  jobName: string;
  effect: QuarantineEffect;
  quarantine: QuarantineState;
  /** What Roster saw, in words (the cycle's error, the held-back count). */
  detail?: string;
  at: string;
}
