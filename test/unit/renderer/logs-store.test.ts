// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { LogPage } from '@shared/domain/provisioning';
import type { Result } from '@shared/domain/result';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';
import { defaultLogFilters } from '../../../src-renderer/stores/log-filters';
import { useLogsStore } from '../../../src-renderer/stores/logs';

const calls: { command: string; input: unknown }[] = [];
let pages: LogPage[] = [];

const transport: Transport = {
  kind: 'browser',
  invoke: async (command, input): Promise<Result<unknown>> => {
    calls.push({ command, input });
    if (command === 'logs.query')
      return { ok: true, value: pages.shift() ?? { entries: [], nextBeforeSeq: null } };
    if (command === 'exports.logs')
      return { ok: true, value: { fileName: 'x.csv', path: '/tmp/x.csv', rows: 0, files: [] } };
    return { ok: false, error: { code: 'unknownCommand', message: command } };
  },
  subscribe: () => () => {},
};

describe('provisioning logs store', () => {
  beforeEach(() => {
    useTransport(transport);
    setActivePinia(createPinia());
    calls.length = 0;
    pages = [];
    vi.useFakeTimers({ now: new Date('2026-03-10T12:00:00.000Z'), toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  it('queries with the filters the admin chose, and pages older entries with nextBeforeSeq', async () => {
    pages = [{ entries: [], nextBeforeSeq: 801 }];
    const logs = useLogsStore();
    await logs.apply({
      ...defaultLogFilters(),
      jobId: 'job-1',
      status: 'failure',
      identity: ' song ',
      period: 'day',
    });
    expect(calls).toEqual([
      {
        command: 'logs.query',
        input: {
          jobId: 'job-1',
          status: 'failure',
          identity: 'song',
          since: '2026-03-09T12:00:00.000Z',
          limit: 200,
        },
      },
    ]);
    expect(logs.nextBeforeSeq).toBe(801);

    await logs.loadOlder();
    expect(calls[1]).toEqual({
      command: 'logs.query',
      input: {
        jobId: 'job-1',
        status: 'failure',
        identity: 'song',
        since: '2026-03-09T12:00:00.000Z',
        limit: 200,
        beforeSeq: 801,
      },
    });
  });

  it('exports with the same filters, without paging', async () => {
    const logs = useLogsStore();
    await logs.apply({ ...defaultLogFilters(), cycleId: 'c-9', action: 'stagedDelete', period: 'month' });
    await logs.exportEntries('csv-full', false);
    expect(calls.at(-1)).toEqual({
      command: 'exports.logs',
      input: {
        query: { cycleId: 'c-9', action: 'stagedDelete', since: '2026-02-08T12:00:00.000Z' },
        format: 'csv-full',
        bom: false,
      },
    });
  });
});
