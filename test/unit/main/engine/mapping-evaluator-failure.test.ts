import { describe, expect, it } from 'vitest';
import type { AttributeMapping } from '@shared/domain/jobs';
import type { TargetSchemaAttribute } from '@shared/domain/schema';
import { MappingEvaluator } from '../../../../src-main/engine/mapping-evaluator';

function mapping(target: string, type: AttributeMapping['type'], source: string): AttributeMapping {
  return { target, type, source, apply: 'Always', matchingPriority: 0 };
}

const schema = new Map<string, TargetSchemaAttribute>([
  [
    'employeeNumber',
    { name: 'employeeNumber', type: 'Integer', multiValued: false } as TargetSchemaAttribute,
  ],
]);

describe('MappingEvaluator: a mapping that fails for one object', () => {
  it('keeps the English reason word for word and adds the expression’s code (errorMappingFailed)', async () => {
    const evaluator = new MappingEvaluator(schema);
    const outcome = await evaluator.evaluate(
      mapping('displayName', 'Expression', 'Mid([givenName], [start], 2)'),
      { givenName: 'Ha-eun', start: '0' },
      'create',
    );
    expect(outcome.kind).toBe('error');
    if (outcome.kind !== 'error') return;
    expect(outcome.code).toBe('ExpressionEvaluationFailed');
    expect(outcome.message).toBe(
      'displayName: Line 1, column 18: Mid argument 2 (start): start must be 1 or more (got 0).',
    );
    expect(outcome.text.text).toBe(outcome.message);
    expect(outcome.text.code).toBe('errorMappingFailed');
    expect(outcome.text.params).toEqual({
      attribute: 'displayName',
      problem: 'Line 1, column 18: Mid argument 2 (start): start must be 1 or more (got 0).',
      problemCode: 'expr.evalInNamedArgument',
      'problem.functionName': 'Mid',
      'problem.position': '2',
      'problem.parameter': 'start',
      'problem.problemCode': 'evalStartAtLeastOne',
      'problem.value': '0',
    });
  });

  it('gives a problem the expression check finds (a literal argument) its code too', async () => {
    const evaluator = new MappingEvaluator(schema);
    const outcome = await evaluator.evaluate(
      mapping('displayName', 'Expression', 'Mid([givenName], 0, 2)'),
      { givenName: 'Ha-eun' },
      'create',
    );
    expect(outcome).toMatchObject({
      kind: 'error',
      code: 'ExpressionEvaluationFailed',
      message: 'displayName: Line 1, column 18: Mid: start must be 1 or more.',
      text: { code: 'errorMappingFailed', params: { problemCode: 'expr.midStart' } },
    });
  });

  it('says a value the target type cannot take under its conversion code, English unchanged', async () => {
    const evaluator = new MappingEvaluator(schema);
    const outcome = await evaluator.evaluate(
      mapping('employeeNumber', 'Direct', 'employeeId'),
      { employeeId: 'E-1001' },
      'update',
    );
    expect(outcome).toMatchObject({
      kind: 'error',
      code: 'ExportConversionFailed',
      message: 'employeeNumber: "E-1001" is not an integer.',
      text: {
        code: 'errorMappingFailed',
        text: 'employeeNumber: "E-1001" is not an integer.',
        params: {
          attribute: 'employeeNumber',
          problem: '"E-1001" is not an integer.',
          problemCode: 'expr.convertNotInteger',
          'problem.value': 'E-1001',
        },
      },
    });
  });

  it('says too many values for a single-valued attribute under its code', async () => {
    const evaluator = new MappingEvaluator(schema);
    const outcome = await evaluator.evaluate(
      mapping('employeeNumber', 'Expression', 'Split("1,2,3", ",")'),
      {},
      'create',
    );
    expect(outcome).toMatchObject({
      kind: 'error',
      code: 'SchemaPropertyCanOnlyAcceptValue',
      message: 'employeeNumber: The expression gave 3 values but the target attribute holds one.',
      text: { params: { problemCode: 'expr.convertTooManyValues', 'problem.count': '3' } },
    });
  });
});
