import { describe, expect, it } from 'vitest';
import { activeFilterCount, defaultLogFilters, toLogQuery } from '../../../src-renderer/stores/log-filters';

const now = new Date('2026-03-10T12:00:00.000Z');

describe('log filters → query', () => {
  it('sends only the period when nothing else is chosen', () => {
    expect(toLogQuery(defaultLogFilters(), now)).toEqual({ since: '2026-03-03T12:00:00.000Z' });
  });

  it('maps every chosen filter and trims typed text', () => {
    const query = toLogQuery(
      {
        ...defaultLogFilters(),
        jobId: 'job-1',
        status: 'failure',
        action: 'stagedDelete',
        identity: '  ann  ',
        cycleId: ' c-42 ',
        period: 'day',
      },
      now,
    );
    expect(query).toEqual({
      jobId: 'job-1',
      status: 'failure',
      action: 'stagedDelete',
      identity: 'ann',
      cycleId: 'c-42',
      since: '2026-03-09T12:00:00.000Z',
    });
  });

  it('leaves out identity and cycle when they are only spaces', () => {
    const query = toLogQuery({ ...defaultLogFilters(), identity: '   ', cycleId: ' ' }, now);
    expect(query).not.toHaveProperty('identity');
    expect(query).not.toHaveProperty('cycleId');
  });

  it('covers the last 30 days for the month period', () => {
    expect(toLogQuery({ ...defaultLogFilters(), period: 'month' }, now).since).toBe(
      '2026-02-08T12:00:00.000Z',
    );
  });

  it('covers a custom range from the start of its first day to the end of its last day', () => {
    const first = new Date(2026, 2, 1).getTime();
    const last = new Date(2026, 2, 3).getTime();
    const query = toLogQuery({ ...defaultLogFilters(), period: 'custom', range: [first, last] }, now);
    expect(query.since).toBe(new Date(2026, 2, 1, 0, 0, 0, 0).toISOString());
    expect(query.until).toBe(new Date(2026, 2, 3, 23, 59, 59, 999).toISOString());
  });

  it('applies no date limit while a custom range is not picked yet', () => {
    const query = toLogQuery({ ...defaultLogFilters(), period: 'custom', range: null }, now);
    expect(query).not.toHaveProperty('since');
    expect(query).not.toHaveProperty('until');
  });

  it('counts the filters that differ from the defaults', () => {
    expect(activeFilterCount(defaultLogFilters())).toBe(0);
    expect(
      activeFilterCount({ ...defaultLogFilters(), status: 'warning', identity: 'x', period: 'day' }),
    ).toBe(3);
  });
});
