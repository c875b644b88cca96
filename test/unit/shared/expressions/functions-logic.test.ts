import { describe, expect, it } from 'vitest';
import { ExpressionEvaluationError, validateExpression } from '../../../../src-shared/expressions';
import { errorsOf, run } from './run';

describe('IIF', () => {
  it('picks a branch by the "True" string, ignoring case', () => {
    expect(run('IIF("TRUE", "a", "b")')).toBe('a');
    expect(run('IIF("yes", "a", "b")')).toBe('b');
    expect(run('IIF([missing], "a", "b")')).toBe('b');
  });
  it('evaluates conditions on null or empty attributes normally (null compares as "")', () => {
    expect(run('IIF([c]="","Other",[c])')).toBe('Other');
    expect(run('IIF([c]="","Other",[c])', { c: '' })).toBe('Other');
    expect(run('IIF(IsPresent([c]),[c],"none")')).toBe('none');
  });
  it('evaluates only the chosen branch', () => {
    expect(run('IIF("True", "a", CDate([bad]))', { bad: 'x' })).toBe('a');
    expect(() => run('IIF("False", "a", CDate([bad]))', { bad: 'x' })).toThrow(ExpressionEvaluationError);
  });
  it('passes multi-valued branches through', () => {
    expect(run('IIF("True", [m], "x")', { m: ['a', 'b'] })).toEqual(['a', 'b']);
  });
  it('fails for a multi-valued condition', () => {
    expect(() => run('IIF([m], "a", "b")', { m: ['True', 'x'] })).toThrow(/IIF argument 1 \(condition\)/);
  });
  it('builds AND and OR by nesting', () => {
    const and = 'IIF([a]="1", IIF([b]="1", "yes", "no"), "no")';
    expect(run(and, { a: '1', b: '1' })).toBe('yes');
    expect(run(and, { a: '1', b: '0' })).toBe('no');
  });
});

describe('comparisons', () => {
  it('= and <> compare string forms, case-sensitively', () => {
    expect(run('CBool("a" = "A")')).toBe('False');
    expect(run('CBool("a" <> "A")')).toBe('True');
    expect(run('CBool(5 = "5")')).toBe('True');
    expect(run('CBool("05" = 5)')).toBe('False');
  });
  it('treats null as ""', () => {
    expect(run('CBool([x] = "")')).toBe('True');
    expect(run('CBool([x] <> "")', { x: 'v' })).toBe('True');
  });
  it('orders numerically when both sides are integers or integer strings', () => {
    expect(run('CBool("10" > "9")')).toBe('True');
    expect(run('CBool(-3 < 2)')).toBe('True');
    expect(run('CBool("05" < 6)')).toBe('True');
    expect(run('CBool(9223372036854775807 > 9223372036854775806)')).toBe('True');
  });
  it('orders ordinally by UTF-16 code unit otherwise', () => {
    expect(run('CBool("abc" < "abd")')).toBe('True');
    expect(run('CBool("a" < "B")')).toBe('False');
    expect(run('CBool("10" > "9a")')).toBe('False');
    expect(run('CBool("b" >= "b")')).toBe('True');
    expect(run('CBool("a" <= "b")')).toBe('True');
  });
  it('compares dates by their string form', () => {
    expect(run('CBool(CDate("2021-01-01") = "1/1/2021 12:00:00 AM")')).toBe('True');
  });
  it('makes DateDiff thresholds work', () => {
    expect(run('IIF(DateDiff("d", "2021-01-01", "2021-01-10") > 5, "late", "soon")')).toBe('late');
  });
  it('fails for a multi-valued operand', () => {
    expect(() => run('CBool([m] = "a")', { m: ['a', 'b'] })).toThrow(ExpressionEvaluationError);
  });
});

describe('Switch', () => {
  it('returns the value of the first matching key', () => {
    expect(run('Switch("b", "d", "a", "1", "b", "2", "b", "3")')).toBe('2');
  });
  it('compares case-sensitively', () => {
    expect(run('Switch("A", "d", "a", "x")')).toBe('d');
  });
  it('matches a "" key for both an empty and an absent source', () => {
    expect(run('Switch([s], "d", "", "empty")', { s: '' })).toBe('empty');
    expect(run('Switch([s], "d", "", "empty")')).toBe('empty');
  });
  it('compares a null key as ""', () => {
    expect(run('Switch("", "d", [missing], "matched")')).toBe('matched');
  });
  it('gives null for an empty default slot when nothing matches', () => {
    expect(run('Switch("z", , "a", "x")')).toBeNull();
  });
  it('evaluates only the selected value or the default', () => {
    expect(run('Switch("a", CDate([bad]), "a", "x", "b", CDate([bad]))', { bad: 'x' })).toBe('x');
    expect(() => run('Switch("z", CDate([bad]), "a", "x")', { bad: 'x' })).toThrow(ExpressionEvaluationError);
  });
  it('stops evaluating keys at the first match', () => {
    expect(run('Switch("a", "d", "a", "x", CDate([bad]), "y")', { bad: 'x' })).toBe('x');
  });
  it('uses string forms of integer sources', () => {
    expect(run('Switch(5, "d", "5", "five")')).toBe('five');
  });
  it('passes multi-valued values through', () => {
    expect(run('Switch("a", "d", "a", [m])', { m: ['x', 'y'] })).toEqual(['x', 'y']);
  });
  it('needs an even number of at least 4 arguments', () => {
    expect(errorsOf('Switch("a", "d", "a")')[0]?.code).toBe('argumentCount');
    expect(errorsOf('Switch("a", "d", "a", "x", "b")')[0]?.code).toBe('switchOddArguments');
  });
  it('warns about the IsPresent pitfall', () => {
    const ds = validateWarnings('Switch(IsPresent([a]),[a], IsPresent([b]),[b])');
    expect(ds).toContain('switchBooleanPitfall');
  });
});

function validateWarnings(expr: string): string[] {
  return validateExpression(expr)
    .filter((d) => d.severity === 'warning')
    .map((d) => d.code);
}

describe('Coalesce', () => {
  it('returns the first non-null argument', () => {
    expect(run('Coalesce([a],[b],"x")', { b: 'B' })).toBe('B');
    expect(run('Coalesce([a],[b],"x")')).toBe('x');
  });
  it('returns "" because "" is not null', () => {
    expect(run('Coalesce([e],"x")', { e: '' })).toBe('');
  });
  it('returns null when every argument is null', () => {
    expect(run('Coalesce([a],[b])')).toBeNull();
  });
  it('treats an empty list as null and passes lists through', () => {
    expect(run('Coalesce([l],"x")', { l: [] })).toBe('x');
    expect(run('Coalesce([m],"x")', { m: ['a'] })).toEqual(['a']);
  });
  it('stops at the first non-null argument', () => {
    expect(run('Coalesce("a", CDate([bad]))', { bad: 'x' })).toBe('a');
  });
});

describe('CBool', () => {
  it('maps "True"/"False" in any case', () => {
    expect(run('CBool("true")')).toBe('True');
    expect(run('CBool("FALSE")')).toBe('False');
  });
  it('maps integers and integer strings by zero / non-zero', () => {
    expect(run('CBool(0)')).toBe('False');
    expect(run('CBool("-5")')).toBe('True');
    expect(run('CBool(&HFFFFFFFFFFFFFFFF)')).toBe('True');
  });
  it('maps null to "False"', () => {
    expect(run('CBool([missing])')).toBe('False');
  });
  it('fails for any other value', () => {
    expect(() => run('CBool("yes")')).toThrow(/neither "True", "False" nor an integer/);
    expect(() => run('CBool(CDate("2021-01-01"))')).toThrow(ExpressionEvaluationError);
  });
});

describe('Not', () => {
  it('is "False" only for "True" in any case', () => {
    expect(run('Not("TRUE")')).toBe('False');
    expect(run('Not("x")')).toBe('True');
    expect(run('Not([missing])')).toBe('True');
  });
  it('reads Boolean source attributes as "True"/"False"', () => {
    expect(run('Not([IsSoftDeleted])', { IsSoftDeleted: true })).toBe('False');
    expect(run('Not([isSoftDeleted])', { IsSoftDeleted: false })).toBe('True');
  });
});

describe('IsNull, IsNullOrEmpty, IsPresent, IsString', () => {
  const cases: [string, Record<string, unknown>, string, string, string, string][] = [
    ['absent', {}, 'True', 'True', 'False', 'False'],
    ['null', { v: null }, 'True', 'True', 'False', 'False'],
    ['empty string', { v: '' }, 'False', 'True', 'False', 'True'],
    ['empty list', { v: [] }, 'True', 'True', 'False', 'False'],
    ['string', { v: 'x' }, 'False', 'False', 'True', 'True'],
    ['integer', { v: 5 }, 'False', 'False', 'True', 'True'],
    ['boolean', { v: false }, 'False', 'False', 'True', 'True'],
    ['list', { v: ['a', 'b'] }, 'False', 'False', 'True', 'False'],
  ];
  it.each(cases)('%s', (_name, source, isNull, isNullOrEmpty, isPresent, isString) => {
    expect(run('IsNull([v])', source)).toBe(isNull);
    expect(run('IsNullOrEmpty([v])', source)).toBe(isNullOrEmpty);
    expect(run('IsPresent([v])', source)).toBe(isPresent);
    expect(run('IsString([v])', source)).toBe(isString);
  });
  it('IsString is "True" for a date', () => {
    expect(run('IsString(CDate("2021-01-01"))')).toBe('True');
  });
  it('IsString is "False" for the role list', () => {
    expect(errorsOf('IsString([appRoleAssignments])')[0]?.code).toBe('roleAttributeMisuse');
  });
});

describe('BitAnd', () => {
  it('ANDs 64-bit integers, hex literals included', () => {
    expect(run('BitAnd(&HF, &HF7)')).toBe('7');
    expect(run('BitAnd(-1, 255)')).toBe('255');
    expect(run('BitAnd(&HFFFFFFFFFFFFFFFF, 5)')).toBe('5');
    expect(run('BitAnd(9223372036854775807, -1)')).toBe('9223372036854775807');
    expect(run('BitAnd(-9223372036854775808, -1)')).toBe('-9223372036854775808');
  });
  it('accepts integer strings and attributes', () => {
    expect(run('BitAnd("12", [v])', { v: 10 })).toBe('8');
    expect(run('BitAnd([uac], 2)', { uac: '514' })).toBe('2');
  });
  it('returns null for null', () => {
    expect(run('BitAnd([missing], 1)')).toBeNull();
  });
  it('rejects non-integers', () => {
    expect(errorsOf('BitAnd("x", 1)')[0]?.code).toBe('invalidLiteralArgument');
    expect(() => run('BitAnd([v], 1)', { v: ' 5' })).toThrow(/is not an integer/);
    expect(() => run('BitAnd([v], 1)', { v: '9223372036854775808' })).toThrow(/is not an integer/);
  });
});
