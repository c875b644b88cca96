import {
  configProblemCodes,
  type ConfigProblem,
  type ConfigProblemCode,
} from '@shared/domain/config-problems';

const knownCodes = new Set<string>(configProblemCodes);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return Object.fromEntries(entries);
}

function isCode(code: unknown): code is ConfigProblemCode {
  return typeof code === 'string' && knownCodes.has(code);
}

/**
 * The problems a refused save names (`error.details.issues`), with their codes and parameters so the
 * alert can say them in the admin's language. Anything malformed is dropped, a code this version does
 * not know is kept as its English sentence.
 */
export function saveFailureIssues(details: unknown): ConfigProblem[] {
  const issues = isRecord(details) && Array.isArray(details['issues']) ? details['issues'] : [];
  return issues.flatMap((issue: unknown): ConfigProblem[] => {
    if (!isRecord(issue) || typeof issue['path'] !== 'string' || typeof issue['message'] !== 'string')
      return [];
    const problem: ConfigProblem = { path: issue['path'], message: issue['message'] };
    if (!isCode(issue['code'])) return [problem];
    problem.code = issue['code'];
    const params = stringRecord(issue['params']);
    if (params) problem.params = params;
    const detail = issue['detail'];
    const detailParams = isRecord(detail) ? stringRecord(detail['params']) : undefined;
    if (isRecord(detail) && typeof detail['code'] === 'string' && detailParams)
      problem.detail = { code: detail['code'], params: detailParams };
    return [problem];
  });
}
