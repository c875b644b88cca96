import { describe, expect, it } from 'vitest';
import { jobConfigSchema, type AttributeMapping, type JobConfig } from '@shared/domain/jobs';
import { genericScimTargetSchema } from '@shared/domain/scim-template';
import { switchMappingType } from '../../../src-renderer/views/jobs/parts/mapping-editor/mapping-type-switch';
import {
  moveMatching,
  placeMatching,
  renumberMatching,
  setMatching,
} from '../../../src-renderer/views/jobs/parts/mapping-editor/matching-precedence';
import {
  attributeMappingProblems,
  configMappingProblems,
  type MappingContext,
} from '../../../src-renderer/views/jobs/parts/mapping-editor/mapping-problems';
import { previewMapping } from '../../../src-renderer/views/jobs/parts/mapping-editor/mapping-preview';
import { restoreDefaultMappings } from '../../../src-renderer/views/jobs/parts/mapping-editor/restore-defaults';
import { unknownNamesInExpression } from '../../../src-renderer/views/jobs/parts/mapping-editor/source-attribute-names';

function mapping(target: string, extra: Partial<AttributeMapping> = {}): AttributeMapping {
  return { target, type: 'Direct', source: target, apply: 'Always', matchingPriority: 0, ...extra };
}

const userSchema = genericScimTargetSchema.filter((a) => a.objectType === 'User');
const sourceNames = ['mail', 'givenName', 'surname', 'department', 'objectId', 'IsSoftDeleted'];

function ctx(extra: Partial<MappingContext> = {}): MappingContext {
  return {
    others: [],
    schema: userSchema,
    sourceNames,
    newTargetsAllowed: true,
    path: 'objectMappings[0].attributeMappings[3]',
    index: 3,
    ...extra,
  };
}

describe('switching a mapping type', () => {
  it('turns a Direct mapping into the expression that reads the same attribute, and back', () => {
    const direct = mapping('displayName', {
      source: 'givenName',
      defaultValue: 'n/a',
      apply: 'OnlyOnCreate',
    });
    const toExpression = switchMappingType(direct, 'Expression', {});
    expect(toExpression.mapping).toMatchObject({
      type: 'Expression',
      source: '[givenName]',
      defaultValue: 'n/a',
      apply: 'OnlyOnCreate',
    });
    const back = switchMappingType({ ...toExpression.mapping, source: '[surname]' }, 'Direct', {});
    expect(back.mapping.source).toBe('surname');
  });

  it('clears the source when the old one means nothing in the new type, and restores what was typed before', () => {
    const expression = mapping('displayName', {
      type: 'Expression',
      source: 'Join(" ", [givenName], [surname])',
    });
    const direct = switchMappingType(expression, 'Direct', {});
    expect(direct.mapping.source).toBe('');
    const again = switchMappingType(direct.mapping, 'Expression', direct.typed);
    expect(again.mapping.source).toBe('Join(" ", [givenName], [surname])');
  });

  it('quotes a constant into an expression and takes a bare string back', () => {
    const constant = mapping('userType', { type: 'Constant', source: 'Employee "A"' });
    const expression = switchMappingType(constant, 'Expression', {});
    expect(expression.mapping.source).toBe('"Employee \\"A\\""');
    expect(switchMappingType(expression.mapping, 'Constant', {}).mapping.source).toBe('Employee "A"');
  });

  it('turns matching off for Constant and None, and None keeps no source but the default', () => {
    const matching = mapping('userName', { source: 'mail', matchingPriority: 1, defaultValue: 'x' });
    expect(switchMappingType(matching, 'Constant', {}).mapping.matchingPriority).toBe(0);
    const none = switchMappingType(matching, 'None', {}).mapping;
    expect(none).toMatchObject({ type: 'None', source: '', matchingPriority: 0, defaultValue: 'x' });
    expect(switchMappingType(matching, 'Expression', {}).mapping.matchingPriority).toBe(1);
  });
});

describe('matching precedence', () => {
  const list = [
    mapping('userName', { matchingPriority: 2 }),
    mapping('displayName'),
    mapping('externalId', { matchingPriority: 5 }),
    mapping('emails[type eq "work"].value', { matchingPriority: 1 }),
  ];
  const priorities = (ms: AttributeMapping[]) => ms.map((m) => m.matchingPriority);

  it('renumbers gaps to 1..n in precedence order', () => {
    expect(priorities(renumberMatching(list))).toEqual([2, 0, 3, 1]);
  });

  it('moves one up or down and renumbers; at an end nothing moves', () => {
    expect(priorities(moveMatching(list, 0, -1))).toEqual([1, 0, 3, 2]);
    expect(priorities(moveMatching(list, 0, 1))).toEqual([3, 0, 2, 1]);
    expect(priorities(moveMatching(list, 3, -1))).toEqual([2, 0, 3, 1]);
    expect(priorities(moveMatching(list, 2, 1))).toEqual([2, 0, 3, 1]);
  });

  it('adds a new matching attribute last and closes the gap when one is turned off', () => {
    expect(priorities(setMatching(list, 1, true))).toEqual([2, 4, 3, 1]);
    expect(priorities(setMatching(list, 3, false))).toEqual([1, 0, 2, 0]);
  });

  it('places one at a chosen position', () => {
    expect(priorities(placeMatching(list, 2, 1))).toEqual([3, 0, 1, 2]);
    expect(priorities(placeMatching(list, 1, 9))).toEqual([2, 4, 3, 1]);
  });
});

describe('mapping problems', () => {
  it('says an expression is empty, or where its first error is', () => {
    expect(
      attributeMappingProblems(mapping('displayName', { type: 'Expression', source: ' ' }), ctx()),
    ).toEqual([expect.objectContaining({ code: 'expressionRequired', field: 'source', severity: 'error' })]);
    const [problem] = attributeMappingProblems(
      mapping('displayName', { type: 'Expression', source: 'Join(" ", [givenName]' }),
      ctx(),
    );
    expect(problem).toMatchObject({
      code: 'expressionError',
      path: 'objectMappings[0].attributeMappings[3].source',
      values: { line: 1, column: 22 },
    });
  });

  it('refuses a second mapping to the same target and matching on a constant', () => {
    const problems = attributeMappingProblems(
      mapping('UserName', { type: 'Constant', source: 'x', matchingPriority: 1 }),
      ctx({ others: [mapping('userName')] }),
    );
    expect(problems.map((p) => p.code)).toEqual(['targetTwice', 'matchingNeedsSource']);
  });

  it('warns about a source attribute the source does not have, with the closest name', () => {
    const [problem] = attributeMappingProblems(mapping('title', { source: 'departmnt' }), ctx());
    expect(problem).toMatchObject({
      code: 'unknownSource',
      severity: 'warning',
      values: { name: 'departmnt', suggestion: 'department' },
    });
    expect(unknownNamesInExpression('Join(" ", [givenNme], [mail], [Nope123456])', sourceNames)).toEqual([
      { name: 'givenNme', suggestion: 'givenName' },
      { name: 'Nope123456' },
    ]);
  });

  it('adds a new target name in the dialog, but calls it an error in a saved config', () => {
    expect(attributeMappingProblems(mapping('costCentre'), ctx())[0]?.code).toBe('targetWillBeAdded');
    expect(attributeMappingProblems(mapping('costCentre'), ctx({ newTargetsAllowed: false }))[0]?.code).toBe(
      'targetNotInSchema',
    );
    expect(attributeMappingProblems(mapping('id'), ctx())[0]?.code).toBe('targetIsPrimaryKey');
  });

  it('needs a matching attribute and every required target attribute in an enabled mapping', () => {
    const config: JobConfig = jobConfigSchema.parse({
      name: 'HR → App',
      sourceConnection: 'HR',
      targetConnection: 'App',
      targetSchema: genericScimTargetSchema,
      objectMappings: [
        {
          name: 'Users',
          sourceObject: 'User',
          targetObject: 'User',
          attributeMappings: [mapping('displayName')],
        },
        {
          name: 'Groups',
          enabled: false,
          sourceObject: 'Group',
          targetObject: 'Group',
          attributeMappings: [],
        },
      ],
    });
    const problems = configMappingProblems(config, () => ['displayName']);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['noMatching', 'objectMappings[0]'],
      ['requiredUnmapped', 'objectMappings[0]'],
    ]);
    expect(problems[1]?.values['target']).toBe('userName');
  });
});

describe('mapping preview', () => {
  const sample = {
    objectType: 'User' as const,
    anchor: 'E100',
    displayName: 'Jane Doe',
    attributes: { givenName: 'Jane', surname: 'Doe', mail: '', employeeNumber: '0042', groups: ['a', 'b'] },
  };

  it('evaluates as the engine does: Direct reads the attribute, objectId is the anchor, IsSoftDeleted follows scope', () => {
    expect(previewMapping(mapping('displayName', { source: 'givenName' }), sample, undefined).create).toEqual(
      {
        kind: 'send',
        json: '"Jane"',
        redacted: false,
        addOnly: false,
      },
    );
    expect(
      previewMapping(mapping('externalId', { source: 'objectId' }), sample, undefined).update,
    ).toMatchObject({
      json: '"E100"',
    });
    const active = mapping('active', { type: 'Expression', source: 'Not([IsSoftDeleted])' });
    const boolean = userSchema.find((a) => a.name === 'active');
    expect(previewMapping(active, sample, boolean).update).toMatchObject({ json: 'true' });
    expect(previewMapping(active, sample, boolean, false).update).toMatchObject({ json: 'false' });
  });

  it('omits an empty value on create (with the default) and clears it on update', () => {
    const preview = previewMapping(
      mapping('emails', { source: 'mail', defaultValue: 'none@example.com' }),
      sample,
      undefined,
    );
    expect(preview.create).toEqual({ kind: 'omit', defaultJson: null, defaultProblem: null });
    expect(preview.update).toEqual({ kind: 'clear' });
    const absent = previewMapping(
      mapping('nickName', { source: 'nick', defaultValue: 'n/a' }),
      sample,
      undefined,
    );
    expect(absent.create).toEqual({ kind: 'omit', defaultJson: '"n/a"', defaultProblem: null });
    expect(absent.update).toEqual({ kind: 'leave' });
  });

  it('converts to the target type and reports what the engine would refuse', () => {
    const integer = { ...userSchema[0]!, name: 'number', type: 'Integer' as const, primaryKey: false };
    expect(
      previewMapping(mapping('number', { source: 'employeeNumber' }), sample, integer).create,
    ).toMatchObject({
      json: '42',
    });
    expect(previewMapping(mapping('title', { source: 'groups' }), sample, undefined).create).toMatchObject({
      kind: 'error',
      code: 'SchemaPropertyCanOnlyAcceptValue',
    });
  });

  it('does not apply a create-only mapping on update, and a None mapping fills an empty attribute with its default', () => {
    expect(previewMapping(mapping('title', { apply: 'OnlyOnCreate' }), sample, undefined).update).toEqual({
      kind: 'notApplied',
    });
    expect(
      previewMapping(
        mapping('title', { type: 'None', source: '', defaultValue: 'Staff' }),
        sample,
        undefined,
      ),
    ).toEqual({
      create: { kind: 'omit', defaultJson: '"Staff"', defaultProblem: null },
      update: { kind: 'fillIfEmpty', defaultJson: '"Staff"' },
    });
  });
});

describe('restore default mappings', () => {
  const base = {
    name: 'HR → App',
    sourceConnection: 'HR',
    targetConnection: 'App',
  };
  it('replaces attribute mappings, on/off and actions, keeps filters, settings and custom schema entries', () => {
    const filters = [{ clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] }];
    const current: JobConfig = jobConfigSchema.parse({
      ...base,
      settings: { intervalMinutes: 10 },
      targetSchema: [{ objectType: 'User', name: 'custom' }],
      objectMappings: [
        {
          name: 'Users',
          enabled: false,
          sourceObject: 'User',
          targetObject: 'User',
          actions: { create: false, update: true, delete: false },
          scope: { filters },
          attributeMappings: [mapping('custom')],
        },
      ],
    });
    const defaults: JobConfig = jobConfigSchema.parse({
      ...base,
      targetSchema: genericScimTargetSchema,
      objectMappings: [
        {
          name: 'Users',
          sourceObject: 'User',
          targetObject: 'User',
          attributeMappings: [mapping('userName', { matchingPriority: 1 })],
        },
        {
          name: 'Groups',
          sourceObject: 'Group',
          targetObject: 'Group',
          attributeMappings: [mapping('displayName')],
        },
      ],
    });
    const restored = restoreDefaultMappings(current, defaults);
    expect(restored.settings.intervalMinutes).toBe(10);
    expect(restored.objectMappings[0]).toMatchObject({
      enabled: true,
      actions: { create: true, update: true, delete: true },
      scope: { filters },
      attributeMappings: [expect.objectContaining({ target: 'userName' })],
    });
    expect(restored.objectMappings.map((m) => m.name)).toEqual(['Users', 'Groups']);
    expect(restored.targetSchema[0]?.name).toBe('custom');
    expect(restored.targetSchema.some((a) => a.name === 'userName')).toBe(true);
  });
});
