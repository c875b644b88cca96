import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  explainScoping,
  isInScope,
  validateFilterList,
  type ScopingClause,
} from '../../../../src-shared/scoping';

interface ScopingVector {
  id: string;
  filters: ScopingClause[][];
  source: Record<string, unknown>;
  expected: boolean;
  note: string;
}

// Copied from scoping-filters.md §10 so a clone without the shared reference still runs them.
const vectors = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../fixtures/scoping-vectors.json'), 'utf8'),
) as ScopingVector[];

describe('scoping reference vectors (scoping-filters.md §10)', () => {
  it.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const filters = v.filters.map((clauses, i) => ({ title: `filter ${i + 1}`, clauses }));
    expect(validateFilterList(filters)).toEqual([]);
    expect(isInScope(filters, v.source)).toBe(v.expected);
    expect(explainScoping(filters, v.source).inScope).toBe(v.expected);
  });
});
