import { describe, expect, it } from 'vitest';
import { attributeMappingSchema } from '@shared/domain/jobs';
import { createValues } from '../../../../src-main/engine/apply-create';
import { MappingEvaluator } from '../../../../src-main/engine/mapping-evaluator';

const mappings = [
  attributeMappingSchema.parse({
    target: 'cn',
    type: 'Expression',
    source: 'SelectUniqueValue([name], Join(" ", [name], [id]))',
    apply: 'OnlyOnCreate',
  }),
  attributeMappingSchema.parse({ target: 'mail', type: 'Direct', source: 'mail' }),
];

describe('the values of creates in one cycle', () => {
  it('never hand out a SelectUniqueValue value twice, and claim only what such a mapping writes', async () => {
    const ctx = { evaluator: new MappingEvaluator(new Map()) };
    const claimed = new Set<string>();
    const first = await createValues(
      ctx,
      mappings,
      { name: 'Kim Min-jun', id: 'E1', mail: 'a@x' },
      claimed,
      null,
    );
    const second = await createValues(
      ctx,
      mappings,
      { name: 'Kim Min-jun', id: 'E2', mail: 'a@x' },
      claimed,
      null,
    );
    expect(first.values).toEqual({ cn: 'Kim Min-jun', mail: 'a@x' });
    expect(second.values).toEqual({ cn: 'Kim Min-jun E2', mail: 'a@x' });
    // The Direct mapping's values need no claim: only the unique attribute's candidates are held.
    expect([...claimed].sort()).toEqual(['cn\u0000kim min-jun', 'cn\u0000kim min-jun e2']);
  });
});
