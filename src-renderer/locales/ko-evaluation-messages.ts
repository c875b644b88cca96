import {
  evaluationMessageParameters,
  type evaluationTemplates,
} from '@shared/expressions/evaluation-templates';
import { asI18nMessage } from './i18n-template';

type EvaluationCode = keyof typeof evaluationTemplates;

/**
 * 식을 평가하다 실패했을 때의 한국어 문구(미리 보기, 프로비저닝 로그). `{problem}`은 `problemCode`로
 * 넘어온 문구를 같은 언어로 먼저 말한 것입니다. `{name}`만 매개변수이고 나머지 중괄호 등은 그대로
 * 보이도록 asI18nMessage로 바꿉니다(ko-expression-messages.ts에 합쳐집니다).
 */
const texts: Record<EvaluationCode, string> = {
  evalInFunction: '{functionName}: {problem}',
  evalInArgument: '{functionName}의 인수 {position}: {problem}',
  evalInNamedArgument: '{functionName}의 인수 {position}({parameter}): {problem}',
  evalInComparison: '비교 "{operator}": {problem}',
  evalMultiValued:
    '값 하나가 필요한 곳에 여러 값({count}개)이 있습니다. 값 하나를 쓰려면 Item([x], n)이나 Join(separator, [x])로 감싸세요.',
  evalRoleValue: '{kind}이(가) 있습니다. 이 값은 앱 역할 함수만 쓸 수 있습니다.',
  evalKindRoleList: '앱 역할 목록',
  evalKindRoleObjects: '역할 개체 목록',
  evalNotAnInteger: '"{value}"은(는) 정수가 아닙니다(숫자와 앞에 붙는 "-"만, 64비트 이내).',
  evalDateNotInteger: '정수가 필요한 곳에 날짜가 있습니다.',
  evalIntegerNotDate: '정수 {value}은(는) 날짜가 아닙니다. FILETIME 숫자는 DateFromNum으로 바꾸세요.',
  evalNotADate:
    '"{value}"은(는) 날짜가 아닙니다(2021-08-24, 2009-06-15T01:45:30-07:00, 8/25/2021 5:41:18 PM 같은 형식이어야 합니다).',
  evalNotBoolean: '"{value}"은(는) "True"도 "False"도 정수도 아닙니다.',
  evalAttribute: '[{attribute}]: {problem}.',
  evalRolesNotAList: '역할 개체 목록이어야 합니다',
  evalRolesBadEntry: '"value"가 있는 역할 개체가 아닌 항목이 있습니다',
  evalUnsupportedEntry: '지원하지 않는 형식({type})의 목록 항목이 있습니다',
  evalUnsupportedValue: '지원하지 않는 형식({type})의 값입니다',
  evalNotAValue: '"{name}"은(는) 값이 아닙니다.',
  evalNeedsArgument: '{name}에는 인수가 필요합니다.',
  evalAllTaken: 'SelectUniqueValue: 후보 값 {count}개가 모두 이미 쓰이고 있습니다.',
  evalProbeFailed: 'SelectUniqueValue: 후보를 대상에서 확인하지 못했습니다: {error}',
  evalProbeAsync:
    'SelectUniqueValue: 고유성 확인이 비동기입니다. evaluateExpressionSync 대신 evaluateExpression을 쓰세요.',
  evalNoRandomSource: '암호학적으로 안전한 난수 원본이 없습니다.',
  evalTooFewRandomBytes: '난수 원본이 바이트를 너무 적게 돌려주었습니다.',
  evalUnexpected: '평가가 예기치 않게 실패했습니다: {error}',
  evalNoSuchGroup: '패턴에 이름이 "{group}"인 그룹이 없습니다.',
  evalReplaceMode: '이렇게 채운 인수 조합은 지원하지 않습니다. 다음 중 하나로 채우세요: {help}.',
  evalOldValueEmpty: 'oldValue는 비어 있으면 안 됩니다.',
  evalRolesOnly: '앱 역할은 앱 역할 함수만 쓸 수 있습니다.',
  evalDelimiterEmpty: '구분 기호는 비어 있으면 안 됩니다.',
  evalUnknownCulture: '"{value}"은(는) 알 수 없는 문화권 이름입니다("tr-TR" 같은 태그를 쓰세요).',
  evalStartAtLeastOne: 'start는 1 이상이어야 합니다(받은 값: {value}).',
  evalLengthNegative: 'length는 음수일 수 없습니다(받은 값: {value}).',
  evalCompareType:
    'compareType은 vbBinaryCompare, vbTextCompare, 0, 1 중 하나여야 합니다(받은 값: "{value}").',
  evalRoleArgument: '인수는 [appRoleAssignments]여야 합니다.',
  evalCountNegative: '{argument}은(는) 음수일 수 없습니다(받은 값: {value}).',
  evalCountTooLarge: '{argument}은(는) 256 이하여야 합니다(받은 값: {value}).',
  evalRandomLength: 'Length는 1에서 256 사이여야 합니다(받은 값: {value}).',
  evalRandomSum: 'Length {length}이(가) 최솟값의 합({sum})보다 작습니다.',
  evalAvoidClass: 'CharactersToAvoid가 {characterClass}을(를) 모두 빼는데, 최소 {min}개가 필요합니다.',
  evalClassDigits: '숫자',
  evalClassSpecial: '특수 문자',
  evalClassCapitals: '대문자',
  evalClassLower: '소문자',
  evalAvoidAll: 'CharactersToAvoid가 모든 문자를 뺍니다.',
  evalSingleRole:
    'SingleAppRoleAssignment: 개체에 역할이 {count}개 있어 가장 작은 값인 "{value}"을(를) 썼습니다.',
  evalNotAnInterval: '"{value}"은(는) 간격이 아닙니다. 다음을 쓰세요: {help}.',
  evalDateOutOfRange: '결과가 1년에서 9999년 범위를 벗어납니다.',
  evalNotAFiletime: '{value}은(는) 1601년부터 9999년 말 사이의 FILETIME이 아닙니다.',
  evalBefore1601: '날짜가 FILETIME이 시작하는 1601-01-01보다 앞섭니다.',
  evalUnknownStyles: '알 수 없는 DateTimeStyles 이름: {names}.',
  evalInputFormat: '값이 입력 형식과 맞지 않습니다: {reason}.',
  dateExpectedField: '"{input}"의 {at}번째 위치에 {field}이(가) 와야 합니다',
  dateExpectedCharacter: '"{input}"의 {at}번째 위치에 "{character}"이(가) 와야 합니다',
  dateUnexpected: '"{input}"의 {at}번째 위치에 예상하지 못한 "{rest}"이(가) 있습니다',
  dateInvalid: '"{input}"에서 {why}',
  dateFieldYear: '연도',
  dateFieldMonth: '월',
  dateFieldDay: '일',
  dateFieldHour12: '시(1-12)',
  dateFieldHour24: '시(0-23)',
  dateFieldMinutes: '분',
  dateFieldSeconds: '초',
  dateFieldFraction: '소수 자릿수',
  dateFieldAmPm: 'AM 또는 PM',
  dateFieldOffset: 'UTC 오프셋',
  dateFieldZone: '표준 시간대',
  dateNoAmPm: '형식이 AM/PM 필드(tt) 없이 12시간제(h)를 읽습니다',
  dateHourRange: '시가 범위를 벗어납니다',
  dateAmHourAbove12: 'AM 시가 12보다 큽니다',
  date12HourAbove12: '12시간제 시가 12보다 큽니다',
  dateNotCalendar: '{year}-{month}-{day}은(는) 달력에 있는 날짜가 아닙니다',
  dateTimeRange: '시각이 범위를 벗어납니다',
  dateDayName: '요일 이름이 날짜와 맞지 않습니다',
  dateOutsideYears: '날짜가 1년에서 9999년 범위를 벗어납니다',
};

const parameters = new Set<string>(evaluationMessageParameters);

export const koEvaluationMessages = Object.fromEntries(
  Object.entries(texts).map(([code, text]) => [code, asI18nMessage(text, parameters)]),
) as Record<EvaluationCode, string>;
