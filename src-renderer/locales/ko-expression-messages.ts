import type { enExpressionMessages } from './en-expression-messages';
import { koConversionMessages } from './ko-conversion-messages';
import { koEvaluationMessages } from './ko-evaluation-messages';
import { koSyntaxMessages } from './ko-syntax-messages';

/** 식 검사기 메시지 코드의 한국어 문구 (ko.ts에 `expressionMessages`로 합쳐집니다). */
export const koExpressionMessages: typeof enExpressionMessages = {
  tooLong: '식의 길이가 {length}자입니다. 최대 {limit}자까지 쓸 수 있습니다.',
  roleAttributeMisuse:
    '[appRoleAssignments]는 AppRoleAssignmentsComplex, AssertiveAppRoleAssignmentsComplex 또는 SingleAppRoleAssignment에만 넘길 수 있습니다.',
  unknownAttribute: '원본 스키마에 [{attribute}] 특성이 없습니다.',
  unknownAttributeGuess: '원본 스키마에 [{attribute}] 특성이 없습니다. [{guess}]을(를) 말씀하신 건가요?',
  enumPosition: '{name}은(는) InStr의 4번째 인수로만 쓸 수 있습니다.',
  enumGuess: '“{name}”은(는) 알 수 없는 단어입니다. {guess}을(를) 말씀하신 건가요?',
  functionWithoutParentheses: '{name}은(는) 함수입니다. 괄호를 붙여 호출하세요: {name}(…).',
  notAValue: '“{name}”은(는) 값이 아닙니다. 텍스트는 큰따옴표로(“{name}”), 특성은 대괄호로([{name}]) 쓰세요.',
  notAValueBoolean:
    '“{name}”은(는) 값이 아닙니다. 텍스트는 큰따옴표로(“{name}”), 특성은 대괄호로([{name}]) 쓰세요. 부울 값은 문자열 "True"와 "False"입니다.',
  unknownFunction: '알 수 없는 함수 {name}입니다.',
  unknownFunctionCase:
    '알 수 없는 함수 {name}입니다. 함수 이름은 대소문자를 구분합니다: {guess}(으)로 쓰세요.',
  unknownFunctionGuess: '알 수 없는 함수 {name}입니다. {guess}을(를) 말씀하신 건가요?',
  rootOnly: '{name}은(는) 식의 가장 바깥 호출로만 쓸 수 있습니다.',
  roleArgument: '{name}의 인수는 정확히 [appRoleAssignments] 하나여야 합니다.',
  roleScope:
    '{name}에는 할당된 사용자와 그룹으로 범위를 정한 작업이 필요합니다. “모든 사용자와 그룹”에는 역할 할당이 없습니다.',
  argumentCountOne: '{name}은(는) 인수 1개를 받는데 {given}개가 주어졌습니다: {signature}.',
  argumentCountExact: '{name}은(는) 인수 {min}개를 받는데 {given}개가 주어졌습니다: {signature}.',
  argumentCountAtLeast: '{name}은(는) 인수를 {min}개 이상 받는데 {given}개가 주어졌습니다: {signature}.',
  argumentCountRange: '{name}은(는) 인수를 {min}~{max}개 받는데 {given}개가 주어졌습니다: {signature}.',
  switchOddArguments:
    'Switch에는 짝수 개의 인수(원본, 기본값, 그다음 키/값 쌍)가 필요한데 {given}개가 주어졌습니다. 마지막 키에 값이 없습니다.',
  emptyRequiredArgument:
    '{name}의 {position}번째 인수({parameter})는 필수이므로 비워 둘 수 없습니다: {signature}.',
  selectUniqueCreateOnly: 'SelectUniqueValue는 만들 때만 적용하는 매핑에서만 쓸 수 있습니다.',
  selectUniqueMatching: 'SelectUniqueValue는 일치 특성에 쓸 수 없습니다.',
  switchReference: 'Switch는 manager 같은 참조 특성의 값이 될 수 없습니다.',
  newValueEveryTime: '{name}은(는) 매번 새 값을 만듭니다. 만들 때만 적용하는 매핑에서만 쓰세요.',
  switchBooleanPitfall:
    '이 Switch는 "True"/"False" 결과끼리 비교하므로 값이 있는 첫 항목을 고르지 않습니다. 그렇게 하려면 Coalesce([a], [b], …)를 쓰세요.',
  integerExpected: '{name}의 이 자리에는 정수가 필요한데 “{value}”은(는) 정수가 아닙니다.',
  replaceMode: 'Replace: 이렇게 채운 인수 조합은 지원하지 않습니다. 다음 중 하나로 채우세요: {help}.',
  replaceEmptyOldValue: 'Replace: oldValue는 비어 있으면 안 됩니다.',
  unknownDateTimeStyles: 'FormatDateTime: 알 수 없는 DateTimeStyles 이름 {names}. 알려진 이름: {known}.',
  hour12WithoutMarker:
    'FormatDateTime: 입력 형식이 "tt" 없이 12시간제("h")를 읽으므로 문자열을 해석할 수 없습니다. "HH"를 쓰거나 "tt"를 추가하세요.',
  randomStringNegative: 'RandomString: 최솟값은 음수일 수 없습니다.',
  randomStringLength: 'RandomString: 길이(Length)는 1에서 256 사이여야 합니다(받은 값 {length}).',
  randomStringSum: 'RandomString: 길이(Length) {length}이(가) 최솟값의 합({sum})보다 작습니다.',
  unknownCultureName:
    '{name}: “{value}”은(는) 알려진 문화권 이름이 아닙니다. "tr-TR"이나 "de-DE" 같은 태그를 쓰세요.',
  notAnInterval: '{name}: “{value}”은(는) 간격이 아닙니다. 다음을 쓰세요: {help}.',
  inStrStart: 'InStr: start는 1 이상이어야 합니다.',
  inStrCompare: 'InStr: compareType은 vbBinaryCompare, vbTextCompare, 0 또는 1이어야 합니다.',
  midStart: 'Mid: start는 1 이상이어야 합니다.',
  midLength: 'Mid: length는 음수일 수 없습니다.',
  splitDelimiter: 'Split: 구분 기호는 비어 있으면 안 됩니다.',
  notADate:
    'CDate: “{value}”은(는) 날짜가 아닙니다(2021-08-24, 2009-06-15T01:45:30-07:00, 8/25/2021 5:41:18 PM 같은 형식이어야 합니다).',
  notAFiletime: 'DateFromNum: {value}은(는) 1601년부터 9999년 말 사이의 FILETIME이 아닙니다.',
  internalError: 'Roster가 이 식을 검사하지 못했습니다({error}).',
  ...koSyntaxMessages,
  ...koEvaluationMessages,
  ...koConversionMessages,
};
