import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { objectMappingSchema } from '@shared/domain/jobs';
import { attributesRead } from '../../../../src-main/engine/attributes-read';
import { MappingEvaluator } from '../../../../src-main/engine/mapping-evaluator';

type MappingInput = z.input<typeof objectMappingSchema>;

function mapping(input: Partial<MappingInput> & Pick<MappingInput, 'attributeMappings'>) {
  return objectMappingSchema.parse({ name: 'Users', sourceObject: 'User', targetObject: 'User', ...input });
}

describe('attributesRead: what a cycle reads of each object type', () => {
  it('names every attribute of Direct mappings and expressions, and of scoping filters, lower-cased', () => {
    const users = mapping({
      attributeMappings: [
        { target: 'userName', type: 'Direct', source: 'Mail' },
        {
          target: 'displayName',
          type: 'Expression',
          source: 'Join(" ", [givenName], IIF(IsNullOrEmpty([Surname]), "", [surname]))',
        },
        { target: 'active', type: 'Expression', source: 'Not([IsSoftDeleted])' },
        { target: 'title', type: 'Constant', source: 'jobTitle' },
        { target: 'nickName', type: 'None', source: 'nickname' },
      ],
      scope: {
        filters: [{ title: '', clauses: [{ attribute: 'costCenter', operator: 'EQUALS', value: '1' }] }],
      },
    });
    expect(
      [...(attributesRead({ User: users, Group: null }, new MappingEvaluator(new Map())).User ?? [])].sort(),
    ).toEqual(['costcenter', 'givenname', 'issoftdeleted', 'mail', 'surname'].sort());
  });

  it('leaves a type out (every attribute hashed) when an expression does not parse or there is no mapping', () => {
    const broken = mapping({
      attributeMappings: [{ target: 'userName', type: 'Expression', source: 'Join(' }],
    });
    const read = attributesRead({ User: broken, Group: null }, new MappingEvaluator(new Map()));
    expect(read.User).toBeUndefined();
    expect(read.Group).toBeUndefined();
    expect('Group' in read).toBe(false);
  });
});
