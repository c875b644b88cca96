import { describe, expect, it } from 'vitest';
import { tokenize, validateExpression } from '@shared/expressions';
import { highlightSegments } from '../../../src-renderer/components/expression-editor/highlight';

function highlight(text: string, anchorAt?: number) {
  return highlightSegments(text, tokenize(text), validateExpression(text), anchorAt);
}

/** Segment text and kind, skipping whitespace, to read like the expression. */
function kinds(text: string): string[] {
  return highlight(text)
    .filter((s) => s.text.trim() !== '')
    .map((s) => `${s.kind}:${s.text}`);
}

describe('expression highlighting', () => {
  it('colours functions, attributes, strings, numbers, operators and punctuation', () => {
    expect(kinds('IIF([country]="USA", Left([x], 2), &H1F)')).toEqual([
      'function:IIF',
      'punctuation:(',
      'attribute:[country]',
      'operator:=',
      'string:"USA"',
      'punctuation:,',
      'function:Left',
      'punctuation:(',
      'attribute:[x]',
      'punctuation:,',
      'number:2',
      'punctuation:)',
      'punctuation:,',
      'number:&H1F',
      'punctuation:)',
    ]);
  });

  it('tells the InStr constants and stray words from function names', () => {
    expect(kinds('InStr([a], "b", 1, vbTextCompare)')).toContain('enum:vbTextCompare');
    expect(kinds('Join(" ", givenName)')).toContain('name:givenName');
  });

  it('covers the text exactly once, in order, so the overlay lines up with the textarea', () => {
    const text = 'Join(" ",\n  [givenName],  [surname] )  ';
    const segments = highlight(text);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    for (let i = 1; i < segments.length; i++) expect(segments[i]?.start).toBe(segments[i - 1]?.end);
  });

  it('marks the range of an error', () => {
    const segments = highlight('Join(" ", Apend([a], "x"))');
    const wrong = segments.filter((s) => s.problem === 'error');
    expect(wrong.map((s) => s.text)).toEqual(['Apend']);
    expect(wrong[0]?.start).toBe(10);
    expect(wrong[0]?.kind).toBe('function');
  });

  it('marks a warning as a warning', () => {
    const segments = highlight('Replace([a], , "\\d+", , "", , )');
    expect(segments.filter((s) => s.problem === 'warning').map((s) => s.text)).toEqual(['\\d']);
  });

  it('puts a zero-width marker where a problem has no width (a missing ")" at the end)', () => {
    const segments = highlight('Left([a], 2');
    const last = segments[segments.length - 1];
    expect(last).toMatchObject({ text: '', start: 11, end: 11, marker: true, problem: 'error' });
  });

  it('adds a zero-width anchor for the completion list without changing the text', () => {
    const text = 'Join(" ", [giv';
    const segments = highlight(text, 10);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.find((s) => s.anchor)).toMatchObject({ start: 10, end: 10, text: '' });
  });

  it('gives an empty text nothing but markers', () => {
    expect(highlightSegments('', [], [], 0)).toEqual([
      { text: '', start: 0, end: 0, kind: 'plain', anchor: true },
    ]);
  });

  it('clamps problems that run past the end of the text', () => {
    const segments = highlightSegments('[a]', tokenize('[a]'), [{ start: 1, end: 99, severity: 'error' }]);
    expect(segments.map((s) => s.text).join('')).toBe('[a]');
    expect(segments.filter((s) => s.problem).map((s) => s.text)).toEqual(['a]']);
  });
});
