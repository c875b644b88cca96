import { isErrorCode, type ErrorCode, type ErrorPayload } from '@shared/domain/errors';

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

  /** Field problems reported by the app (`settings.baseUrl` → message), for forms. */
  get fieldIssues(): Record<string, string> {
    const issues =
      (this.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
    return Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
  }
}
