import { describe, expect, it } from 'vitest';
import {
  evaluateExpression,
  ExpressionError,
  ExpressionSyntaxError,
  formatExpression,
  MAX_NESTING_DEPTH,
  parseExpression,
  parseWithDiagnostics,
  type CallNode,
} from '../../../../src-shared/expressions';

function syntaxError(text: string): ExpressionSyntaxError {
  try {
    parseExpression(text);
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for ${text}`);
}

describe('parseExpression', () => {
  it('builds a typed tree with source positions', () => {
    const tree = parseExpression('Append([a], "x")') as CallNode;
    expect(tree.kind).toBe('call');
    expect(tree.name).toBe('Append');
    expect(tree.span).toMatchObject({ start: 0, end: 16, line: 1, column: 1 });
    expect(tree.nameSpan).toMatchObject({ start: 0, end: 6 });
    expect(tree.args.map((a) => a.kind)).toEqual(['attribute', 'string']);
    expect(tree.args[1]).toMatchObject({
      kind: 'string',
      value: 'x',
      span: { start: 12, end: 15, column: 13 },
    });
  });
  it('represents omitted arguments as empty slots', () => {
    const tree = parseExpression('Replace([x], , "a+", , "b", , )') as CallNode;
    expect(tree.args.map((a) => a.kind)).toEqual([
      'attribute',
      'empty',
      'string',
      'empty',
      'string',
      'empty',
      'empty',
    ]);
  });
  it('reads () and ( ) as zero arguments', () => {
    expect((parseExpression('Now()') as CallNode).args).toEqual([]);
    expect((parseExpression('Guid(  )') as CallNode).args).toEqual([]);
    expect((parseExpression('F(,)') as CallNode).args).toHaveLength(2);
  });
  it('parses a comparison as one argument', () => {
    const tree = parseExpression('IIF([country] = "USA", 1, 2)') as CallNode;
    expect(tree.args[0]).toMatchObject({ kind: 'comparison', operator: '=', left: { kind: 'attribute' } });
  });
  it('accepts a literal or an attribute as the whole expression', () => {
    expect(parseExpression(' "x" ')).toMatchObject({ kind: 'string', value: 'x' });
    expect(parseExpression('[a b]')).toMatchObject({ kind: 'attribute', name: 'a b' });
    expect(parseExpression('&H1F')).toMatchObject({ kind: 'integer', value: 31n, hexDigits: '1F' });
  });
  it('keeps bare words as enum nodes for validation to judge', () => {
    expect(parseExpression('InStr("a", "b", 1, vbTextCompare)')).toMatchObject({
      args: [{}, {}, {}, { kind: 'enum' }],
    });
  });
  it.each([
    ['', 'emptyExpression', 1, 1],
    ['[a] = "b"', 'comparisonAtRoot', 1, 5],
    ['IIF([a] = [b] = [c], 1, 2)', 'chainedComparison', 1, 15],
    ['Append("a" "b")', 'syntax', 1, 12],
    ['Append("a",\n  "b"', 'syntax', 2, 6],
    ['("a")', 'syntax', 1, 1],
    ['Append("a")x', 'syntax', 1, 12],
    ['"unterminated', 'unterminatedString', 1, 1],
    ['Append(,', 'syntax', 1, 9],
  ])('reports %j as %s at line %i, column %i', (text, code, line, column) => {
    const error = syntaxError(text);
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    expect(error.message).toMatch(new RegExp(`^Line ${line}, column ${column}: `));
  });
  it('names where the unclosed call was opened', () => {
    expect(syntaxError('Join(",",\n  Append("a", "b")').message).toMatch(/Join\( opened at line 1, column 5/);
  });
  it('suggests CBool or IIF for a comparison at the root', () => {
    expect(syntaxError('[a] = "b"').message).toMatch(/CBool\(a = b\) or IIF/);
  });
  it('reports every lexical error at once', () => {
    const { diagnostics } = parseWithDiagnostics('Append(“a”, 1.5)');
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThanOrEqual(3);
  });
  it('limits nesting depth instead of overflowing the stack', () => {
    const deep = (n: number): string => 'Coalesce('.repeat(n) + '"x"' + ')'.repeat(n);
    expect(() => parseExpression(deep(MAX_NESTING_DEPTH))).not.toThrow();
    expect(syntaxError(deep(MAX_NESTING_DEPTH + 1)).code).toBe('tooDeep');
    expect(syntaxError('Coalesce('.repeat(5000)).code).toBe('tooDeep');
  });
});

describe('hand-built trees', () => {
  it('a tree deeper than the parser allows fails with the language’s own errors, not a stack overflow', async () => {
    const span = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
    let node: CallNode | { kind: 'string'; value: string; span: typeof span } = {
      kind: 'string',
      value: 'x',
      span,
    };
    for (let i = 0; i < 50_000; i++)
      node = { kind: 'call', name: 'Coalesce', span, nameSpan: span, args: [node] };
    expect(() => formatExpression(node)).toThrow(ExpressionError);
    await expect(evaluateExpression(node, { source: {} })).rejects.toBeInstanceOf(ExpressionError);
  });
});
