import { describe, expect, it } from 'vitest';
import { RosterError } from '@shared/domain/errors';
import { jobConfigSchema } from '@shared/domain/jobs';
import type { ConfigProblem } from '@shared/domain/config-problems';
import { validateJobConfig } from '../../../../src-main/app/jobs/job-validation';

function problemsOf(expression: string): ConfigProblem[] {
  const config = jobConfigSchema.parse({
    name: 'HR → App',
    sourceConnection: 'HR',
    targetConnection: 'App',
    objectMappings: [
      {
        name: 'Users',
        sourceObject: 'User',
        targetObject: 'User',
        attributeMappings: [
          { target: 'userName', type: 'Direct', source: 'email', matchingPriority: 1 },
          { target: 'displayName', type: 'Expression', source: expression },
        ],
      },
    ],
  });
  try {
    validateJobConfig(config);
  } catch (error) {
    if (error instanceof RosterError) return (error.details as { issues: ConfigProblem[] }).issues;
    throw error;
  }
  return [];
}

describe('job validation messages', () => {
  it('names an expression problem’s line and column once, beside the mapping’s source', () => {
    const [issue, ...rest] = problemsOf('Join(" ", [givenName], [surname]');
    expect(rest).toEqual([]);
    expect(issue?.path).toBe('objectMappings[0].attributeMappings[1].source');
    expect(issue?.message).toMatch(/^displayName: Line 1, column \d+: /);
    expect(issue?.message).not.toMatch(/column \d+: line \d+, column \d+:/i);
    expect(issue?.message.match(/line 1, column 33/gi)).toHaveLength(1);
  });

  it('gives an expression problem a code, its place and the regex problem’s own code to translate', () => {
    const [issue] = problemsOf('Replace([givenName], , "a(?=b)", , "x", , )');
    expect(issue).toMatchObject({
      code: 'expressionError',
      params: { attribute: 'displayName', line: '1', column: '24' },
      detail: { code: 'regex.lookahead', params: { construct: '(?=', position: '2' } },
    });
    expect(issue?.params?.['text']).toMatch(/^Replace: The pattern contains a lookahead/);
  });
});
