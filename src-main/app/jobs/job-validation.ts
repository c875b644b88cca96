import { validateExpression } from '@shared/expressions/index';
import { validateScopingFilters } from '@shared/scoping/index';
import { refusal } from '@shared/domain/error-messages';
import type { JobConfig } from '@shared/domain/jobs';
import type { ConfigProblem } from '@shared/domain/config-problems';

type Issue = ConfigProblem;

/**
 * Checks a job before it is saved, naming each problem by its place: `objectMappings[0].attributeMappings[3]
 * (target userName)` plus line and column for expressions, the filter path for scoping filters.
 */
export function validateJobConfig(config: JobConfig): void {
  const issues: Issue[] = [];
  if (!config.objectMappings.some((m) => m.sourceObject === 'User')) {
    issues.push({
      path: 'objectMappings',
      message: 'A job needs a Users object mapping',
      code: 'usersMappingMissing',
    });
  }
  config.objectMappings.forEach((mapping, mi) => {
    const targets = new Set<string>();
    const declared = new Set(
      config.targetSchema.filter((a) => a.objectType === mapping.targetObject).map((a) => a.name),
    );
    mapping.attributeMappings.forEach((m, ai) => {
      const place = `objectMappings[${mi}].attributeMappings[${ai}]`;
      if (targets.has(m.target))
        issues.push({
          path: place,
          message: `${m.target} is mapped twice`,
          code: 'mappedTwice',
          params: { attribute: m.target },
        });
      targets.add(m.target);
      if (declared.size > 0 && !declared.has(m.target) && m.target !== 'members') {
        issues.push({
          path: `${place}.target`,
          message: `${m.target} is not in the target schema of ${mapping.targetObject}s`,
          code: 'notInTargetSchema',
          params: { attribute: m.target, objectType: mapping.targetObject },
        });
      }
      if (m.target === 'id')
        issues.push({
          path: `${place}.target`,
          message: 'The target’s primary key (id) cannot be a mapping target',
          code: 'primaryKeyTarget',
        });
      if (m.type === 'Expression') {
        for (const d of validateExpression(m.source, {
          placement: { createOnly: m.apply === 'OnlyOnCreate', matchingAttribute: m.matchingPriority > 0 },
        })) {
          if (d.severity === 'error')
            issues.push({
              path: `${place}.source`,
              // The diagnostic already says "Line 1, column 33: …"; saying it again doubled it.
              message: `${m.target}: ${d.message}`,
              code: 'expressionError',
              params: {
                attribute: m.target,
                line: String(d.line),
                column: String(d.column),
                text: d.message.replace(/^Line \d+, column \d+: /, ''),
              },
              ...(d.detail ? { detail: { code: d.detail.code, params: { ...d.detail.params } } } : {}),
            });
        }
      }
      if (m.type === 'Direct' && m.source.trim() === '')
        issues.push({
          path: `${place}.source`,
          message: `${m.target}: choose the source attribute`,
          code: 'chooseSource',
          params: { attribute: m.target },
        });
    });
    for (const problem of validateScopingFilters({ filters: mapping.scope.filters })) {
      issues.push({
        path: `objectMappings[${mi}].scope.${problem.path}`,
        message: problem.message,
        code: 'scopingFilter',
        detail: { code: problem.messageCode, params: { ...problem.params } },
      });
    }
  });
  if (issues.length > 0) {
    throw refusal(
      'invalidInput',
      'jobHasProblems',
      {
        name: config.name,
        count: String(issues.length),
        problems: issues.map((i) => `${i.path} — ${i.message}`).join('; '),
      },
      { issues },
    );
  }
}
