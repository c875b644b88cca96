import {
  syntaxMessageParameters,
  type syntaxPhraseTemplates,
  type syntaxTemplates,
} from '@shared/expressions/syntax-messages';
import { asI18nMessage } from './i18n-template';

type SyntaxCode = keyof typeof syntaxTemplates | keyof typeof syntaxPhraseTemplates;

/**
 * 식의 구문 메시지(어휘 분석기·구문 분석기·날짜 형식)의 한국어 문구. `{name}`만 매개변수이고
 * 나머지 중괄호 등은 그대로 보이도록 asI18nMessage로 바꿉니다(ko-expression-messages.ts에 합쳐집니다).
 */
const texts: Record<SyntaxCode, string> = {
  doubleEquals: '"=="는 연산자가 아닙니다. 비교하려면 "="를 하나만 쓰세요.',
  bangEquals: '"!="는 연산자가 아닙니다. “같지 않음”은 "<>"로 쓰세요.',
  loneMinus: '"-" 바로 뒤에는 숫자가 와야 합니다(음수). 이 언어에는 산술 연산이 없습니다.',
  unexpectedCharacter: '예상하지 못한 문자 {character}입니다.',
  unexpectedCharacters: '예상하지 못한 문자 {character}입니다(그 밖에도 예상하지 못한 문자 {more}개).',
  unexpectedConfusable: '예상하지 못한 {character}: {hint}.',
  unexpectedConfusables: '예상하지 못한 {character}(그 밖에도 예상하지 못한 문자 {more}개): {hint}.',
  unterminatedAttribute: '이 특성 참조에 닫는 "]"가 없습니다.',
  emptyAttribute: '특성 참조의 대괄호 안에 이름이 있어야 합니다. 예: [displayName].',
  backslashKept: '"\\{escape}"는 백슬래시가 그대로 남습니다. 그럴 의도라면 "\\\\{escape}"로 분명히 쓰세요.',
  backslashKeptMore:
    '"\\{escape}"는 백슬래시가 그대로 남습니다. 그럴 의도라면 "\\\\{escape}"로 분명히 쓰세요(이 문자열에 {more}개 더 있습니다).',
  unterminatedString: '이 문자열에 닫는 큰따옴표가 없습니다(문자열 안의 따옴표는 \\"로 쓰세요).',
  notAnInteger: '"{text}"은(는) 정수가 아닙니다. 이 언어에는 소수나 지수 표기가 없습니다.',
  integerOutOfRange: '{text}은(는) 부호 있는 64비트 정수의 범위({min}~{max})를 벗어납니다.',
  hexWithoutDigits: '"&H" 뒤에는 16진수 숫자가 와야 합니다. 예: &HF7.',
  hexTooWide: '&H{digits}은(는) 64비트를 넘습니다.',
  emptyExpression: '식이 비어 있습니다.',
  comparisonAtRoot:
    '비교는 식 전체가 될 수 없습니다. CBool(a {operator} b)나 IIF(a {operator} b, "yes", "no")처럼 감싸세요.',
  unexpectedAfterEnd: '식이 끝난 뒤에 예상하지 못한 {found}이(가) 있습니다.',
  valueExpectedAtEnd: '값(함수 호출, [특성], "문자열" 또는 숫자)이 와야 하는데 식이 끝났습니다.',
  valueExpected: '값(함수 호출, [특성], "문자열" 또는 숫자)이 와야 하는데 {found}이(가) 있습니다.',
  parenthesesGroup: '괄호로 값을 묶을 수 없습니다. 괄호는 함수 이름 바로 뒤에만 씁니다.',
  tooDeep: '함수 호출이 {limit}단계보다 깊게 중첩되어 있습니다.',
  callNotClosed: '{line}행 {column}열에서 연 {name}( 호출에 닫는 ")"가 없습니다.',
  separatorExpected: '{name} 호출에서 "," 또는 ")"가 와야 하는데 {found}이(가) 있습니다.',
  chainedComparison:
    '비교는 이어 쓸 수 없습니다. 인수 하나에서는 두 값만 비교하고, 더 필요하면 IIF 호출을 중첩하세요.',
  dateFormatProblem: 'FormatDateTime: {problem}',
  tokenSymbol: '"{token}"',
  tokenString: '문자열 {token}',
  tokenAttribute: '특성 {token}',
  tokenNumber: '숫자 {token}',
  hintCurlyQuote: '둥근 따옴표입니다. 문자열에는 곧은 큰따옴표(")를 쓰세요',
  hintGuillemet: '겹화살괄호입니다. 문자열에는 곧은 큰따옴표(")를 쓰세요',
  hintSingleQuote: '작은따옴표입니다. 문자열에는 큰따옴표(")를 쓰세요',
  hintCurlySingleQuote: '둥근 작은따옴표입니다. 문자열에는 곧은 큰따옴표(")를 쓰세요',
  hintNoBreakSpace: '줄 바꿈 없는 공백입니다. 일반 공백을 쓰세요',
  hintZeroWidthSpace: '폭이 없는 공백입니다. 지우세요',
  hintByteOrderMark: '바이트 순서 표시(BOM)입니다. 지우세요',
  hintEnDash: '엔 대시입니다. 음수에는 ASCII 하이픈(-)을 쓰세요',
  hintEmDash: '엠 대시입니다. 음수에는 ASCII 하이픈(-)을 쓰세요',
  hintPlus: '"+"입니다. 산술 연산이나 + 연결은 없으니 Append(a, b) 또는 Join("", a, b)를 쓰세요',
  hintAmpersand:
    '"&"입니다. & 연결은 없으니 Append(a, b) 또는 Join("", a, b)를 쓰세요(16진수는 &H1F처럼 씁니다)',
  hintOpenBrace: '"{"입니다. 이 언어에는 중괄호가 없습니다',
  hintCloseBrace: '"}"입니다. 이 언어에는 중괄호가 없습니다',
  hintCloseBracket: '짝이 되는 "["가 없는 "]"입니다',
  hintUnderscore: '밑줄입니다. 함수 이름에는 영문자와 숫자만 쓸 수 있습니다',
  dateFormatEmpty: '날짜 형식이 비어 있습니다.',
  dateFormatSingleLetter:
    '"{format}"은(는) 한 글자로 된 .NET 표준 형식인데, Roster는 이 중 "o", "s", "u"만 지원합니다. "yyyy-MM-dd" 같은 사용자 지정 형식을 쓰세요(그 필드 하나만 원하면 "%{format}").',
  dateFormatOpenQuote: '날짜 형식에 여는 {quote}는 있지만 닫는 {quote}가 없습니다.',
  dateFormatLoneBackslash: '날짜 형식이 백슬래시 하나로 끝납니다.',
  dateFormatLonePercent: '날짜 형식의 "%" 뒤에는 형식 문자 하나가 와야 합니다.',
  dateFormatFractionDigits: '"{field}"은(는) 소수 자릿수를 7자리보다 많이 요구합니다.',
};

const parameters = new Set<string>(syntaxMessageParameters);

export const koSyntaxMessages = Object.fromEntries(
  Object.entries(texts).map(([code, text]) => [code, asI18nMessage(text, parameters)]),
) as Record<SyntaxCode, string>;
