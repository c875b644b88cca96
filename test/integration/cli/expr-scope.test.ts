import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../temp-dir';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'out/main/cli.js');

function roster(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('roster expr (built)', () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('Build first: npm run build (npm test does this before the tests)');
  });

  it('prints a string result as one line of JSON', () => {
    const run = roster(
      'expr',
      'Join(" ", [givenName], [surname])',
      '--source',
      '{"givenName":"Jane","surname":"Doe"}',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('"Jane Doe"\n');
    expect(run.stderr).toBe('');
  });

  it('prints a multi-valued result as a JSON array', () => {
    const run = roster(
      'expr',
      'Split([extensionAttribute5], ",")',
      '--source',
      '{"extensionAttribute5":"PermissionSetOne, PermissionSetTwo"}',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('["PermissionSetOne","PermissionSetTwo"]\n');
  });

  it('prints null for a dropped result, and for an absent attribute', () => {
    expect(roster('expr', 'IgnoreFlowIfNullOrEmpty([department])', '--source', '{}').stdout).toBe('null\n');
    const absent = roster('expr', '[department]');
    expect(absent.status).toBe(0);
    expect(absent.stdout).toBe('null\n');
  });

  it('prints Integers as strings, as the vector files do', () => {
    expect(roster('expr', 'BitAnd(&HF7, 5)').stdout).toBe('"5"\n');
  });

  it('skips SelectUniqueValue candidates the target already holds (ignoring case)', () => {
    const expression =
      'SelectUniqueValue(Join("@", Join(".", [givenName], [surname]), "contoso.com"), ' +
      'Join("@", Join(".", Mid([givenName], 1, 1), [surname]), "contoso.com"))';
    const source = '{"givenName":"John","surname":"Smith"}';
    expect(roster('expr', expression, '--source', source).stdout).toBe('"John.Smith@contoso.com"\n');
    const taken = roster(
      'expr',
      expression,
      '--source',
      source,
      '--target-existing',
      '["john.smith@CONTOSO.com"]',
    );
    expect(taken.status).toBe(0);
    expect(taken.stdout).toBe('"J.Smith@contoso.com"\n');
  });

  it('exits 2 when every SelectUniqueValue candidate is taken', () => {
    const run = roster('expr', 'SelectUniqueValue("a", "b")', '--target-existing', '["a","B"]');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'Line 1, column 1: SelectUniqueValue: all 2 candidate value(s) are already taken.',
    );
  });

  it('exits 2 on a syntax error, naming line and column', () => {
    const run = roster('expr', 'Join(" ", [givenName]');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: Line 1, column 22:');
  });

  it('exits 2 on an unknown function, with the spelling it probably meant', () => {
    const run = roster('expr', 'Join(" ", Apend([givenName], "x"))');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Line 1, column 11: Unknown function Apend. Did you mean Append?');
  });

  it('exits 2 on an evaluation error, naming line and column', () => {
    const run = roster('expr', 'Append("x", CDate([hired]))', '--source', '{"hired":"soon"}');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: Line 1, column 19: CDate argument 1 .*"soon" is not a date/);
  });

  it('exits 2 on bad JSON in --source, naming the option', () => {
    const run = roster('expr', '[givenName]', '--source', '{givenName: Jane}');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--source is not valid JSON');
  });

  it('exits 2 when --source is not an object or --target-existing not a list of strings', () => {
    expect(roster('expr', '[a]', '--source', '["a"]').stderr).toContain('--source must be a JSON object');
    const run = roster('expr', '[a]', '--target-existing', '{"a":1}');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--target-existing must be a JSON array of strings');
  });

  it('exits 2 without an expression', () => {
    const run = roster('expr');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("missing required argument 'expression'");
  });

  it('is listed in roster --help with scope', () => {
    const run = roster('--help');
    expect(run.stdout).toMatch(/expr \[options\] <expression>/);
    expect(run.stdout).toMatch(/scope \[options\]/);
  });
});

describe('roster scope (built)', () => {
  const dir = makeTempDir();
  const filters = join(dir.path, 'filters.json');
  afterAll(() => dir.remove());

  beforeAll(() => {
    writeFileSync(
      filters,
      JSON.stringify({
        filters: [
          {
            title: 'NY engineers',
            clauses: [
              { attribute: 'state', operator: 'EQUALS', value: 'New York' },
              { attribute: 'jobTitle', operator: 'IS NOT NULL' },
            ],
          },
        ],
      }),
    );
  });

  it('prints "in" and every clause of the filter that let the object in', () => {
    const run = roster(
      'scope',
      '--filters',
      filters,
      '--source',
      '{"state":"New York","jobTitle":"Engineer"}',
    );
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'in',
      'filter 1 "NY engineers": state EQUALS "New York" is true (actual value: "New York")',
      'filter 1 "NY engineers": jobTitle IS NOT NULL is true (actual value: "Engineer")',
      '',
    ]);
  });

  it('prints "out" and the clause that failed', () => {
    const run = roster('scope', '--filters', filters, '--source', '{"state":"Ohio","jobTitle":"Engineer"}');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'out',
      'filter 1 "NY engineers": state EQUALS "New York" is false (actual value: "Ohio")',
      '',
    ]);
  });

  it('says why when there are no filters', () => {
    const empty = join(dir.path, 'empty.json');
    writeFileSync(empty, '{"filters":[]}');
    expect(roster('scope', '--filters', empty).stdout).toBe('in\nIn scope: there are no scoping filters.\n');
  });

  it('exits 2 for an invalid filters file, naming the file and the path', () => {
    const bad = join(dir.path, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ filters: [{ clauses: [{ attribute: 'department', operator: 'EQUAL' }] }] }),
    );
    const run = roster('scope', '--filters', bad, '--source', '{}');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `error: ${bad}: filters[0].clauses[0].operator: Filter 1, clause 1: "EQUAL" is not an operator; did you mean "EQUALS"?`,
    );
  });

  it('exits 2 for a filters file of the wrong shape, or not JSON, or missing', () => {
    const shape = join(dir.path, 'shape.json');
    writeFileSync(shape, '{"filters":[{"clauses":"all"}]}');
    expect(roster('scope', '--filters', shape).stderr).toContain(`${shape}: filters[0].clauses:`);
    const notJson = join(dir.path, 'not.json');
    writeFileSync(notJson, '{ filters');
    const run = roster('scope', '--filters', notJson);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${notJson} is not valid JSON`);
    const missing = roster('scope', '--filters', join(dir.path, 'missing.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the filters file');
  });

  it('exits 2 on bad JSON in --source, naming the option', () => {
    const run = roster('scope', '--filters', filters, '--source', 'state=Ohio');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--source is not valid JSON');
  });

  it('exits 2 without --filters', () => {
    const run = roster('scope', '--source', '{}');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("required option '--filters <file>' not specified");
  });
});
