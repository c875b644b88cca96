import { ref, watch, type Ref } from 'vue';
import type { ScopePreviewResult } from '@shared/domain/job-editing';
import type { ObjectType } from '@shared/domain/schema';
import type { ScopingFilter } from '@shared/scoping';
import { call } from '../../../../api';
import { useErrorText } from '../../../../components/said-text';

export interface ScopePreviewInput {
  sourceConnection: Ref<string>;
  objectType: Ref<ObjectType>;
  filters: Ref<ScopingFilter[]>;
  /** True while the filters have problems: the last count stays, marked as before the change. */
  blocked: Ref<boolean>;
  explainAnchor: Ref<string | null>;
  /** How long typing must pause before the source is asked again. */
  debounceMs?: number;
}

/**
 * The live "N of M in scope" and the explanation of one picked object, from jobs.scopePreview. Calls
 * are debounced while the admin types, and an answer to an older question never replaces a newer one.
 */
export function useScopePreview(input: ScopePreviewInput) {
  const result = ref<ScopePreviewResult | null>(null);
  const loading = ref(false);
  const stale = ref(false);
  const failure = ref<string | null>(null);
  const errorText = useErrorText();
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function ask(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const answer = await call('jobs.scopePreview', {
        sourceConnection: input.sourceConnection.value,
        objectType: input.objectType.value,
        filters: input.filters.value,
        ...(input.explainAnchor.value ? { explainAnchor: input.explainAnchor.value } : {}),
      });
      if (mine !== generation) return;
      result.value = answer;
      stale.value = false;
      failure.value = null;
    } catch (error) {
      if (mine !== generation) return;
      failure.value = errorText(error);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    if (input.sourceConnection.value === '') return;
    if (input.blocked.value) {
      generation++;
      loading.value = false;
      stale.value = result.value !== null;
      return;
    }
    stale.value = result.value !== null;
    timer = setTimeout(() => void ask(), input.debounceMs ?? 350);
  }

  watch(
    () => [
      input.sourceConnection.value,
      input.objectType.value,
      JSON.stringify(input.filters.value),
      input.blocked.value,
      input.explainAnchor.value,
    ],
    schedule,
    { immediate: true },
  );

  function stop(): void {
    clearTimeout(timer);
    generation++;
  }

  return { result, loading, stale, failure, refresh: ask, stop };
}
