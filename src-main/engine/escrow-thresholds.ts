/**
 * The escrow thresholds of provisioning-behaviour.md §10.2, as data: the first row that applies
 * names the quarantine reason. Counts are current state, not cumulative events (Roster decision).
 */
export interface EscrowCounts {
  /** Objects with an open non-reference escrow entry. */
  failed: number;
  /** Open reference escrow entries (count only toward the total). */
  references: number;
  /** In-scope linked objects whose last action succeeded. */
  succeeded: number;
}

export type EscrowThresholdReason =
  | 'EncounteredEscrowProportionThreshold'
  | 'EncounteredBaseEscrowThreshold'
  | 'EncounteredTotalEscrowThreshold';

/** Below this many failed objects neither the proportion nor the base threshold applies. */
export const escrowMinimum = 5_000;

export const escrowThresholdRules: readonly {
  reason: EscrowThresholdReason;
  applies: (counts: EscrowCounts) => boolean;
}[] = [
  {
    reason: 'EncounteredEscrowProportionThreshold',
    applies: ({ failed, succeeded }) => failed >= escrowMinimum && failed / (failed + succeeded) > 0.4,
  },
  {
    reason: 'EncounteredBaseEscrowThreshold',
    applies: ({ failed }) => failed >= escrowMinimum && failed > 40_000,
  },
  {
    reason: 'EncounteredTotalEscrowThreshold',
    applies: ({ failed, references }) => failed + references > 60_000,
  },
];

/** The quarantine reason the counts call for, or null when every threshold holds. */
export function escrowThresholdReason(counts: EscrowCounts): EscrowThresholdReason | null {
  return escrowThresholdRules.find((rule) => rule.applies(counts))?.reason ?? null;
}
