import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseEnglish } from '@shared/domain/log-messages';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

/** Issue 10 item 7: a dry run reads as a dry run — what it found, and situation and action agree. */
describe('a dry run’s plan says what it found', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
  });

  it('lists a matched, unchanged account as "link", not "other", with a note the app can translate', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1), employee(2)]);
    expect((await kit.sync()).counters.created).toBe(2);
    // Forget the links but keep the accounts: the next run finds each by matching, nothing differs.
    const reset = await kit.app.dispatch('jobs.reset', { id: kit.jobId, full: true });
    expect(reset.ok).toBe(true);
    const plan = await kit.sync(true);
    const items = kit.app.store.plans.page(plan.id, 0, 100).filter((i) => i.objectType === 'User');
    expect(items.map((i) => [i.anchor, i.situation, i.action])).toEqual([
      ['E0001', 'unlinked', 'link'],
      ['E0002', 'unlinked', 'link'],
    ]);
    expect(items[0]?.note).toBe('Links to the matching target object; no attribute differs');
    // The app reads the note's code back from the English to show it in the admin's language.
    expect(parseEnglish(items[0]?.note ?? '')).toEqual({ code: 'planLinkOnly', params: {} });
  });

  it('keeps the engine’s English in the log and the code beside it', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1)]);
    await kit.sync();
    const entries = kit.app.store.log.page({ jobId: kit.jobId, limit: 10 }).entries;
    const created = entries.find((e) => e.provisioningAction === 'create');
    const exportStep = created?.provisioningSteps.find((s) => s.provisioningStepType === 'export');
    expect(exportStep).toMatchObject({
      description: 'Created in App',
      messageCode: 'exportCreated',
      messageParams: { target: 'App' },
    });
    const importStep = created?.provisioningSteps.find((s) => s.provisioningStepType === 'import');
    expect(importStep).toMatchObject({ description: 'Read from HR', messageCode: 'importRead' });
  });
});
