import { describe, expect, it } from 'vitest';
import type { JobAlertEvent } from '@shared/domain/notifications';
import { decideAlert, quietState, type JobAlertState } from '../../../../src-main/notify/alert-policy';

function event(kind: JobAlertEvent['kind'], extra: Partial<JobAlertEvent> = {}): JobAlertEvent {
  return {
    kind,
    jobId: 'job-1',
    jobName: 'HR to Slack',
    sourceName: 'HR export',
    targetName: 'Slack',
    at: '2025-03-03T09:00:00.000Z',
    ...extra,
  };
}

/** Runs the events in order through the policy and lists what was told (kind, and reason if any). */
function told(events: JobAlertEvent[], start: JobAlertState = quietState): string[] {
  let state = start;
  const out: string[] = [];
  for (const e of events) {
    const decision = decideAlert(state, e);
    state = decision.next;
    if (decision.notify) out.push(e.reason ? `${decision.kind}:${e.reason}` : decision.kind);
  }
  return out;
}

const credentials = { reason: 'CredentialsInvalid' };
const unreachable = { reason: 'TargetUnreachable' };

describe('alert policy (§16)', () => {
  it('tells once when a job enters quarantine, not at every failed attempt with the same reason', () => {
    expect(
      told([
        event('quarantineEntered', credentials),
        event('quarantineEntered', credentials),
        event('quarantineReasonChanged', credentials),
      ]),
    ).toEqual(['quarantineEntered:CredentialsInvalid']);
  });

  it('tells again when the reason changes, and speaks of a change even if reported as an entry', () => {
    expect(
      told([
        event('quarantineEntered', credentials),
        event('quarantineReasonChanged', unreachable),
        event('quarantineEntered', credentials),
      ]),
    ).toEqual([
      'quarantineEntered:CredentialsInvalid',
      'quarantineReasonChanged:TargetUnreachable',
      'quarantineReasonChanged:CredentialsInvalid',
    ]);
  });

  it('tells once when the job recovers, and not for a recovery nobody was told about', () => {
    expect(told([event('recovered')])).toEqual([]);
    expect(told([event('quarantineEntered', credentials), event('recovered'), event('recovered')])).toEqual([
      'quarantineEntered:CredentialsInvalid',
      'recovered',
    ]);
  });

  it('tells a new quarantine after a recovery, even with the same reason', () => {
    expect(
      told([
        event('quarantineEntered', credentials),
        event('recovered'),
        event('quarantineEntered', credentials),
      ]),
    ).toEqual(['quarantineEntered:CredentialsInvalid', 'recovered', 'quarantineEntered:CredentialsInvalid']);
  });

  it('tells held-back deletes once, and not again as the quarantine they cause', () => {
    expect(
      told([
        event('deletesHeldBack', { counts: { heldBack: 612 }, threshold: 500 }),
        event('quarantineEntered', { reason: 'TooManyDeletes' }),
        event('deletesHeldBack', { counts: { heldBack: 640 }, threshold: 500 }),
      ]),
    ).toEqual(['deletesHeldBack']);
  });

  it('tells held-back deletes in a job already quarantined for something else', () => {
    expect(
      told([event('quarantineEntered', unreachable), event('deletesHeldBack', { counts: { heldBack: 9 } })]),
    ).toEqual(['quarantineEntered:TargetUnreachable', 'deletesHeldBack']);
  });

  it('tells once when the job becomes Disabled, and a later quarantine after a new start', () => {
    expect(
      told([
        event('quarantineEntered', credentials),
        event('disabled', credentials),
        event('disabled', credentials),
        event('quarantineEntered', credentials),
      ]),
    ).toEqual([
      'quarantineEntered:CredentialsInvalid',
      'disabled:CredentialsInvalid',
      'quarantineEntered:CredentialsInvalid',
    ]);
  });

  it('tells a quarantine that began at another time as a new one (the job was restarted in between)', () => {
    const first = { ...credentials, quarantineBegan: '2025-03-01T00:00:00.000Z' };
    const second = { ...credentials, quarantineBegan: '2025-03-05T00:00:00.000Z' };
    expect(
      told([
        event('quarantineEntered', first),
        event('quarantineEntered', first),
        event('quarantineEntered', second),
      ]),
    ).toEqual(['quarantineEntered:CredentialsInvalid', 'quarantineEntered:CredentialsInvalid']);
  });

  it('remembers what it told, so a stored state keeps a repeated event quiet', () => {
    const state: JobAlertState = { reason: 'CredentialsInvalid', began: null, disabled: false };
    expect(told([event('quarantineEntered', credentials)], state)).toEqual([]);
    expect(decideAlert(state, event('recovered')).next).toEqual(quietState);
  });
});
