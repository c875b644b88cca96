import { describe, expect, it } from 'vitest';
import type { OnDemandCandidate, OnDemandSearchResult } from '@shared/domain/on-demand';
import type { Result } from '@shared/domain/result';
import { useOnDemandStore } from '../../../src-renderer/stores/on-demand';
import { useHeldTransport, type HeldCall } from './held-transport';

function candidate(anchor: string): OnDemandCandidate {
  return {
    type: 'User',
    anchor,
    displayName: anchor,
    fields: [{ label: 'userPrincipalName', value: anchor }],
    matchedOn: 'userPrincipalName',
    linked: false,
    disabled: false,
  };
}

function found(...anchors: string[]): Result<OnDemandSearchResult> {
  return { ok: true, value: { candidates: anchors.map(candidate), searched: 10, sourceName: 'HR' } };
}

describe('the provision-on-demand store', () => {
  const io = useHeldTransport(['onDemand.search']);
  const held: HeldCall[] = io.held;

  it('shows the latest search when an earlier one answers last, and chooses nothing from the older', async () => {
    const store = useOnDemandStore();
    store.query = 'ann';
    const first = store.search('job-1');
    store.query = 'bob@example.com';
    const second = store.search('job-1');
    held[1]!.resolve(found('bob@example.com', 'bobby@example.com'));
    await second;
    expect(store.searching).toBe(false);
    // The older query's single hit would have been chosen for the admin.
    held[0]!.resolve(found('ann@example.com'));
    await first;
    expect(store.found?.candidates.map((c) => c.anchor)).toEqual(['bob@example.com', 'bobby@example.com']);
    expect(store.chosen).toBeNull();
  });

  it('stays searching until the latest search answers', async () => {
    const store = useOnDemandStore();
    store.query = 'ann';
    const first = store.search('job-1');
    store.query = 'bob';
    const second = store.search('job-1');
    held[0]!.resolve(found('ann@example.com'));
    await first;
    expect(store.searching).toBe(true);
    expect(store.found).toBeNull();
    held[1]!.resolve(found('bob@example.com'));
    await second;
    expect(store.searching).toBe(false);
    expect(store.chosen?.anchor).toBe('bob@example.com');
  });

  it('drops a search that answers after the drawer was reset', async () => {
    const store = useOnDemandStore();
    store.query = 'ann';
    const pending = store.search('job-1');
    store.reset();
    expect(store.searching).toBe(false);
    held[0]!.resolve(found('ann@example.com'));
    await pending;
    expect(store.found).toBeNull();
    expect(store.chosen).toBeNull();
  });
});
