import { describe, expect, it } from 'vitest';
import type { Result } from '@shared/domain/result';
import { useErrorsStore } from '../../../src-renderer/stores/errors';
import { useJobsStore } from '../../../src-renderer/stores/jobs';
import { useHeldTransport, type HeldCall } from './held-transport';

const listOf = (...ids: string[]): Result<unknown> => ({ ok: true, value: ids.map((id) => ({ id })) });

describe('the jobs store', () => {
  const io = useHeldTransport(['jobs.list']);
  const held: HeldCall[] = io.held;

  it('collapses the loads asked for while one runs into one more, loading until it ends', async () => {
    const store = useJobsStore();
    const first = store.load();
    const second = store.load();
    const third = store.load();
    expect(held).toHaveLength(1);
    expect(store.loading).toBe(true);
    held[0]!.resolve(listOf('j1'));
    await first;
    expect(store.items.map((job) => job.id)).toEqual(['j1']);
    expect(store.loaded).toBe(true);
    expect(store.loading).toBe(true);
    expect(held).toHaveLength(2);
    held[1]!.resolve(listOf('j1', 'j2'));
    await Promise.all([second, third]);
    expect(held).toHaveLength(2);
    expect(store.loading).toBe(false);
    expect(store.items.map((job) => job.id)).toEqual(['j1', 'j2']);
  });

  it('reports a failed load and still runs the one asked for meanwhile', async () => {
    const store = useJobsStore();
    const first = store.load();
    const second = store.load();
    held[0]!.resolve({ ok: false, error: { code: 'internal', message: 'database locked' } });
    await first;
    expect(useErrorsStore().queue.map((error) => error.message)).toEqual(['database locked']);
    expect(store.loaded).toBe(false);
    held[1]!.resolve(listOf('j1'));
    await second;
    expect(store.loaded).toBe(true);
    expect(store.items.map((job) => job.id)).toEqual(['j1']);
  });
});
