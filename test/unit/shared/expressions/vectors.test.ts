import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateExpression,
  ExpressionError,
  probeFromExistingValues,
  toJsonResult,
  validateExpression,
} from '../../../../src-shared/expressions';

interface Vector {
  id: string;
  expression: string;
  source: Record<string, unknown>;
  expected: unknown;
  note?: string;
  targetExisting?: string[];
  now?: string;
}

// Prefer the copy in the repo, so a clone without the shared reference folder still runs every vector.
const copy = resolve(import.meta.dirname, '../../../fixtures/expression-vectors.json');
const reference = resolve(import.meta.dirname, '../../../../../shared/reference/expression-vectors.json');
const vectors = JSON.parse(readFileSync(existsSync(copy) ? copy : reference, 'utf8')) as Vector[];

function isErrorExpectation(expected: unknown): boolean {
  return typeof expected === 'object' && expected !== null && !Array.isArray(expected) && 'error' in expected;
}

describe('reference vectors (expression-vectors.json)', () => {
  it('has the copy in test/fixtures equal to the shared reference when both exist', () => {
    if (!existsSync(reference)) return;
    // Compared as data: the formatter may rewrap the copy.
    expect(JSON.parse(readFileSync(copy, 'utf8'))).toEqual(JSON.parse(readFileSync(reference, 'utf8')));
  });

  it.each(vectors.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    const context = {
      source: v.source,
      ...(v.now !== undefined ? { now: new Date(v.now) } : {}),
      isTaken: probeFromExistingValues(v.targetExisting ?? []),
    };
    if (isErrorExpectation(v.expected)) {
      const errors = validateExpression(v.expression).filter((d) => d.severity === 'error');
      if (errors.length > 0) return;
      await expect(evaluateExpression(v.expression, context)).rejects.toBeInstanceOf(ExpressionError);
      return;
    }
    expect(validateExpression(v.expression).filter((d) => d.severity === 'error')).toEqual([]);
    const result = await evaluateExpression(v.expression, context);
    expect(toJsonResult(result)).toEqual(v.expected);
  });
});
