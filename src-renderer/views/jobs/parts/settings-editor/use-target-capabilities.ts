import { ref, watch, type Ref } from 'vue';
import type { TargetCapabilities } from '@shared/domain/target-capabilities';
import { call } from '../../../../api';
import { useErrorText } from '../../../../components/said-text';

/** What the target connection can do (targets.capabilities), asked again when the target changes. */
export function useTargetCapabilities(targetConnection: Ref<string>) {
  const capabilities = ref<TargetCapabilities | null>(null);
  const loading = ref(false);
  const failure = ref<string | null>(null);
  const errorText = useErrorText();
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    capabilities.value = null;
    if (targetConnection.value === '') return;
    loading.value = true;
    try {
      const answer = await call('targets.capabilities', { targetConnection: targetConnection.value });
      if (mine !== generation) return;
      capabilities.value = answer;
      failure.value = null;
    } catch (error) {
      if (mine !== generation) return;
      failure.value = errorText(error);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(targetConnection, () => void load(), { immediate: true });
  return { capabilities, loading, failure, reload: load };
}
