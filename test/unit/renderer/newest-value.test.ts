// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { defaultAppSettings, type AppSettings } from '@shared/domain/settings';
import { newestValue } from '../../../src-renderer/stores/newest-value';
import { useSchedulerStore } from '../../../src-renderer/stores/scheduler';
import { useSettingsStore } from '../../../src-renderer/stores/settings';
import { useHeldTransport } from './held-transport';

/** A promise the test settles when it chooses. */
function later<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('a value that reads and news both set', () => {
  it('keeps a read’s answer when no news came meanwhile', async () => {
    const value = ref('old');
    const current = newestValue(value);
    const answer = later<string>();
    const reading = current.read(() => answer.promise);
    answer.resolve('read');
    expect(await reading).toBe(true);
    expect(value.value).toBe('read');
  });

  it('drops a read’s answer that arrives after news', async () => {
    const value = ref('old');
    const current = newestValue(value);
    const answer = later<string>();
    const reading = current.read(() => answer.promise);
    current.set('event');
    answer.resolve('read before the event');
    expect(await reading).toBe(false);
    expect(value.value).toBe('event');
  });

  it('lets the later of two overlapping reads win only when it was kept, and news after both wins', async () => {
    const value = ref(0);
    const current = newestValue(value);
    const first = later<number>();
    const second = later<number>();
    const a = current.read(() => first.promise);
    const b = current.read(() => second.promise);
    second.resolve(2);
    await b;
    // The first read was asked before the second answered: the second's answer is news to it.
    first.resolve(1);
    expect(await a).toBe(false);
    expect(value.value).toBe(2);
    current.set(3);
    expect(value.value).toBe(3);
  });

  it('passes a failed read on and changes nothing', async () => {
    const value = ref('old');
    const current = newestValue(value);
    await expect(current.read(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(value.value).toBe('old');
  });
});

describe('the settings store', () => {
  const io = useHeldTransport(['settings.get']);

  it('keeps a change another window made while the settings were being read', async () => {
    const store = useSettingsStore();
    const loading = store.load();
    const dark: AppSettings = { ...defaultAppSettings, theme: 'dark', language: 'ko' };
    io.send('settings.changed', dark);
    io.held[0]!.answer({ ...defaultAppSettings });
    await loading;
    expect(store.settings).toEqual(dark);
    expect(store.loaded).toBe(true);
  });
});

describe('the scheduler store', () => {
  const io = useHeldTransport(['scheduler.getSettings'], (command, input) =>
    command === 'scheduler.saveSettings' ? { ok: true, value: input } : undefined,
  );

  it('keeps the count the admin saved while the settings were being read', async () => {
    const store = useSchedulerStore();
    const loading = store.load();
    await expect(store.save(5)).resolves.toBe(true);
    io.held[0]!.answer({ maxConcurrentJobs: 2 });
    await loading;
    expect(store.maxConcurrentJobs).toBe(5);
    expect(store.loaded).toBe(true);
  });
});
