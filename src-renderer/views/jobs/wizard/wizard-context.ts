import { inject, provide, type ComputedRef, type InjectionKey, type Ref } from 'vue';
import type { usePreviewJob } from './use-preview-job';
import type { WizardProblem, WizardState, WizardStep } from './wizard-model';

/** What the wizard page shares with its steps: the one state, and the problems of the current step. */
export interface WizardContextValue {
  state: Ref<WizardState>;
  /** Problems of the shown step, once Next was pressed (so an untouched field is not red). */
  problems: ComputedRef<WizardProblem[]>;
  /** The translated problem of one field, or undefined. */
  problemFor: (field: string) => string | undefined;
  preview: ReturnType<typeof usePreviewJob>;
  /**
   * Steps whose editor reports problems of its own (shown beside its fields by the editor): Next
   * stays refused while one is set.
   */
  blocked: Ref<Partial<Record<WizardStep, boolean>>>;
  /** Checks the step again after an asynchronous change (a test passed, defaults arrived). */
  revalidate: () => void;
}

const key: InjectionKey<WizardContextValue> = Symbol('new-job-wizard');

export function provideWizard(value: WizardContextValue): void {
  provide(key, value);
}

export function useWizard(): WizardContextValue {
  const value = inject(key);
  if (!value) throw new Error('A wizard step is shown outside the new-job wizard.');
  return value;
}
