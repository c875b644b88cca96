import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src-renderer/views/audit/parts/snapshot-diff';
import { fieldLabel } from '../../../src-renderer/views/audit/parts/field-label';
import { en } from '../../../src-renderer/locales/en';

function lookupIn(catalogue: unknown) {
  return (key: string, params: Record<string, string> = {}): string | null => {
    const found = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
    return typeof found === 'string'
      ? found.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')
      : null;
  };
}

const rows = (changes: ReturnType<typeof diffSnapshots>) =>
  changes.map(({ path, kind, before, after }) => ({ path, kind, before, after }));

describe('the audit page’s diff', () => {
  it('lists changed, added and removed settings as field: before → after', () => {
    const before = {
      name: 'Slack',
      settings: { baseUrl: 'https://a', timeoutSeconds: 30 },
      secrets: { bearerToken: 'set' },
    };
    const after = {
      name: 'Slack',
      settings: { baseUrl: 'https://b', scope: 'x' },
      secrets: { bearerToken: 'notSet' },
    };
    expect(rows(diffSnapshots(before, after))).toEqual([
      { path: 'secrets.bearerToken', kind: 'changed', before: 'set', after: 'notSet' },
      { path: 'settings.baseUrl', kind: 'changed', before: 'https://a', after: 'https://b' },
      { path: 'settings.scope', kind: 'added', before: null, after: 'x' },
      { path: 'settings.timeoutSeconds', kind: 'removed', before: '30', after: null },
    ]);
  });

  it('shows a creation as every field added', () => {
    expect(rows(diffSnapshots(null, { name: 'HR' }))).toEqual([
      { path: 'name', kind: 'added', before: null, after: 'HR' },
    ]);
  });

  it('shows mappings as rows added, removed and changed, matched by target attribute, not by position', () => {
    const mapping = (target: string, source: string, extra: Record<string, unknown> = {}) => ({
      target,
      type: 'Direct',
      source,
      apply: 'Always',
      matchingPriority: 0,
      ...extra,
    });
    const job = (mappings: unknown[]) => ({
      name: 'HR → Slack',
      objectMappings: [
        { name: 'Users', sourceObject: 'User', targetObject: 'User', attributeMappings: mappings },
      ],
    });
    const before = job([
      mapping('userName', 'email', { matchingPriority: 1 }),
      mapping('displayName', 'displayName'),
      mapping('title', 'jobTitle'),
    ]);
    // Reordered, one edited into an expression, one removed, one added.
    const after = job([
      mapping('displayName', 'Join(" ", [givenName], [surname])', { type: 'Expression' }),
      mapping('userName', 'email', { matchingPriority: 1 }),
      mapping('department', 'department', { apply: 'OnlyOnCreate' }),
    ]);
    const changes = diffSnapshots(before, after);
    expect(rows(changes)).toEqual([
      {
        path: 'objectMappings.Users.attributeMappings.title',
        kind: 'removed',
        before: 'Direct: jobTitle → title',
        after: null,
      },
      {
        path: 'objectMappings.Users.attributeMappings.displayName.source',
        kind: 'changed',
        before: 'displayName',
        after: 'Join(" ", [givenName], [surname])',
      },
      {
        path: 'objectMappings.Users.attributeMappings.displayName.type',
        kind: 'changed',
        before: 'Direct',
        after: 'Expression',
      },
      {
        path: 'objectMappings.Users.attributeMappings.department',
        kind: 'added',
        before: null,
        after: 'Direct: department → department (OnlyOnCreate)',
      },
    ]);
    // No value is ever JSON.
    expect(changes.every((c) => !`${c.before}${c.after}`.includes('{'))).toBe(true);
    const lookup = lookupIn(en);
    expect(fieldLabel(changes[1]!.segments, 'job', lookup)).toBe('Users › mapping displayName › Source');
  });

  it('shows assignments and other value lists as values added and removed', () => {
    const before = { assignments: { users: ['E1', 'E2'], groups: [] } };
    const after = { assignments: { users: ['E2', 'E3'], groups: ['Sales'] } };
    expect(rows(diffSnapshots(before, after))).toEqual([
      { path: 'assignments.groups.Sales', kind: 'added', before: null, after: 'Sales' },
      { path: 'assignments.users.E1', kind: 'removed', before: 'E1', after: null },
      { path: 'assignments.users.E3', kind: 'added', before: null, after: 'E3' },
    ]);
  });

  it('summarises a scoping filter and a schema attribute in words', () => {
    const before = { targetSchema: [], scope: { filters: [] } };
    const after = {
      targetSchema: [{ objectType: 'User', name: 'urn:ext:costCenter', type: 'String', required: true }],
      scope: {
        filters: [{ clauses: [{ attribute: 'department', operator: 'NOT EQUALS', value: 'Contractors' }] }],
      },
    };
    expect(rows(diffSnapshots(before, after)).map((c) => c.after)).toEqual([
      'department NOT EQUALS Contractors',
      'User.urn:ext:costCenter (String, required)',
    ]);
  });

  it('never reports secrets as changed when none was typed (an empty secretsChanged says nothing)', () => {
    const snapshot = { name: 'Slack', settings: { baseUrl: 'https://a' }, secrets: { bearerToken: 'set' } };
    expect(diffSnapshots(snapshot, { ...snapshot, secretsChanged: [] })).toEqual([]);
  });

  it('shows a replaced secret as one row, and a removed one only as set → not set', () => {
    const before = { secrets: { bearerToken: 'set', clientSecret: 'set' } };
    const after = {
      secrets: { bearerToken: 'set', clientSecret: 'notSet' },
      secretsChanged: ['bearerToken'],
    };
    expect(rows(diffSnapshots(before, after))).toEqual([
      { path: 'secrets.clientSecret', kind: 'changed', before: 'set', after: 'notSet' },
      { path: 'secrets.bearerToken', kind: 'changed', before: 'set', after: 'replaced' },
    ]);
  });

  it('labels connection settings with the form’s own words', () => {
    const lookup = lookupIn(en);
    expect(fieldLabel(['settings', 'baseUrl'], 'connection', lookup)).toBe('SCIM base URL');
    expect(fieldLabel(['settings', 'membershipsFile', 'path'], 'connection', lookup)).toBe(
      'Memberships file › path',
    );
    expect(fieldLabel(['settings', 'maxConcurrency'], 'job', lookup)).toBe('Settings › Concurrent requests');
  });
});
