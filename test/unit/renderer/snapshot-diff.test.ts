import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src-renderer/views/audit/parts/snapshot-diff';

describe('diffSnapshots', () => {
  it('lists changed, added and removed fields by dotted path', () => {
    const before = {
      name: 'Slack',
      settings: { baseUrl: 'https://a', timeoutSeconds: 30 },
      secrets: { bearerToken: 'set' },
    };
    const after = {
      name: 'Slack',
      settings: { baseUrl: 'https://b', scope: 'x' },
      secrets: { bearerToken: 'notSet' },
    };
    expect(diffSnapshots(before, after)).toEqual([
      { path: 'secrets.bearerToken', before: 'set', after: 'notSet' },
      { path: 'settings.baseUrl', before: 'https://a', after: 'https://b' },
      { path: 'settings.scope', before: '', after: 'x' },
      { path: 'settings.timeoutSeconds', before: '30', after: '' },
    ]);
  });

  it('shows a creation as every field added', () => {
    expect(diffSnapshots(null, { name: 'HR' })).toEqual([{ path: 'name', before: '', after: 'HR' }]);
  });
});
