import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../../src-main/app/context';
import { appProfileHandlers } from '../../../../src-main/app/apps/app-handlers';
import { loadAppProfiles } from '../../../../src-main/app/apps/app-profiles';
import { resourcePath } from '../../../../src-main/app/resources';

describe('app profile handlers', () => {
  it('read the bundled profiles on first use, once, not when every roster command builds its handlers', async () => {
    const logged: string[] = [];
    const ctx = { log: { error: (message: string) => logged.push(message) } } as unknown as AppContext;
    let loads = 0;
    const handlers = appProfileHandlers(ctx, () => {
      loads += 1;
      return loadAppProfiles(resourcePath('apps'));
    });
    expect(loads).toBe(0);
    const listed = await handlers['apps.list']({});
    expect(listed.length).toBeGreaterThanOrEqual(13);
    await handlers['apps.get']({ id: 'slack' });
    expect(loads).toBe(1);
    expect(logged).toEqual([]);
  });
});
