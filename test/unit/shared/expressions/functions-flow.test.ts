import { describe, expect, it } from 'vitest';
import {
  decideFlow,
  evaluateExpression,
  evaluateExpressionSync,
  ExpressionEvaluationError,
  probeFromExistingValues,
  toJsonResult,
  toTargetValue,
} from '../../../../src-shared/expressions';
import { errorsOf, run } from './run';

const roles = [
  { id: '2', value: 'User', displayName: 'User' },
  { id: '1', value: 'Admin', displayName: 'Administrator' },
];

describe('app role functions', () => {
  it('AppRoleAssignmentsComplex sorts by value and gives null for no roles', () => {
    expect(run('AppRoleAssignmentsComplex([appRoleAssignments])', { appRoleAssignments: roles })).toEqual([
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'Administrator', value: 'Admin' },
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'User', value: 'User' },
    ]);
    expect(run('AppRoleAssignmentsComplex([appRoleAssignments])', { appRoleAssignments: [] })).toBeNull();
    expect(run('AppRoleAssignmentsComplex([appRoleAssignments])')).toBeNull();
  });
  it('AssertiveAppRoleAssignmentsComplex gives an empty list for no roles', () => {
    expect(
      run('AssertiveAppRoleAssignmentsComplex([appRoleAssignments])', { appRoleAssignments: [] }),
    ).toEqual([]);
    expect(
      run('AssertiveAppRoleAssignmentsComplex([AppRoleAssignments])', { appRoleAssignments: roles }),
    ).toHaveLength(2);
  });
  it('SingleAppRoleAssignment picks the lowest value and warns when there are several', () => {
    const result = evaluateExpressionSync('SingleAppRoleAssignment([appRoleAssignments])', {
      source: { appRoleAssignments: roles },
    });
    expect(result.value).toBe('Admin');
    expect(result.warnings[0]).toMatch(/2 roles/);
    expect(run('SingleAppRoleAssignment([appRoleAssignments])', { appRoleAssignments: [] })).toBeNull();
  });
  it('accepts only [appRoleAssignments] as the argument', () => {
    expect(errorsOf('SingleAppRoleAssignment([roles])')[0]?.code).toBe('roleArgument');
    expect(errorsOf('AppRoleAssignmentsComplex(Join(",", "a"))')[0]?.code).toBe('roleArgument');
  });
  it('keeps [appRoleAssignments] away from every other function', () => {
    expect(errorsOf('Count([appRoleAssignments])')[0]?.code).toBe('roleAttributeMisuse');
    expect(errorsOf('[appRoleAssignments]')[0]?.code).toBe('roleAttributeMisuse');
  });
  it('fails on role data that is not a list of role objects', () => {
    expect(() =>
      run('SingleAppRoleAssignment([appRoleAssignments])', { appRoleAssignments: 'Admin' }),
    ).toThrow(ExpressionEvaluationError);
  });
});

describe('IgnoreFlowIfNullOrEmpty', () => {
  it.each([
    ['absent', {}],
    ['empty string', { d: '' }],
    ['empty list', { d: [] }],
  ])('drops the attribute when the value is %s', (_name, source) => {
    const result = evaluateExpressionSync('IgnoreFlowIfNullOrEmpty([d])', { source });
    expect(result).toMatchObject({ value: null, dropped: true });
  });
  it('passes a value through unchanged', () => {
    const result = evaluateExpressionSync('IgnoreFlowIfNullOrEmpty([d])', { source: { d: ['a', 'b'] } });
    expect(result.dropped).toBe(false);
    expect(toJsonResult(result)).toEqual(['a', 'b']);
  });
  it('may only be the root call', () => {
    expect(errorsOf('Join(",", IgnoreFlowIfNullOrEmpty([d]))')[0]?.code).toBe('rootOnlyFunction');
  });
});

describe('Redact', () => {
  it('returns the value and marks the result as redacted wherever Redact appears', () => {
    const result = evaluateExpressionSync('Join("-", Redact([p]), "x")', { source: { p: 'secret' } });
    expect(result.value).toBe('secret-x');
    expect(result.redacted).toBe(true);
    expect(evaluateExpressionSync('[p]', { source: { p: 's' } }).redacted).toBe(false);
  });
  it('passes lists through', () => {
    expect(run('Redact([m])', { m: ['a', 'b'] })).toEqual(['a', 'b']);
  });
});

describe('SelectUniqueValue', () => {
  const expr = 'SelectUniqueValue(Join("@", [a], "x.com"), Join("@", [b], "x.com"), Join("@", [c], "x.com"))';
  const source = { a: 'ann', b: 'ann2', c: 'ann3' };

  it('returns the first candidate that is not taken, comparing ignoring case', async () => {
    const r = await evaluateExpression(expr, { source, isTaken: probeFromExistingValues(['ANN@X.COM']) });
    expect(r.value).toBe('ann2@x.com');
  });
  it('skips rules that give null or ""', async () => {
    const r = await evaluateExpression('SelectUniqueValue([a], [b], [c])', {
      source: { b: '', c: 'c' },
      isTaken: () => false,
    });
    expect(r.value).toBe('c');
  });
  it('gives null when no rule gives a candidate', async () => {
    const r = await evaluateExpression('SelectUniqueValue([a], [b])', { source: {}, isTaken: () => false });
    expect(r.value).toBeNull();
  });
  it('fails with EntryConflict when every candidate is taken', async () => {
    const probe = probeFromExistingValues(['ann@x.com', 'ann2@x.com', 'ann3@x.com']);
    const failure = evaluateExpression(expr, { source, isTaken: probe });
    await expect(failure).rejects.toBeInstanceOf(ExpressionEvaluationError);
    await expect(failure).rejects.toMatchObject({ code: 'EntryConflict' });
  });
  it('works with an async probe and queries only as far as needed', async () => {
    const asked: string[] = [];
    const r = await evaluateExpression(expr, {
      source,
      isTaken: async (candidate) => {
        asked.push(candidate);
        await Promise.resolve();
        return candidate === 'ann@x.com';
      },
    });
    expect(r.value).toBe('ann2@x.com');
    expect(asked).toEqual(['ann@x.com', 'ann2@x.com']);
  });
  it('evaluates later rules only when earlier candidates are taken', async () => {
    const r = await evaluateExpression('SelectUniqueValue("a", CDate([bad]))', {
      source: { bad: 'x' },
      isTaken: () => false,
    });
    expect(r.value).toBe('a');
  });
  it('reports an async probe used synchronously', () => {
    expect(() => evaluateExpressionSync(expr, { source, isTaken: () => Promise.resolve(false) })).toThrow(
      /use evaluateExpression/,
    );
  });
  it('wraps a failing probe in an evaluation error that keeps the cause', async () => {
    const boom = new Error('target unreachable');
    const failure = evaluateExpression(expr, {
      source,
      isTaken: () => {
        throw boom;
      },
    });
    await expect(failure).rejects.toBeInstanceOf(ExpressionEvaluationError);
    await expect(failure).rejects.toMatchObject({ cause: boom });
  });
  it('remembers values it handed out when one probe is shared across objects', () => {
    const probe = probeFromExistingValues([]);
    const first = evaluateExpressionSync(expr, { source, isTaken: probe });
    const second = evaluateExpressionSync(expr, { source, isTaken: probe });
    expect([first.value, second.value]).toEqual(['ann@x.com', 'ann2@x.com']);
  });
  it('must be the root, needs two rules, and belongs in a create-only mapping', () => {
    expect(errorsOf('Join(",", SelectUniqueValue("a", "b"))')[0]?.code).toBe('rootOnlyFunction');
    expect(errorsOf('SelectUniqueValue("a")')[0]?.code).toBe('argumentCount');
  });
});

describe('from result to target value (expressions.md §4)', () => {
  const result = (value: unknown, dropped = false) =>
    ({ value, dropped, redacted: false, warnings: [] }) as Parameters<typeof decideFlow>[0];

  it('null: omitted on create (default used), unchanged on update', () => {
    expect(decideFlow(result(null), 'create')).toEqual({ action: 'omit', useDefault: true });
    expect(decideFlow(result(null), 'update')).toEqual({ action: 'leave' });
  });
  it('dropped: omitted without the default, unchanged on update', () => {
    expect(decideFlow(result(null, true), 'create')).toEqual({ action: 'omit', useDefault: false });
    expect(decideFlow(result(null, true), 'update')).toEqual({ action: 'leave' });
  });
  it('"": omitted on create, cleared on update', () => {
    expect(decideFlow(result(''), 'create')).toEqual({ action: 'omit', useDefault: false });
    expect(decideFlow(result(''), 'update')).toEqual({ action: 'clear' });
  });
  it('a value is sent', () => {
    expect(decideFlow(result('x'), 'update')).toEqual({ action: 'send', value: 'x' });
  });
  it('converts to the target type', () => {
    expect(toTargetValue('tRUE', 'Boolean', false)).toEqual({ ok: true, value: true });
    expect(toTargetValue('yes', 'Boolean', false)).toMatchObject({
      ok: false,
      code: 'ExportConversionFailed',
    });
    expect(toTargetValue('129699324000000000', 'Integer', false)).toEqual({
      ok: true,
      value: 129699324000000000n,
    });
    expect(toTargetValue('8/25/2021 5:41:18 PM', 'DateTime', false)).toEqual({
      ok: true,
      value: '2021-08-25T17:41:18Z',
    });
    expect(toTargetValue('x', 'String', true)).toEqual({ ok: true, value: ['x'] });
  });
  it('sends a one-element list to a single-valued target and refuses longer ones', () => {
    const one = evaluateExpressionSync('Split("a", ",")', { source: {} }).value;
    const two = evaluateExpressionSync('Split("a,b", ",")', { source: {} }).value;
    expect(toTargetValue(one, 'String', false)).toEqual({ ok: true, value: 'a' });
    expect(toTargetValue(two, 'String', false)).toMatchObject({
      ok: false,
      code: 'SchemaPropertyCanOnlyAcceptValue',
    });
  });
});
