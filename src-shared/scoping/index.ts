/** Scoping filters (docs: shared/reference/scoping-filters.md): which source objects a job provisions. */
export {
  SCOPING_OPERATORS,
  OPERATOR_INFO,
  isScopingOperator,
  type ScopingOperator,
  type ScopingAttributeType,
  type OperatorInfo,
} from './operators';
export {
  scopingClauseSchema,
  scopingFilterSchema,
  scopingFilterSetSchema,
  type ScopingClause,
  type ScopingFilter,
  type ScopingFilterSet,
} from './schema';
export { evaluateClause, filterPasses, isInScope, type ClauseResult } from './evaluate';
export {
  explainScoping,
  describeClause,
  type ScopingExplanation,
  type FilterOutcome,
  type ClauseOutcome,
} from './explain';
export {
  validateScopingFilters,
  validateFilterList,
  type ScopingProblem,
  type ScopingProblemCode,
  type ScopingValidationOptions,
  type ScopingAttributeInfo,
} from './validate';
