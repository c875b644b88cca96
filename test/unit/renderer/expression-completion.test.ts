import { describe, expect, it } from 'vitest';
import {
  applyCompletion,
  completionAt,
  type Completion,
} from '../../../src-renderer/components/expression-editor/completion';

const attributes = ['givenName', 'surname', 'mail', 'mailNickname'];

function at(textWithCaret: string): { completion: Completion | null; text: string } {
  const caret = textWithCaret.indexOf('|');
  const text = textWithCaret.replace('|', '');
  return { completion: completionAt(text, caret, attributes), text };
}

function accept(textWithCaret: string, label: string): string {
  const { completion, text } = at(textWithCaret);
  const item = completion?.items.find((i) => i.label === label);
  if (!completion || !item) throw new Error(`no ${label} offered`);
  const result = applyCompletion(text, completion, item);
  return result.text.slice(0, result.caret) + '|' + result.text.slice(result.caret);
}

describe('expression completion', () => {
  it('offers function names that start with the typed word, with signature and description', () => {
    const { completion } = at('Jo|');
    expect(completion?.from).toBe(0);
    expect(completion?.prefix).toBe('Jo');
    expect(completion?.items[0]).toMatchObject({
      kind: 'function',
      label: 'Join',
      detail: 'Join(separator, source1, …, sourceN)',
    });
    expect(completion?.items[0]?.description).toMatch(/\w/);
  });

  it('matches ignoring case, prefix matches first, then names that contain the word', () => {
    const labels = at('Append([a], date|').completion?.items.map((i) => i.label);
    expect(labels?.slice(0, 3)).toEqual(['DateAdd', 'DateDiff', 'DateFromNum']);
    expect(labels).toContain('FormatDateTime');
    expect(labels?.indexOf('FormatDateTime')).toBeGreaterThan(labels?.indexOf('DateFromNum') ?? 99);
  });

  it('inserts the function name and "(" and puts the caret inside', () => {
    expect(accept('Join(" ", Norm|', 'NormalizeDiacritics')).toBe('Join(" ", NormalizeDiacritics(|');
  });

  it('replaces the whole word under the caret and steps over a "(" already there', () => {
    expect(accept('Ap|nd([a], "x")', 'Append')).toBe('Append(|[a], "x")');
  });

  it('closes the call of a function that takes no arguments', () => {
    expect(accept('Gu|', 'Guid')).toBe('Guid()|');
  });

  it('offers the InStr constants', () => {
    expect(accept('InStr([a], "b", 1, vbT|', 'vbTextCompare')).toBe('InStr([a], "b", 1, vbTextCompare|');
  });

  it('offers source attributes and the virtual ones after "["', () => {
    const labels = at('Join(" ", [|').completion?.items.map((i) => i.label);
    expect(labels).toEqual([...attributes, 'IsSoftDeleted', 'appRoleAssignments']);
  });

  it('filters attributes by what follows "[" and adds the "]"', () => {
    expect(at('[ma|').completion?.items.map((i) => i.label)).toEqual(['mail', 'mailNickname']);
    expect(accept('Join(" ", [giv|', 'givenName')).toBe('Join(" ", [givenName]|');
  });

  it('keeps a "]" that is already there', () => {
    expect(accept('Join(" ", [giv|], [surname])', 'givenName')).toBe('Join(" ", [givenName]|, [surname])');
  });

  it('stops an unclosed attribute name at the next comma', () => {
    expect(accept('Join(" ", [giv|, [surname])', 'givenName')).toBe('Join(" ", [givenName]|, [surname])');
  });

  it('offers nothing inside a string, after a complete attribute, or on punctuation', () => {
    expect(at('Join("Jo|", [a])').completion).toBeNull();
    expect(at('Join(" ", [surname]|)').completion).toBeNull();
    expect(at('Join(|').completion).toBeNull();
    expect(at('|').completion).toBeNull();
  });

  it('offers nothing for a word no function contains', () => {
    expect(at('Zzz|').completion).toBeNull();
  });
});
