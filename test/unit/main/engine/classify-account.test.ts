import { describe, expect, it } from 'vitest';
import type { TargetSchemaAttribute } from '@shared/domain/schema';
import { classifyAccount, type ClassifyContext } from '../../../../src-main/engine/discovery/classify';
import { SourceIndex, type SourceEntry } from '../../../../src-main/engine/discovery/source-index';
import { MappingEvaluator } from '../../../../src-main/engine/mapping-evaluator';

const schema = new Map<string, TargetSchemaAttribute>([
  [
    'userName',
    { name: 'userName', objectType: 'User', type: 'String', caseExact: false } as TargetSchemaAttribute,
  ],
  [
    'externalId',
    { name: 'externalId', objectType: 'User', type: 'String', caseExact: true } as TargetSchemaAttribute,
  ],
]);

function entry(anchor: string, extra: Partial<SourceEntry> = {}): SourceEntry {
  return {
    type: 'User',
    anchor,
    displayName: `Person ${anchor}`,
    inScope: true,
    scopeDetail: 'In scope',
    linkedTargetId: null,
    ...extra,
  };
}

function context(
  entries: [SourceEntry, { path: string; value: string }[]][],
  links: Record<string, string> = {},
): ClassifyContext {
  const index = new SourceIndex(new MappingEvaluator(schema));
  for (const [e, lookups] of entries) index.add(e, lookups);
  return {
    index,
    matchPaths: ['userName', 'externalId'],
    readsActive: true,
    linkOf: (_type, id) => (links[id] ? { anchor: links[id], displayName: `Person ${links[id]}` } : null),
  };
}

const account = (id: string, values: Record<string, string | boolean | string[] | null>) => ({ id, values });

describe('classifying one account of the target against the job', () => {
  it('is linked when a link of the job points at it, whatever its values', () => {
    const row = classifyAccount('User', account('t1', { userName: 'x' }), context([], { t1: 'E1' }));
    expect(row).toMatchObject({ accountClass: 'linked', source: { anchor: 'E1' }, matched: null });
  });

  it('matches an in-scope unlinked source object by a case-insensitive user name', () => {
    const ctx = context([[entry('E2'), [{ path: 'userName', value: 'Minji.Park@example.com' }]]]);
    const row = classifyAccount(
      'User',
      account('t2', { userName: 'minji.park@EXAMPLE.com', active: false }),
      ctx,
    );
    expect(row).toMatchObject({
      accountClass: 'unlinkedMatch',
      keyValue: 'minji.park@EXAMPLE.com',
      active: false,
      source: { anchor: 'E2' },
      matched: { path: 'userName', value: 'minji.park@EXAMPLE.com' },
    });
  });

  it('compares a caseExact attribute exactly, and tries the next matching attribute in priority order', () => {
    const ctx = context([
      [
        entry('E3', { inScope: false, scopeDetail: 'department is not Sales' }),
        [{ path: 'externalId', value: 'abc' }],
      ],
    ]);
    expect(
      classifyAccount('User', account('t3', { userName: 'nobody', externalId: 'ABC' }), ctx).accountClass,
    ).toBe('unmanaged');
    expect(
      classifyAccount('User', account('t3', { userName: 'nobody', externalId: 'abc' }), ctx),
    ).toMatchObject({
      accountClass: 'outOfScopeMatch',
      scopeDetail: 'department is not Sales',
      matched: { path: 'externalId', value: 'abc' },
    });
  });

  it('says when several source objects match, and never picks one', () => {
    const ctx = context([
      [entry('E4'), [{ path: 'userName', value: 'shared@example.com' }]],
      [entry('E5'), [{ path: 'userName', value: 'shared@example.com' }]],
    ]);
    expect(classifyAccount('User', account('t4', { userName: 'shared@example.com' }), ctx)).toMatchObject({
      accountClass: 'unlinkedMatch',
      note: 'severalSources',
    });
  });

  it('leaves a second account of a managed person unmanaged, naming whom it matches', () => {
    const ctx = context([
      [entry('E6', { linkedTargetId: 't-main' }), [{ path: 'userName', value: 'kim@example.com' }]],
    ]);
    expect(classifyAccount('User', account('t-second', { userName: 'kim@example.com' }), ctx)).toMatchObject({
      accountClass: 'unmanaged',
      note: 'sourceLinkedElsewhere',
      source: { anchor: 'E6' },
    });
  });

  it('is unmanaged with a note when the account has no matching value at all, and finds one of several values', () => {
    const ctx = context([[entry('E7'), [{ path: 'userName', value: 'b@example.com' }]]]);
    expect(classifyAccount('User', account('t5', { userName: null, externalId: '' }), ctx)).toMatchObject({
      accountClass: 'unmanaged',
      note: 'noMatchingValue',
      displayName: 't5',
    });
    expect(
      classifyAccount('User', account('t6', { userName: ['a@example.com', 'b@example.com'] }), ctx)
        .accountClass,
    ).toBe('unlinkedMatch');
  });
});
