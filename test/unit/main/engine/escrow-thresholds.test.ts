import { describe, expect, it } from 'vitest';
import { escrowThresholdReason } from '../../../../src-main/engine/escrow-thresholds';

describe('the escrow thresholds (§10.2)', () => {
  // The reference's test table, row by row.
  const table = [
    { failed: 4_000, references: 0, succeeded: 0, quarantine: false },
    { failed: 45_000, references: 0, succeeded: 0, quarantine: true },
    { failed: 30_000, references: 0, succeeded: 5_000, quarantine: true },
    { failed: 20_000, references: 0, succeeded: 100_000, quarantine: false },
    { failed: 40_000, references: 21_000, succeeded: 60_000, quarantine: true },
  ];
  it.each(table)('F=$failed R=$references S=$succeeded → quarantine $quarantine', (row) => {
    expect(escrowThresholdReason(row) !== null).toBe(row.quarantine);
  });

  it('names the threshold that applies', () => {
    expect(escrowThresholdReason({ failed: 45_000, references: 0, succeeded: 0 })).toBe(
      'EncounteredEscrowProportionThreshold',
    );
    expect(escrowThresholdReason({ failed: 41_000, references: 0, succeeded: 100_000 })).toBe(
      'EncounteredBaseEscrowThreshold',
    );
    expect(escrowThresholdReason({ failed: 40_000, references: 21_000, succeeded: 60_000 })).toBe(
      'EncounteredTotalEscrowThreshold',
    );
  });

  it('keeps the edges strict: 40 % and 40,000 are not over, and references count only toward the total', () => {
    expect(escrowThresholdReason({ failed: 40_000, references: 0, succeeded: 60_000 })).toBeNull();
    expect(escrowThresholdReason({ failed: 4_999, references: 55_000, succeeded: 0 })).toBeNull();
    expect(escrowThresholdReason({ failed: 0, references: 60_001, succeeded: 0 })).toBe(
      'EncounteredTotalEscrowThreshold',
    );
    expect(escrowThresholdReason({ failed: 5_000, references: 0, succeeded: 7_000 })).toBe(
      'EncounteredEscrowProportionThreshold',
    );
  });
});
