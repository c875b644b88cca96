import { said } from '../evaluation-messages';
import type { Frame, FunctionImpl } from './frame';

/** Root-only functions are handled by the evaluator at the root; reaching them here is misuse. */
function rootOnly(name: string): FunctionImpl {
  return {
    lazy: true,
    evaluate(f: Frame) {
      return f.fail(said('rootOnly', { name }));
    },
  };
}

export const FLOW_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  Redact: {
    lazy: true,
    // The value passes through; the redaction itself is applied where values are recorded.
    evaluate: (f: Frame) => f.value(0),
  },
  IgnoreFlowIfNullOrEmpty: rootOnly('IgnoreFlowIfNullOrEmpty'),
  SelectUniqueValue: rootOnly('SelectUniqueValue'),
};
