import type { z } from 'zod';
import { fieldProblemOf, type FieldProblem } from '@shared/domain/validation-issue-codes';

/** A field problem as the app reports it: the English message, and its code and params for other languages. */
export type ValidationIssue = FieldProblem;

/** zod issues as `{ path: 'settings.baseUrl', message, code, params }`, the shape the renderer maps onto form fields. */
export function issuesOf(error: z.ZodError, prefix: (string | number)[] = []): ValidationIssue[] {
  return error.issues.map((issue) => fieldProblemOf(issue, prefix));
}
