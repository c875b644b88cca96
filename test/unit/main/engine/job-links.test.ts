import { describe, expect, it } from 'vitest';
import { JobLinks } from '../../../../src-main/engine/job-links';
import type { LinkRecord } from '../../../../src-main/store/links-repo';

function link(anchor: string, targetId: string): LinkRecord {
  return {
    jobId: 'j',
    objectType: 'User',
    anchor,
    targetId,
    displayName: anchor,
    exported: { userName: `${anchor}@example.com` },
    active: true,
    members: [],
    linkedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('a cycle’s links', () => {
  it('holds every target id and reads a record by key when asked for, without keeping it', () => {
    const stored = new Map([
      ['a', link('a', 't-a')],
      ['b', link('b', 't-b')],
    ]);
    const reads: string[] = [];
    const links = new JobLinks(
      new Map([
        ['User\u0000a', 't-a'],
        ['User\u0000b', 't-b'],
      ]),
      (_type, anchor) => {
        reads.push(anchor);
        return stored.get(anchor) ?? null;
      },
    );
    expect(links.size).toBe(2);
    expect(links.targetIdOf('User\u0000b')).toBe('t-b');
    expect(links.has('User\u0000a')).toBe(true);
    expect(reads).toEqual([]);
    const a = links.get('User\u0000a');
    expect(a?.exported).toEqual({ userName: 'a@example.com' });
    expect(links.get('User\u0000a')).toEqual(a);
    // A key the job has no link for is never looked up in the store.
    expect(links.get('User\u0000nobody')).toBeUndefined();
    expect(reads).toEqual(['a', 'a']);
  });

  it('keeps links set in the cycle (still queued for the store) and forgets deleted ones', () => {
    const links = new JobLinks(new Map([['User\u0000gone', 't-gone']]), (_type, anchor) =>
      anchor === 'gone' ? link('gone', 't-gone') : null,
    );
    const created = link('new', 't-new');
    links.set('User\u0000new', created);
    expect(links.get('User\u0000new')).toBe(created);
    expect(links.targetIdOf('User\u0000new')).toBe('t-new');
    links.delete('User\u0000gone');
    expect(links.has('User\u0000gone')).toBe(false);
    expect(links.get('User\u0000gone')).toBeUndefined();
    expect([...links.keys()]).toEqual(['User\u0000new']);
  });

  it('lets go of a link set in the cycle once its outcome is committed, unless a newer one was set', () => {
    const stored = new Map<string, LinkRecord>();
    // The store hands out a record of its own, as SQLite does.
    const links = new JobLinks(new Map(), (_type, anchor) => structuredClone(stored.get(anchor) ?? null));
    const first = link('new', 't-new');
    links.set('User\u0000new', first);
    const second = { ...first, exported: { userName: 'renamed@example.com' } };
    links.set('User\u0000new', second);
    // The first outcome committed: the view still holds the second, which the store lacks.
    stored.set('new', first);
    links.settled('User\u0000new', first);
    expect(links.get('User\u0000new')).toBe(second);
    // The second committed: the store has it, and the view reads it from there.
    stored.set('new', second);
    links.settled('User\u0000new', second);
    const read = links.get('User\u0000new');
    expect(read).not.toBe(second);
    expect(read).toEqual(second);
    expect(links.targetIdOf('User\u0000new')).toBe('t-new');
  });
});
