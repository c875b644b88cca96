import { ref, watch, type Ref } from 'vue';
import type { SourceSchemaResult } from '@shared/domain/job-editing';
import { call } from '../../../../api';
import { useErrorText } from '../../../../components/said-text';

/**
 * A source connection's real attributes (`sources.schema`), for the pickers and the name checks.
 * Read once per connection while the page lives: the table, the dialog and the schema editor all ask.
 */
const cache = new Map<string, Promise<SourceSchemaResult>>();

export function useSourceSchema(connection: () => string | undefined): {
  schema: Ref<SourceSchemaResult | null>;
  loading: Ref<boolean>;
  failure: Ref<string | null>;
  reload: () => void;
} {
  const schema = ref<SourceSchemaResult | null>(null);
  const loading = ref(false);
  const failure = ref<string | null>(null);
  const errorText = useErrorText();
  let generation = 0;

  async function load(name: string | undefined, fresh: boolean): Promise<void> {
    const mine = ++generation;
    schema.value = null;
    failure.value = null;
    if (!name) return;
    if (fresh) cache.delete(name);
    let pending = cache.get(name);
    if (!pending) {
      pending = call('sources.schema', { sourceConnection: name });
      cache.set(name, pending);
      // A failed read is not kept: the next editor that opens asks again.
      pending.catch(() => cache.delete(name));
    }
    loading.value = true;
    try {
      const result = await pending;
      if (mine === generation) schema.value = result;
    } catch (error) {
      if (mine === generation) failure.value = errorText(error);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(connection, (name) => void load(name, false), { immediate: true });
  return { schema, loading, failure, reload: () => void load(connection(), true) };
}
