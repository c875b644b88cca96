import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { paceTraceFromEnv } from '../../../../../src-main/connectors/scim/pace-trace';
import { makeTempDirFor } from '../../../../peers/temp';
import { simulateStorm } from './storm-simulation';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

function traceFile(): string {
  const dir = makeTempDirFor('roster-pace-trace-');
  dirs.push(dir);
  return join(dir.path, 'pace.jsonl');
}

describe('ROSTER_PACE_TRACE', () => {
  it('is off unless named', () => {
    expect(paceTraceFromEnv({})).toBeNull();
    expect(paceTraceFromEnv({ ROSTER_PACE_TRACE: '  ' })).toBeNull();
  });

  it('appends one line of numbers per decision, with how many starts the rate held back', async () => {
    const file = traceFile();
    const trace = paceTraceFromEnv({ ROSTER_PACE_TRACE: file });
    if (!trace) throw new Error('no trace');
    await simulateStorm({
      mix: { throttle: 0.2, serverError: 0, timeout: 0, garbage: 0 },
      seed: 8008,
      requests: 600,
      concurrency: 8,
      ceiling: 1000,
      serviceMs: [10, 20],
      clientCpuMs: 16,
      trace,
    });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const decisions = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    // A storm at the ceiling: first a descent, then the verdict that sends the rate back.
    expect(decisions.map((d) => d['reason']).slice(0, 2)).toEqual(['excess', 'storm']);
    const [descent, back] = decisions;
    expect(descent).toMatchObject({ phase: 'descending', from: 1000, reason: 'excess', baseline: 0 });
    expect(back).toMatchObject({ phase: 'cruising', to: 1000, reason: 'storm' });
    // The step's starts, some of which waited for a token of the lowered rate.
    expect(back?.['started']).toBeGreaterThan(0);
    expect(back?.['heldByRate']).toBeGreaterThan(0);
    expect(back?.['heldByRate']).toBeLessThanOrEqual(back?.['started'] as number);
    for (const d of decisions) {
      expect(Object.keys(d).sort()).toEqual([
        'answers',
        'at',
        'baseline',
        'from',
        'heldByRate',
        'limiter',
        'phase',
        'reason',
        'started',
        'throttled',
        'to',
      ]);
    }
  });

  it('stops quietly when the file cannot be written', () => {
    const trace = paceTraceFromEnv({ ROSTER_PACE_TRACE: join(traceFile(), 'no', 'such', 'dir', 'x') });
    const change = {
      at: 1,
      phase: 'cruising',
      from: 2,
      to: 3,
      reason: 'probe',
      answers: 4,
      throttled: 0,
      baseline: 0,
    } as const;
    expect(() => trace?.(change, { started: 1, heldByRate: 0 })).not.toThrow();
  });
});
