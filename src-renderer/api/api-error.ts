import { isErrorCode, type ErrorCode, type ErrorPayload } from '@shared/domain/errors';
import {
  fieldProblemCodes,
  fieldProblemFromText,
  type FieldProblem,
  type FieldProblemCode,
  type FieldProblemParams,
} from '@shared/domain/validation-issue-codes';

interface ReportedIssue {
  path: string;
  message: string;
  code?: unknown;
  params?: unknown;
}

function isParams(value: unknown): value is FieldProblemParams {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

/** An issue as a coded problem; one without a known code is coded by its English, else kept as it is. */
function problemOf(issue: ReportedIssue): FieldProblem {
  const { path, message, code, params } = issue;
  if (fieldProblemCodes.includes(code as FieldProblemCode) && isParams(params))
    return { path, message, code: code as FieldProblemCode, params };
  return fieldProblemFromText(path, message);
}

/** A failed command, unwrapped from its Result once, in api/index.ts. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = isErrorCode(payload.code) ? payload.code : 'internal';
    this.details = payload.details;
  }

  /** Field problems reported by the app (`settings.baseUrl` → English message), for forms. */
  get fieldIssues(): Record<string, string> {
    return Object.fromEntries(this.reportedIssues.map((issue) => [issue.path, issue.message]));
  }

  /** The same problems with their code and params, so a form can say them in the admin's language. */
  get fieldProblems(): Record<string, FieldProblem> {
    return Object.fromEntries(this.reportedIssues.map((issue) => [issue.path, problemOf(issue)]));
  }

  private get reportedIssues(): ReportedIssue[] {
    return (this.details as { issues?: ReportedIssue[] } | undefined)?.issues ?? [];
  }
}
