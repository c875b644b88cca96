import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { JobDraft } from '@shared/domain/job-editing';
import { call } from '../../../api';
import { useErrorsStore } from '../../../stores/errors';
import { isBlank, toDraft, type WizardState } from './wizard-model';

/** Long enough to save once per burst of typing, short enough that closing the window loses nothing. */
const saveDelayMs = 800;

/**
 * The wizard's one draft in the app's store. It is saved shortly after every change and at once when
 * the admin leaves (route change, closing the window), so leaving at any moment keeps what was typed;
 * coming back offers to resume it. Saving starts only after the admin chose (resume or start over),
 * so an untouched wizard never overwrites a draft it has not shown.
 */
export function useJobDraft(state: Ref<WizardState>) {
  const errors = useErrorsStore();
  const enabled = ref(false);
  const savedAt = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSaved = '';
  /** The one failure is shown; a draft that cannot be saved should not flood the notifications. */
  let reported = false;

  async function load(): Promise<JobDraft | null> {
    try {
      return await call('drafts.getJob');
    } catch (error) {
      errors.report(error);
      return null;
    }
  }

  async function save(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!enabled.value || isBlank(state.value)) return;
    const draft = toDraft(state.value);
    const text = JSON.stringify(draft);
    if (text === lastSaved) return;
    try {
      const saved = await call('drafts.saveJob', draft);
      lastSaved = text;
      savedAt.value = saved.savedAt ?? new Date().toISOString();
    } catch (error) {
      if (!reported) errors.report(error);
      reported = true;
    }
  }

  async function remove(): Promise<void> {
    enabled.value = false;
    if (timer) clearTimeout(timer);
    timer = null;
    try {
      await call('drafts.deleteJob');
      savedAt.value = null;
      lastSaved = '';
    } catch (error) {
      errors.report(error);
    }
  }

  function start(): void {
    enabled.value = true;
  }

  watch(
    state,
    () => {
      if (!enabled.value) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void save(), saveDelayMs);
    },
    { deep: true },
  );

  // Closing the window or reloading: a last save; the debounced saves have kept it nearly current.
  const onPageHide = (): void => void save();
  window.addEventListener('pagehide', onPageHide);
  onBeforeUnmount(() => window.removeEventListener('pagehide', onPageHide));

  return { enabled, savedAt, load, save, remove, start };
}
