import { z } from 'zod';

/**
 * The stored shape of scoping filters (scoping-filters.md §1). Structural only: the operator is any string
 * here so that validateScopingFilters can name a misspelt operator and suggest the right one.
 */
export const scopingClauseSchema = z.object({
  attribute: z.string(),
  operator: z.string(),
  /** Always a string, even for integer operators; absent for unary operators. */
  value: z.string().optional(),
});

export const scopingFilterSchema = z.object({
  title: z.string().default(''),
  clauses: z.array(scopingClauseSchema),
});

export const scopingFilterSetSchema = z.object({
  filters: z.array(scopingFilterSchema),
});

export type ScopingClause = z.infer<typeof scopingClauseSchema>;
export type ScopingFilter = z.input<typeof scopingFilterSchema>;
export type ScopingFilterSet = z.input<typeof scopingFilterSetSchema>;
