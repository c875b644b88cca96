import type { CallNode } from '../ast';
import type { Said } from '../evaluation-messages';
import type { DateTimeValue, ScalarValue, Value } from '../values';

/** What a function sees of the evaluation: clock, randomness, warnings. One per object evaluated. */
export interface Runtime {
  /** The evaluation's single "now" (expressions.md §5 Now: the same instant for the whole object). */
  nowTicks(): bigint;
  randomBytes(length: number): Uint8Array;
  /** A warning for the log and the preview, in English with its code. */
  warn(warning: Said): void;
}

/**
 * One call being evaluated. Slots are evaluated on first use and remembered, so lazy functions (IIF, Switch,
 * Coalesce) evaluate only what they use; the evaluator pre-evaluates every filled slot, left to right, for
 * the other functions. The typed readers apply expressions.md §3.3 and fail with the function, argument and
 * position in the message.
 */
export interface Frame {
  readonly call: CallNode;
  readonly runtime: Runtime;
  /** Number of slots written, empty ones included. */
  readonly count: number;
  filled(index: number): boolean;
  /** The slot's value; null for an empty or missing slot. */
  value(index: number): Value;
  scalar(index: number): ScalarValue | null;
  string(index: number): string | null;
  integer(index: number): bigint | null;
  date(index: number): DateTimeValue | null;
  /**
   * Fails the evaluation with a problem (evaluation-templates.ts), pointing at argument `index` when
   * given, otherwise at the call; the message names the function and the argument.
   */
  fail(problem: Said, index?: number): never;
}

export interface FunctionImpl {
  /** Lazy functions evaluate their own slots; the others get every filled slot evaluated first. */
  readonly lazy?: boolean;
  evaluate(frame: Frame): Value;
}
