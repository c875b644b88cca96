import { onScopeDispose, ref, watch, type Ref } from 'vue';
import { computePreview, previewWithoutEvaluating, type PreviewInput, type PreviewState } from './preview';

/**
 * The live preview. Evaluation runs `delay` ms after the last change, so typing stays smooth on long
 * expressions; "fix the error first" and the like show at once, so a stale result never sits beside an error.
 */
export function usePreview(
  input: () => PreviewInput,
  delay: () => number,
): { preview: Ref<PreviewState>; pending: Ref<boolean> } {
  const preview = ref<PreviewState>(computePreview(input()));
  const pending = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(
    input,
    (next) => {
      clearTimeout(timer);
      const settled = previewWithoutEvaluating(next);
      if (settled) {
        pending.value = false;
        preview.value = settled;
        return;
      }
      pending.value = true;
      timer = setTimeout(() => {
        pending.value = false;
        preview.value = computePreview(input());
      }, delay());
    },
    { deep: true },
  );
  onScopeDispose(() => clearTimeout(timer));
  return { preview, pending };
}
