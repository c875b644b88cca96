import {
  walk,
  type AnyNode,
  type CallNode,
  type ComparisonNode,
  type EnumNode,
  type ExpressionNode,
} from './ast';
import { FUNCTION_CATALOGUE, getFunctionInfo, parameterAt, type FunctionInfo } from './catalogue';
import {
  internalDiagnostic,
  makeDiagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticDetail,
  type Severity,
} from './diagnostics';
import { parseWithDiagnostics } from './parser';
import { ROLE_ATTRIBUTE } from './source-values';
import { closestMatch } from './suggest';
import { checkLiteralArguments } from './validate-literals';
import type { SourceSpan } from './source-position';

/** expressions.md §2.4. */
export const MAX_EXPRESSION_LENGTH = 10_000;

export type TargetAttributeType = 'String' | 'Boolean' | 'Integer' | 'DateTime' | 'Reference' | 'Complex';

/** Where the mapping that holds the expression sits; each check runs only when its field is given. */
export interface MappingPlacement {
  /** The mapping applies on create only (upstream ObjectAddOnly). */
  readonly createOnly?: boolean;
  readonly matchingAttribute?: boolean;
  readonly targetType?: TargetAttributeType;
  /** The job's scope is "all users and groups" rather than assigned ones. */
  readonly scopeAllUsersAndGroups?: boolean;
}

export interface ValidationOptions {
  /** Source schema attribute names; when given, unknown attribute references are errors. */
  readonly sourceAttributes?: readonly string[];
  readonly placement?: MappingPlacement;
}

/** Attributes Roster adds to every source object (expressions.md §1). */
export const VIRTUAL_ATTRIBUTES: readonly string[] = ['IsSoftDeleted', ROLE_ATTRIBUTE];

const ROLE_FUNCTIONS = new Set([
  'AppRoleAssignmentsComplex',
  'AssertiveAppRoleAssignmentsComplex',
  'SingleAppRoleAssignment',
]);
const BOOLEAN_FUNCTIONS = new Set(['IsPresent', 'IsNull', 'IsNullOrEmpty', 'IsString', 'Not', 'CBool']);
const ENUM_NAMES = ['vbBinaryCompare', 'vbTextCompare'];
const FUNCTION_NAMES = FUNCTION_CATALOGUE.map((f) => f.name);

/**
 * Every problem of expressions.md §2.5 that can be found before evaluation, plus warnings. Never throws.
 * Messages name line and column and, where it helps, the fix.
 */
export function validateExpression(text: string, options: ValidationOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (text.length > MAX_EXPRESSION_LENGTH) {
    diagnostics.push(
      makeDiagnostic(
        'tooLong',
        { start: 0, end: text.length, line: 1, column: 1, endLine: 1, endColumn: 1 },
        `The expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}.`,
      ),
    );
  }
  try {
    const parsed = parseWithDiagnostics(text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.tree) diagnostics.push(...validateTree(parsed.tree, options));
  } catch (e) {
    diagnostics.push(internalDiagnostic(e));
  }
  return diagnostics.sort((a, b) => a.start - b.start);
}

/** The semantic checks on a parsed tree (everything but syntax and length). */
export function validateTree(root: ExpressionNode, options: ValidationOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (
    code: DiagnosticCode,
    span: SourceSpan,
    message: string,
    severity: Severity = 'error',
    detail?: DiagnosticDetail,
  ): void => {
    out.push(makeDiagnostic(code, span, message, severity, detail));
  };
  const schema = options.sourceAttributes ? [...options.sourceAttributes, ...VIRTUAL_ATTRIBUTES] : undefined;
  const schemaLower = schema ? new Set(schema.map((a) => a.toLowerCase())) : undefined;

  walk(root, (node: AnyNode, parent: CallNode | ComparisonNode | null) => {
    switch (node.kind) {
      case 'call':
        checkCall(node, node === root, options.placement, report);
        break;
      case 'attribute': {
        const isRoles = node.name.toLowerCase() === ROLE_ATTRIBUTE.toLowerCase();
        if (isRoles && !(parent?.kind === 'call' && ROLE_FUNCTIONS.has(parent.name))) {
          report(
            'roleAttributeMisuse',
            node.span,
            '[appRoleAssignments] can only be passed to AppRoleAssignmentsComplex, AssertiveAppRoleAssignmentsComplex or SingleAppRoleAssignment.',
          );
        }
        if (schema && schemaLower && !schemaLower.has(node.name.toLowerCase())) {
          const guess = closestMatch(node.name, schema);
          report(
            'unknownAttribute',
            node.span,
            `The source schema has no attribute [${node.name}]` +
              (guess ? `; did you mean [${guess}]?` : '.'),
          );
        }
        break;
      }
      case 'enum':
        checkBareWord(node, parent, report);
        break;
      default:
        break;
    }
  });
  return out;
}

type Report = (
  code: DiagnosticCode,
  span: SourceSpan,
  message: string,
  severity?: Severity,
  detail?: DiagnosticDetail,
) => void;

function checkBareWord(node: EnumNode, parent: CallNode | ComparisonNode | null, report: Report): void {
  const { name, span } = node;
  const isInStrCompare = parent?.kind === 'call' && parent.name === 'InStr' && parent.args[3] === node;
  if (ENUM_NAMES.includes(name) && isInStrCompare) return;
  if (ENUM_NAMES.includes(name)) {
    report('bareWord', span, `${name} can only be the 4th argument of InStr.`);
    return;
  }
  const enumGuess = closestMatch(name, ENUM_NAMES);
  if (enumGuess) {
    report('bareWord', span, `"${name}" is not a known word; did you mean ${enumGuess}?`);
    return;
  }
  const fn = closestMatch(name, FUNCTION_NAMES);
  if (fn === name) {
    report('bareWord', span, `${name} is a function; call it with parentheses: ${name}(…).`);
    return;
  }
  report(
    'bareWord',
    span,
    `"${name}" is not a value: write text in double quotes ("${name}") or an attribute in brackets ([${name}]).` +
      (name === 'True' || name === 'False' ? ` Booleans are the strings "True" and "False".` : ''),
  );
}

function checkCall(
  call: CallNode,
  isRoot: boolean,
  placement: MappingPlacement | undefined,
  report: Report,
): void {
  const info = getFunctionInfo(call.name);
  if (!info) {
    const guess = closestMatch(call.name, FUNCTION_NAMES);
    const hint =
      guess === undefined
        ? ''
        : guess.toLowerCase() === call.name.toLowerCase()
          ? ` Function names are case-sensitive: write ${guess}.`
          : ` Did you mean ${guess}?`;
    report('unknownFunction', call.nameSpan, `Unknown function ${call.name}.${hint}`);
    return;
  }
  if (!checkArity(call, info, report)) return;
  if (info.rootOnly && !isRoot) {
    report(
      'rootOnlyFunction',
      call.nameSpan,
      `${call.name} may only be the outermost call of an expression.`,
    );
  }
  if (ROLE_FUNCTIONS.has(call.name)) {
    const arg = call.args[0];
    if (arg && !(arg.kind === 'attribute' && arg.name.toLowerCase() === ROLE_ATTRIBUTE.toLowerCase())) {
      report('roleArgument', arg.span, `${call.name} takes exactly [appRoleAssignments] as its argument.`);
    }
    if (placement?.scopeAllUsersAndGroups) {
      report(
        'placement',
        call.nameSpan,
        `${call.name} needs a job scoped to assigned users and groups: with "all users and groups" there are no role assignments.`,
      );
    }
  }
  checkPlacement(call, isRoot, placement, report);
  checkSwitchPitfall(call, report);
  checkLiteralArguments(call, report);
}

/** Arity, even Switch counts and empty required slots. False when the call is too malformed to check further. */
function checkArity(call: CallNode, info: FunctionInfo, report: Report): boolean {
  const n = call.args.length;
  const expected =
    info.maxArgs === null
      ? `at least ${info.minArgs}`
      : info.minArgs === info.maxArgs
        ? `${info.minArgs}`
        : `${info.minArgs} to ${info.maxArgs}`;
  if (n < info.minArgs || (info.maxArgs !== null && n > info.maxArgs)) {
    report(
      'argumentCount',
      call.span,
      `${call.name} takes ${expected} argument${expected === '1' ? '' : 's'} but was given ${n}: ${info.signature}.`,
    );
    return false;
  }
  if (call.name === 'Switch' && n % 2 === 1) {
    report(
      'switchOddArguments',
      call.span,
      `Switch needs an even number of arguments (source, default, then key/value pairs) but was given ${n}: the last key has no value.`,
    );
  }
  call.args.forEach((slot, i) => {
    if (slot.kind !== 'empty') return;
    const param = parameterAt(info, i);
    // Replace's optional slots are checked as a whole by its mode rules.
    if (!param || param.optional || (call.name === 'Replace' && i > 0)) return;
    report(
      'emptyRequiredArgument',
      slot.span,
      `Argument ${i + 1} (${param.name}) of ${call.name} is required and cannot be left empty: ${info.signature}.`,
    );
  });
  return true;
}

function checkPlacement(
  call: CallNode,
  isRoot: boolean,
  placement: MappingPlacement | undefined,
  report: Report,
): void {
  if (!placement) return;
  if (call.name === 'SelectUniqueValue' && isRoot) {
    if (placement.createOnly === false) {
      report(
        'placement',
        call.nameSpan,
        'SelectUniqueValue can only be used in a mapping applied on create only.',
      );
    }
    if (placement.matchingAttribute) {
      report('placement', call.nameSpan, 'SelectUniqueValue cannot be used in a matching attribute.');
    }
  }
  if (call.name === 'Switch' && placement.targetType === 'Reference') {
    report('placement', call.nameSpan, 'Switch cannot feed a reference attribute such as manager.');
  }
  if ((call.name === 'Guid' || call.name === 'RandomString') && placement.createOnly === false) {
    report(
      'placement',
      call.nameSpan,
      `${call.name} gives a new value every time; use it only in a mapping applied on create only.`,
      'warning',
    );
  }
}

/** The upstream sample Switch(IsPresent([a]), [a], IsPresent([b]), …) compares "True"/"False" with each other. */
function checkSwitchPitfall(call: CallNode, report: Report): void {
  if (call.name !== 'Switch') return;
  const isBool = (i: number): boolean => {
    const s = call.args[i];
    return s?.kind === 'call' && BOOLEAN_FUNCTIONS.has(s.name);
  };
  let keyIsBool = false;
  for (let k = 2; k < call.args.length; k += 2) if (isBool(k)) keyIsBool = true;
  if (isBool(0) && keyIsBool) {
    report(
      'switchBooleanPitfall',
      call.nameSpan,
      'This Switch compares "True"/"False" results with each other, so it does not pick the first value that is present; use Coalesce([a], [b], …) for that.',
      'warning',
    );
  }
}
