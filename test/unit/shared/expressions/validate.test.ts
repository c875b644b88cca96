import { describe, expect, it } from 'vitest';
import {
  MAX_EXPRESSION_LENGTH,
  validateExpression,
  type Diagnostic,
} from '../../../../src-shared/expressions';

function only(text: string, options?: Parameters<typeof validateExpression>[1]): Diagnostic {
  const errors = validateExpression(text, options).filter((d) => d.severity === 'error');
  expect(errors).toHaveLength(1);
  return errors[0] as Diagnostic;
}

describe('validateExpression', () => {
  it('accepts the documented examples without errors', () => {
    for (const text of [
      'Append([userPrincipalName], ".test")',
      'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane")',
      'FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
      'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", , "${phoneNumber}", , )',
      'InStr("The quick brown fox","quick", , vbTextCompare)',
      'IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr."))',
    ]) {
      expect(validateExpression(text).filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('every diagnostic carries line, column, offsets, severity and code, and the message names the position', () => {
    const d = only('Join(",",\n   Apend([a], "x"))');
    expect(d).toMatchObject({
      line: 2,
      column: 4,
      start: 13,
      end: 18,
      severity: 'error',
      code: 'unknownFunction',
    });
    expect(d.message).toBe('Line 2, column 4: Unknown function Apend. Did you mean Append?');
  });

  it('names the right spelling for a function written in the wrong case', () => {
    expect(only('append([a], "x")').message).toMatch(/case-sensitive: write Append\./);
    expect(only('iif("True", 1, 2)').message).toMatch(/write IIF/);
  });

  it('gives no suggestion for a name far from every function', () => {
    expect(only('Frobnicate([a])').message).toBe('Line 1, column 1: Unknown function Frobnicate.');
  });

  it('names the expected signature for a wrong argument count', () => {
    expect(only('Mid([a], 1)').message).toMatch(
      /Mid takes 3 arguments but was given 2: Mid\(source, start, length\)/,
    );
    expect(only('InStr("a")').message).toMatch(/InStr takes 2 to 4 arguments/);
    expect(only('Join(",")').message).toMatch(/at least 2/);
    expect(only('Now(1)').code).toBe('argumentCount');
  });

  it('rejects an empty slot where an argument is required', () => {
    const d = only('Mid([a], , 2)');
    expect(d.code).toBe('emptyRequiredArgument');
    expect(d.message).toMatch(/Argument 2 \(start\) of Mid is required/);
    expect(only('Coalesce([a], , "x")').code).toBe('emptyRequiredArgument');
    expect(only('Switch([a], "d", , "x")').code).toBe('emptyRequiredArgument');
  });

  it('accepts empty optional slots', () => {
    expect(validateExpression('Switch([Active], , "1", "x")').filter((d) => d.severity === 'error')).toEqual(
      [],
    );
    expect(validateExpression('PCase([a], )').filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('rejects a Switch with an odd number of arguments', () => {
    expect(only('Switch([a], "d", "k1", "v1", "k2")').code).toBe('switchOddArguments');
  });

  it('rejects root-only functions anywhere but the root', () => {
    expect(only('Append(IgnoreFlowIfNullOrEmpty([a]), "x")').code).toBe('rootOnlyFunction');
  });

  it('rejects invalid literal regex patterns, cultures, Replace combinations and DateTimeStyles', () => {
    expect(only('Replace([a], , "(?<=x)y", , "z", , )').code).toBe('invalidRegex');
    expect(only('ToUpper([a], "xx-YY")').code).toBe('unknownCulture');
    expect(only('Replace([a], "x", "y", , "z", , )').code).toBe('replaceMode');
    expect(only('FormatDateTime([a], "AllowSpaces", "yyyy", "yyyy")').message).toMatch(
      /AllowSpaces.*AllowWhiteSpaces/,
    );
  });

  it('checks role function arguments', () => {
    expect(only('SingleAppRoleAssignment([a])').code).toBe('roleArgument');
  });

  it('checks attributes against the source schema, ignoring case, with a suggestion', () => {
    const options = { sourceAttributes: ['givenName', 'surname', 'mail'] };
    expect(validateExpression('Join(" ", [GivenName], [SURNAME], [IsSoftDeleted])', options)).toEqual([]);
    const d = only('Join(" ", [givenNme], [surname])', options);
    expect(d.code).toBe('unknownAttribute');
    expect(d.message).toMatch(/no attribute \[givenNme\]; did you mean \[givenName\]\?/);
  });

  it('rejects expressions over 10,000 characters', () => {
    const text = '"' + 'a'.repeat(MAX_EXPRESSION_LENGTH) + '"';
    expect(validateExpression(text).map((d) => d.code)).toContain('tooLong');
    expect(validateExpression('"' + 'a'.repeat(MAX_EXPRESSION_LENGTH - 2) + '"')).toEqual([]);
  });

  it('rejects bare words with a helpful message', () => {
    expect(only('Append(True, "x")').message).toMatch(/Booleans are the strings "True" and "False"/);
    expect(only('Append(country, "x")').message).toMatch(
      /\("country"\) or an attribute in brackets \(\[country\]\)/,
    );
    expect(only('InStr("a", "b", 1, vbTextcompare)').message).toMatch(/did you mean vbTextCompare\?/);
    expect(only('Append(Guid, "x")').message).toMatch(/Guid is a function; call it with parentheses/);
  });

  it('rejects integer literals out of range', () => {
    expect(only('BitAnd(9223372036854775808, 1)').code).toBe('integerOutOfRange');
  });

  it('warns about a lone backslash in a string but does not fail', () => {
    const ds = validateExpression('Replace([a], , "\\d", , "", , )');
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ds.find((d) => d.code === 'backslashEscape')?.message).toContain(
      'keeps its backslash; write "\\\\d"',
    );
  });

  it('checks placement when it is given', () => {
    expect(only('SelectUniqueValue([a], [b])', { placement: { createOnly: false } }).code).toBe('placement');
    expect(
      only('SelectUniqueValue([a], [b])', { placement: { createOnly: true, matchingAttribute: true } }).code,
    ).toBe('placement');
    expect(validateExpression('SelectUniqueValue([a], [b])', { placement: { createOnly: true } })).toEqual(
      [],
    );
    expect(only('Switch([a], , "1", [m])', { placement: { targetType: 'Reference' } }).code).toBe(
      'placement',
    );
    expect(
      only('SingleAppRoleAssignment([appRoleAssignments])', { placement: { scopeAllUsersAndGroups: true } })
        .code,
    ).toBe('placement');
    const warnings = validateExpression('Guid()', { placement: { createOnly: false } });
    expect(warnings).toMatchObject([{ code: 'placement', severity: 'warning' }]);
  });

  it('reports several independent problems in one pass, in text order', () => {
    const codes = validateExpression('Join(",", Apend([a]), Mid([b], 1))').map((d) => d.code);
    expect(codes).toEqual(['unknownFunction', 'argumentCount']);
  });

  it('never throws, whatever the text', () => {
    for (const text of [
      '',
      '(',
      ')',
      '[',
      '"',
      '&H',
      'Append(',
      ',,,',
      'A('.repeat(200),
      '\u0000',
      '\ud800',
    ]) {
      expect(() => validateExpression(text)).not.toThrow();
      expect(validateExpression(text).some((d) => d.severity === 'error')).toBe(true);
    }
  });
});
