import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateExpressionSync,
  ExpressionError,
  formatExpression,
  parseExpression,
  parseWithDiagnostics,
  toJsonResult,
  validateExpression,
  type SlotNode,
} from '../../../../src-shared/expressions';
import { expressionText, sourceObject, tokenSoup, wellFormedExpression } from './arbitraries';

/** Rethrows anything that is not one of the language's own errors. */
function onlyLanguageErrors(action: () => unknown): void {
  try {
    action();
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
  }
}

/** The tree without positions: what the text means. */
function shape(node: SlotNode): unknown {
  switch (node.kind) {
    case 'call':
      return { call: node.name, args: node.args.map(shape) };
    case 'comparison':
      return { op: node.operator, left: shape(node.left), right: shape(node.right) };
    case 'integer':
      return { int: node.value.toString(), hex: node.hexDigits?.toUpperCase() };
    case 'empty':
      return { empty: true };
    case 'string':
      return { string: node.value };
    case 'attribute':
      return { attribute: node.name };
    case 'enum':
      return { enum: node.name };
  }
}

const now = new Date(Date.UTC(2024, 4, 6, 12, 30));

describe('properties', { timeout: 600_000 }, () => {
  it('parse and validate throw nothing but ExpressionSyntaxError, whatever the text (12,000 cases)', () => {
    const check = (text: string): void => {
      onlyLanguageErrors(() => parseExpression(text));
      expect(() => validateExpression(text)).not.toThrow();
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 4000 });
    fc.assert(fc.property(tokenSoup(300), check), { numRuns: 4000 });
    fc.assert(fc.property(expressionText, check), { numRuns: 4000 });
  });

  it('evaluation throws nothing but the language’s errors and always gives printable JSON (13,000 cases)', () => {
    const isTaken = (candidate: string): boolean => candidate.length % 2 === 0;
    const evaluates = (text: string, source: Record<string, unknown>): void => {
      onlyLanguageErrors(() => {
        const result = evaluateExpressionSync(text, { source, now, isTaken });
        const json = toJsonResult(result);
        expect(json === null || typeof json === 'string' || Array.isArray(json)).toBe(true);
      });
    };
    // Mostly valid expressions, so that evaluation itself (not only validation) is exercised…
    fc.assert(fc.property(wellFormedExpression, sourceObject, evaluates), { numRuns: 10_000 });
    // …and grammar-shaped ones with wrong names and arities.
    fc.assert(fc.property(expressionText, sourceObject, evaluates), { numRuns: 3000 });
  });

  it('the formatter is stable and keeps the meaning (6,000 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(expressionText, wellFormedExpression), (text) => {
        const parsed = parseWithDiagnostics(text);
        if (!parsed.tree) return;
        const once = formatExpression(parsed.tree);
        const reparsed = parseExpression(once);
        expect(shape(reparsed)).toEqual(shape(parsed.tree));
        expect(formatExpression(reparsed)).toBe(once);
        expect(formatExpression(once, { maxWidth: 20 })).toBe(
          formatExpression(formatExpression(once, { maxWidth: 20 }), { maxWidth: 20 }),
        );
      }),
      { numRuns: 6000 },
    );
  });
});
