import type { z } from 'zod';

export interface ValidationIssue {
  path: string;
  message: string;
}

/** zod issues as `{ path: 'settings.baseUrl', message }`, the shape the renderer maps onto form fields. */
export function issuesOf(error: z.ZodError, prefix: (string | number)[] = []): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(input)',
    message: issue.message,
  }));
}
