// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import type { CycleSummary } from '@shared/domain/provisioning';
import { useJobRecord } from '../../../src-renderer/views/jobs/parts/use-job-record';
import { useHeldTransport } from './held-transport';

const cycle = (id: string, status: CycleSummary['status']) => ({ id, status }) as unknown as CycleSummary;

describe('the job page’s detail and cycle history', () => {
  const io = useHeldTransport(['cycles.list', 'jobs.get']);

  it('shows the cycle as ended when the load asked as it started answers last', async () => {
    const record = useJobRecord(ref('j1'));
    const asStarted = record.loadCycles();
    const asEnded = record.loadCycles();
    // The load asked when the cycle ended waits for the one asked when it started.
    expect(io.heldOf('cycles.list')).toHaveLength(1);
    io.heldOf('cycles.list')[0]!.answer([cycle('c1', 'running')]);
    await asStarted;
    expect(record.cyclesLoading.value).toBe(true);
    io.heldOf('cycles.list')[1]!.answer([cycle('c1', 'completed')]);
    await asEnded;
    expect(record.cycles.value.map((c) => c.status)).toEqual(['completed']);
    expect(record.cyclesLoading.value).toBe(false);
  });

  it('drops the answers for the job shown before the page moved to another', async () => {
    const id = ref('j1');
    const record = useJobRecord(id);
    const cycles = record.loadCycles();
    const detail = record.loadDetail();
    id.value = 'j2';
    io.heldOf('cycles.list')[0]!.answer([cycle('c-of-j1', 'completed')]);
    io.heldOf('jobs.get')[0]!.answer({ id: 'j1' });
    await Promise.all([cycles, detail]);
    expect(record.cycles.value).toEqual([]);
    expect(record.detail.value).toBeNull();
    // The next loads read the job shown now.
    const again = record.loadCycles();
    expect(io.heldOf('cycles.list')[1]!.input).toEqual({ jobId: 'j2', limit: 20 });
    io.heldOf('cycles.list')[1]!.answer([cycle('c-of-j2', 'completed')]);
    await again;
    expect(record.cycles.value.map((c) => c.id)).toEqual(['c-of-j2']);
  });

  it('says a job is missing when the app no longer has it', async () => {
    const record = useJobRecord(ref('gone'));
    const loading = record.loadDetail();
    io.heldOf('jobs.get')[0]!.resolve({ ok: false, error: { code: 'notFound', message: 'No job "gone"' } });
    await loading;
    expect(record.missing.value).toBe(true);
  });
});
