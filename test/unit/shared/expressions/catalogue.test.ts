import { describe, expect, it } from 'vitest';
import { FUNCTION_CATALOGUE, getFunctionInfo } from '../../../../src-shared/expressions';
import { implementedFunctionNames } from '../../../../src-shared/expressions/functions/registry';

const SPEC_FUNCTIONS = [
  'Append',
  'AppRoleAssignmentsComplex',
  'AssertiveAppRoleAssignmentsComplex',
  'BitAnd',
  'CBool',
  'CDate',
  'Coalesce',
  'ConvertToBase64',
  'ConvertToUTF8Hex',
  'Count',
  'CStr',
  'DateAdd',
  'DateDiff',
  'DateFromNum',
  'FormatDateTime',
  'Guid',
  'IgnoreFlowIfNullOrEmpty',
  'IIF',
  'InStr',
  'IsNull',
  'IsNullOrEmpty',
  'IsPresent',
  'IsString',
  'Item',
  'Join',
  'Left',
  'Mid',
  'NormalizeDiacritics',
  'Not',
  'Now',
  'NumFromDate',
  'PCase',
  'RandomString',
  'Redact',
  'RemoveDuplicates',
  'Replace',
  'SelectUniqueValue',
  'SingleAppRoleAssignment',
  'Split',
  'StripSpaces',
  'Switch',
  'ToLower',
  'ToUpper',
  'Word',
];

describe('function catalogue', () => {
  it('lists exactly the 44 functions of expressions.md §5', () => {
    expect(SPEC_FUNCTIONS).toHaveLength(44);
    expect(FUNCTION_CATALOGUE.map((f) => f.name).sort()).toEqual([...SPEC_FUNCTIONS].sort());
  });
  it('has an implementation for every catalogued function and nothing more', () => {
    expect(implementedFunctionNames().sort()).toEqual([...SPEC_FUNCTIONS].sort());
  });
  it.each(FUNCTION_CATALOGUE.map((f) => [f.name, f] as const))('%s has a consistent entry', (name, info) => {
    expect(info.signature.startsWith(`${name}(`)).toBe(true);
    expect(info.description.length).toBeGreaterThan(10);
    expect(info.description).not.toContain('\n');
    expect(info.minArgs).toBeLessThanOrEqual(info.maxArgs ?? Infinity);
    if (info.maxArgs !== null) expect(info.parameters).toHaveLength(info.maxArgs);
    else expect(info.repeatsFrom).toBeDefined();
    expect(getFunctionInfo(name)).toBe(info);
  });
  it('looks names up case-sensitively', () => {
    expect(getFunctionInfo('append')).toBeUndefined();
  });
  it('marks the root-only functions', () => {
    expect(
      FUNCTION_CATALOGUE.filter((f) => f.rootOnly)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['IgnoreFlowIfNullOrEmpty', 'SelectUniqueValue']);
  });
});
