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
import { expressionMessage, type ExpressionMessageCode } from './expression-messages';
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
    const said = expressionMessage('tooLong', {
      length: String(text.length),
      limit: String(MAX_EXPRESSION_LENGTH),
    });
    diagnostics.push(
      makeDiagnostic(
        'tooLong',
        { start: 0, end: text.length, line: 1, column: 1, endLine: 1, endColumn: 1 },
        said.text,
        'error',
        said.detail,
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
  const say: Say = (code, span, message, params, severity = 'error') => {
    const said = expressionMessage(message, params);
    out.push(makeDiagnostic(code, span, said.text, severity, said.detail));
  };
  const schema = options.sourceAttributes ? [...options.sourceAttributes, ...VIRTUAL_ATTRIBUTES] : undefined;
  const schemaLower = schema ? new Set(schema.map((a) => a.toLowerCase())) : undefined;

  walk(root, (node: AnyNode, parent: CallNode | ComparisonNode | null) => {
    switch (node.kind) {
      case 'call':
        checkCall(node, node === root, options.placement, report, say);
        break;
      case 'attribute': {
        const isRoles = node.name.toLowerCase() === ROLE_ATTRIBUTE.toLowerCase();
        if (isRoles && !(parent?.kind === 'call' && ROLE_FUNCTIONS.has(parent.name))) {
          say('roleAttributeMisuse', node.span, 'roleAttributeMisuse');
        }
        if (schema && schemaLower && !schemaLower.has(node.name.toLowerCase())) {
          const guess = closestMatch(node.name, schema);
          if (guess)
            say('unknownAttribute', node.span, 'unknownAttributeGuess', { attribute: node.name, guess });
          else say('unknownAttribute', node.span, 'unknownAttribute', { attribute: node.name });
        }
        break;
      }
      case 'enum':
        checkBareWord(node, parent, say);
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

/** Reports one of the checker's own sentences by its code (expression-messages.ts). */
type Say = (
  code: DiagnosticCode,
  span: SourceSpan,
  message: ExpressionMessageCode,
  params?: Record<string, string>,
  severity?: Severity,
) => void;

function checkBareWord(node: EnumNode, parent: CallNode | ComparisonNode | null, say: Say): void {
  const { name, span } = node;
  const isInStrCompare = parent?.kind === 'call' && parent.name === 'InStr' && parent.args[3] === node;
  if (ENUM_NAMES.includes(name) && isInStrCompare) return;
  if (ENUM_NAMES.includes(name)) {
    say('bareWord', span, 'enumPosition', { name });
    return;
  }
  const enumGuess = closestMatch(name, ENUM_NAMES);
  if (enumGuess) {
    say('bareWord', span, 'enumGuess', { name, guess: enumGuess });
    return;
  }
  const fn = closestMatch(name, FUNCTION_NAMES);
  if (fn === name) {
    say('bareWord', span, 'functionWithoutParentheses', { name });
    return;
  }
  say('bareWord', span, name === 'True' || name === 'False' ? 'notAValueBoolean' : 'notAValue', { name });
}

function checkCall(
  call: CallNode,
  isRoot: boolean,
  placement: MappingPlacement | undefined,
  report: Report,
  say: Say,
): void {
  const info = getFunctionInfo(call.name);
  const name = call.name;
  if (!info) {
    const guess = closestMatch(name, FUNCTION_NAMES);
    const message: ExpressionMessageCode =
      guess === undefined
        ? 'unknownFunction'
        : guess.toLowerCase() === name.toLowerCase()
          ? 'unknownFunctionCase'
          : 'unknownFunctionGuess';
    say('unknownFunction', call.nameSpan, message, guess === undefined ? { name } : { name, guess });
    return;
  }
  if (!checkArity(call, info, say)) return;
  if (info.rootOnly && !isRoot) say('rootOnlyFunction', call.nameSpan, 'rootOnly', { name });
  if (ROLE_FUNCTIONS.has(call.name)) {
    const arg = call.args[0];
    if (arg && !(arg.kind === 'attribute' && arg.name.toLowerCase() === ROLE_ATTRIBUTE.toLowerCase())) {
      say('roleArgument', arg.span, 'roleArgument', { name });
    }
    if (placement?.scopeAllUsersAndGroups) say('placement', call.nameSpan, 'roleScope', { name });
  }
  checkPlacement(call, isRoot, placement, say);
  checkSwitchPitfall(call, say);
  checkLiteralArguments(call, report);
}

/** Arity, even Switch counts and empty required slots. False when the call is too malformed to check further. */
function checkArity(call: CallNode, info: FunctionInfo, say: Say): boolean {
  const n = call.args.length;
  const counts = {
    name: call.name,
    given: String(n),
    signature: info.signature,
    min: String(info.minArgs),
    max: String(info.maxArgs ?? ''),
  };
  const message: ExpressionMessageCode =
    info.maxArgs === null
      ? 'argumentCountAtLeast'
      : info.minArgs !== info.maxArgs
        ? 'argumentCountRange'
        : info.minArgs === 1
          ? 'argumentCountOne'
          : 'argumentCountExact';
  if (n < info.minArgs || (info.maxArgs !== null && n > info.maxArgs)) {
    say('argumentCount', call.span, message, counts);
    return false;
  }
  if (call.name === 'Switch' && n % 2 === 1)
    say('switchOddArguments', call.span, 'switchOddArguments', { given: String(n) });
  call.args.forEach((slot, i) => {
    if (slot.kind !== 'empty') return;
    const param = parameterAt(info, i);
    // Replace's optional slots are checked as a whole by its mode rules.
    if (!param || param.optional || (call.name === 'Replace' && i > 0)) return;
    say('emptyRequiredArgument', slot.span, 'emptyRequiredArgument', {
      position: String(i + 1),
      parameter: param.name,
      name: call.name,
      signature: info.signature,
    });
  });
  return true;
}

function checkPlacement(
  call: CallNode,
  isRoot: boolean,
  placement: MappingPlacement | undefined,
  say: Say,
): void {
  if (!placement) return;
  if (call.name === 'SelectUniqueValue' && isRoot) {
    if (placement.createOnly === false) say('placement', call.nameSpan, 'selectUniqueCreateOnly');
    if (placement.matchingAttribute) say('placement', call.nameSpan, 'selectUniqueMatching');
  }
  if (call.name === 'Switch' && placement.targetType === 'Reference')
    say('placement', call.nameSpan, 'switchReference');
  if ((call.name === 'Guid' || call.name === 'RandomString') && placement.createOnly === false)
    say('placement', call.nameSpan, 'newValueEveryTime', { name: call.name }, 'warning');
}

/** The upstream sample Switch(IsPresent([a]), [a], IsPresent([b]), …) compares "True"/"False" with each other. */
function checkSwitchPitfall(call: CallNode, say: Say): void {
  if (call.name !== 'Switch') return;
  const isBool = (i: number): boolean => {
    const s = call.args[i];
    return s?.kind === 'call' && BOOLEAN_FUNCTIONS.has(s.name);
  };
  let keyIsBool = false;
  for (let k = 2; k < call.args.length; k += 2) if (isBool(k)) keyIsBool = true;
  if (isBool(0) && keyIsBool) {
    say('switchBooleanPitfall', call.nameSpan, 'switchBooleanPitfall', {}, 'warning');
  }
}
