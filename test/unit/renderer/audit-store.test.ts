import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '@shared/domain/audit';
import { useAuditStore } from '../../../src-renderer/stores/audit';
import { useHeldTransport, type HeldCall } from './held-transport';

function entry(id: number): AuditEntry {
  return {
    id,
    at: '2026-12-05T00:00:00.000Z',
    actor: 'alice',
    action: 'connection.update',
    targetType: 'connection',
    targetId: 'c-1',
    targetName: 'HR',
    before: null,
    after: null,
  };
}

const page = (ids: number[], nextBeforeId: number | null = null): AuditPage => ({
  entries: ids.map(entry),
  nextBeforeId,
});

describe('the audit store', () => {
  const io = useHeldTransport(['audit.list']);
  const held: HeldCall[] = io.held;

  it('reloads one at a time, with the filter chosen last', async () => {
    const audit = useAuditStore();
    const first = audit.reload();
    const filtered = audit.filterBy('job.start');
    expect(held).toHaveLength(1);
    held[0]!.answer(page([3, 2, 1]));
    await first;
    expect(held[1]!.input).toEqual({ limit: 100, action: 'job.start' });
    expect(audit.loading).toBe(true);
    held[1]!.answer(page([2]));
    await filtered;
    expect(audit.loading).toBe(false);
    expect(audit.entries.map((e) => e.id)).toEqual([2]);
  });

  it('drops a "Load more" page when the list was reloaded meanwhile', async () => {
    const audit = useAuditStore();
    const loaded = audit.reload();
    held[0]!.answer(page([5, 4], 4));
    await loaded;
    const more = audit.loadMore();
    const reloaded = audit.reload();
    expect(held.map((h) => h.input)).toEqual([{ limit: 100 }, { limit: 100, beforeId: 4 }, { limit: 100 }]);
    held[2]!.answer(page([7, 6], 6));
    await reloaded;
    held[1]!.answer(page([3, 2], 2));
    await more;
    expect(audit.entries.map((e) => e.id)).toEqual([7, 6]);
    expect(audit.nextBeforeId).toBe(6);
  });

  it('appends the next page when nothing was reloaded, and asks for it once at a time', async () => {
    const audit = useAuditStore();
    const loaded = audit.reload();
    held[0]!.answer(page([5, 4], 4));
    await loaded;
    const more = audit.loadMore();
    void audit.loadMore();
    expect(held).toHaveLength(2);
    held[1]!.answer(page([3, 2]));
    await more;
    expect(audit.entries.map((e) => e.id)).toEqual([5, 4, 3, 2]);
    expect(audit.nextBeforeId).toBeNull();
  });
});
