/**
 * The attribute-mapping expression language (docs: shared/reference/expressions.md).
 *
 * parse → validate → evaluate. Every function here throws (or rejects with) only ExpressionError subclasses:
 * ExpressionSyntaxError, ExpressionValidationError, ExpressionEvaluationError.
 */
export { tokenize } from './lexer';
export type { Token, TokenKind, TokenProblem, ComparisonOperator } from './tokens';
export { parseExpression, parseWithDiagnostics, MAX_NESTING_DEPTH, type ParseOutcome } from './parser';
export type {
  ExpressionNode,
  OperandNode,
  ArgumentNode,
  SlotNode,
  CallNode,
  AttributeNode,
  StringNode,
  IntegerNode,
  EnumNode,
  ComparisonNode,
  EmptySlotNode,
} from './ast';
export { walk } from './ast';
export { formatExpression, quoteString, type FormatOptions } from './formatter';
export {
  validateExpression,
  validateTree,
  MAX_EXPRESSION_LENGTH,
  VIRTUAL_ATTRIBUTES,
  type ValidationOptions,
  type MappingPlacement,
  type TargetAttributeType,
} from './validate';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics';
export {
  evaluateExpression,
  evaluateExpressionSync,
  probeFromExistingValues,
  resultToString,
  type EvaluationContext,
  type EvaluationResult,
  type UniquenessProbe,
} from './evaluate';
export {
  toJsonResult,
  decideFlow,
  toTargetValue,
  type JsonResult,
  type FlowDecision,
  type TargetScalar,
  type TargetValueResult,
} from './result';
export {
  ExpressionError,
  ExpressionSyntaxError,
  ExpressionValidationError,
  ExpressionEvaluationError,
  type EvaluationErrorCode,
} from './errors';
export { FUNCTION_CATALOGUE, getFunctionInfo, type FunctionInfo, type ParameterInfo } from './catalogue';
export type {
  Value,
  ScalarValue,
  DateTimeValue,
  MultiValue,
  RoleAssignment,
  RoleListValue,
  RoleObjectsValue,
  ScimRole,
} from './values';
export { positionAt, type SourceSpan, type LinePosition } from './source-position';
export { compileRegex, regexTest, type CompiledRegex, type CompileRegexResult } from './regex';
