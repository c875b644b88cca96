import { computed, ref, watch, type Ref } from 'vue';
import type { SourceSchemaResult } from '@shared/domain/job-editing';
import type { ObjectType, SourceSchemaAttribute } from '@shared/domain/schema';
import { call } from '../../../../api';
import { useErrorText } from '../../../../components/said-text';

/**
 * The source connection's real attributes (sources.schema) for one object type. A failure is kept
 * beside the attribute field, not thrown: the admin can still type names, and validation then skips
 * the attribute checks it cannot make.
 */
export function useSourceSchema(sourceConnection: Ref<string>, objectType: Ref<ObjectType>) {
  const result = ref<SourceSchemaResult | null>(null);
  const loading = ref(false);
  const failure = ref<string | null>(null);
  const errorText = useErrorText();
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    const connection = sourceConnection.value;
    if (connection === '') return;
    loading.value = true;
    try {
      const answer = await call('sources.schema', { sourceConnection: connection });
      if (mine !== generation) return;
      result.value = answer;
      failure.value = null;
    } catch (error) {
      if (mine !== generation) return;
      result.value = null;
      failure.value = errorText(error);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(sourceConnection, () => void load(), { immediate: true });

  /** Undefined while unknown, so that validation does not call every attribute unknown. */
  const attributes = computed<SourceSchemaAttribute[] | undefined>(() =>
    result.value ? result.value.attributes.filter((a) => a.objectType === objectType.value) : undefined,
  );
  const origin = computed(() => result.value?.origin ?? '');

  return { attributes, origin, loading, failure, reload: load };
}
