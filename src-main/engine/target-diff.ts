import type { AttributeMapping } from '@shared/domain/jobs';
import type { ModifiedProperty } from '@shared/domain/provisioning';
import type { TargetValue } from '@shared/domain/schema';
import type { AttributeChange } from '../connectors/connector';
import type { MappingEvaluator } from './mapping-evaluator';
import { ObjectFailure } from './object-failure';
import { redactable } from './object-mappings';
import { displayValue, missingValues, sameTargetValue } from './target-values';

/**
 * A mapped value that equals the target's only because the attribute compares case-insensitively
 * (§5.6): Roster sends nothing, and says so, because an admin who changed "kim" to "Kim" in the
 * source expects to see it flow.
 */
export interface CaseOnlyDifference {
  path: string;
  current: string | null;
  desired: string | null;
}

export interface TargetDiff {
  changes: AttributeChange[];
  modified: ModifiedProperty[];
  /** What the update leaves in the target for each mapping that sends (the link's "last exported"). */
  exported: Record<string, TargetValue>;
  caseOnly: CaseOnlyDifference[];
}

/**
 * The update of one linked object (§5.6), without I/O: every mapping that applies to updates is
 * evaluated on the source and compared with `current` — the target's values when a cycle read them,
 * or the last exported values when the impact view works without asking the target. An expression
 * error rejects with ObjectFailure, as in a cycle.
 */
export async function diffMappedValues(
  evaluator: MappingEvaluator,
  mappings: readonly AttributeMapping[],
  source: Record<string, unknown>,
  current: Readonly<Record<string, TargetValue>>,
): Promise<TargetDiff> {
  const diff: TargetDiff = { changes: [], modified: [], exported: {}, caseOnly: [] };
  for (const m of mappings) {
    if (m.apply === 'OnlyOnCreate') continue;
    const schema = evaluator.schemaFor(m.target);
    const now = current[m.target] ?? null;
    if (m.type === 'None') {
      const fallback = evaluator.defaultValue(m);
      if (fallback !== null && sameTargetValue(now, '', schema)) {
        diff.changes.push({ path: m.target, oldValue: now, newValue: fallback });
        diff.modified.push({
          displayName: m.target,
          oldValue: displayValue(now),
          newValue: displayValue(fallback),
        });
        diff.exported[m.target] = fallback;
      }
      continue;
    }
    const outcome = await evaluator.evaluate(m, source, 'update');
    if (outcome.kind === 'error') throw new ObjectFailure(outcome.code, outcome.text);
    if (outcome.kind === 'clear') {
      if (!sameTargetValue(now, '', schema)) {
        diff.changes.push({ path: m.target, oldValue: now, newValue: '' });
        diff.modified.push(redactable(m.target, now, '', outcome.redacted));
        diff.exported[m.target] = '';
      }
      continue;
    }
    if (outcome.kind !== 'send') continue;
    if (m.apply === 'MultiValueAddOnly') {
      const missing = missingValues(now, outcome.value, schema?.caseExact ?? false);
      if (missing.length > 0) {
        diff.changes.push({ path: m.target, oldValue: now, newValue: missing, addOnly: true });
        diff.modified.push(redactable(m.target, now, missing, outcome.redacted));
      }
      diff.exported[m.target] = outcome.value;
      continue;
    }
    diff.exported[m.target] = outcome.value;
    if (!sameTargetValue(now, outcome.value, schema)) {
      diff.changes.push({ path: m.target, oldValue: now, newValue: outcome.value });
      diff.modified.push(redactable(m.target, now, outcome.value, outcome.redacted));
    } else if (!(schema?.caseExact ?? false) && !sameTargetValue(now, outcome.value, { caseExact: true })) {
      // Nothing is sent, so the target keeps its spelling: that is what "last exported" must say,
      // or marking the attribute case-exact later would find nothing to send.
      diff.exported[m.target] = now;
      diff.caseOnly.push({
        path: m.target,
        current: outcome.redacted ? '[Redact]' : displayValue(now),
        desired: outcome.redacted ? '[Redact]' : displayValue(outcome.value),
      });
    }
  }
  return diff;
}

/** The sentence the plan and the log give for case-only differences (message code CaseOnlyDifference). */
export function caseOnlyNote(differences: readonly CaseOnlyDifference[]): string {
  const list = differences.map((d) => `${d.path} ("${d.current ?? ''}" → "${d.desired ?? ''}")`).join(', ');
  return (
    `${list} differ${differences.length === 1 ? 's' : ''} only by case; the target compares ` +
    `${differences.length === 1 ? 'this attribute' : 'these attributes'} case-insensitively, so nothing is sent. ` +
    'Mark the attribute case-exact in the target attribute list to send it.'
  );
}
