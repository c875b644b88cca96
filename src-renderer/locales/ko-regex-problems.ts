import type { enRegexProblems } from './en-regex-problems';

/** 정규식 문제 코드의 한국어 문구 (ko.ts에 `regexProblems`로 합쳐집니다). */
export const koRegexProblems: typeof enRegexProblems = {
  unmatchedClose: '패턴의 {position}번째 위치에 짝이 없는 ")"가 있습니다.',
  nothingToRepeat: '패턴의 {position}번째 위치에 있는 "{token}" 앞에 반복할 대상이 없습니다.',
  repeatOutOfOrder: '패턴의 반복 "{repetition}"에서 숫자의 순서가 잘못되었습니다.',
  repeatTooLarge:
    '패턴의 반복 "{repetition}"이(가) 선형 시간 엔진이 허용하는 최대 횟수 {limit}을(를) 넘습니다.',
  unclosedGroup: '패턴에 짝이 되는 ")"가 없는 "("가 있습니다.',
  possessive: '패턴의 {position}번째 위치에 소유 수량자가 있습니다(.NET/Java 구문).',
  lookahead:
    '패턴의 {position}번째 위치에 전방 탐색 "{construct}"이(가) 있습니다. 선형 시간 엔진은 전후방 탐색을 지원하지 않습니다.',
  lookbehind:
    '패턴의 {position}번째 위치에 후방 탐색 "{construct}"이(가) 있습니다. 선형 시간 엔진은 전후방 탐색을 지원하지 않습니다.',
  badGroupName:
    '패턴의 {position}번째 위치에 잘못된 그룹 이름이 있습니다. 문자, 숫자, _로 (?<name>…) 형식으로 쓰세요.',
  quotedGroupName:
    '패턴의 {position}번째 위치에 .NET 형식의 "(?\'name\'…)" 그룹이 있습니다. 대신 (?<name>…)로 쓰세요.',
  atomicGroup: '패턴의 {position}번째 위치에 원자 그룹 "(?>"가 있습니다(.NET 구문).',
  inlineComment: '패턴의 {position}번째 위치에 "(?#…)" 주석이 있습니다(.NET 구문).',
  conditional: '패턴의 {position}번째 위치에 조건식 "(?("가 있습니다(.NET 구문).',
  recursion: '패턴의 {position}번째 위치에 역참조 또는 재귀 "{construct}"이(가) 있습니다.',
  inlineOption:
    '패턴의 {position}번째 위치에 인라인 옵션 그룹이 있습니다. 맨 앞의 "(?i)"만 지원합니다(패턴 전체에서 대소문자를 구분하지 않음).',
  unsupportedGroup: '패턴의 {position}번째 위치에 지원하지 않는 그룹 구문 "{construct}"이(가) 있습니다.',
  loneBackslash: '패턴이 홀로 남은 백슬래시로 끝납니다.',
  anchorG: '패턴의 {position}번째 위치에 "\\G"가 있습니다(엔진에 없는 .NET 앵커).',
  namedBackreference:
    '패턴의 {position}번째 위치에 이름 있는 역참조 "\\k"가 있습니다. 선형 시간 엔진은 역참조를 지원하지 않습니다.',
  backreference:
    '패턴의 {position}번째 위치에 역참조 "{construct}"이(가) 있습니다. 선형 시간 엔진은 역참조를 지원하지 않습니다.',
  unicodeBlock:
    "패턴의 {position}번째 위치에 유니코드 블록 \"{construct}\"이(가) 있습니다. 대신 \\p{'{'}Greek{'}'} 같은 스크립트를 쓰세요.",
  unclosedClass: '패턴의 {position}번째 위치에 닫는 "]"가 없는 "["가 있습니다.',
  classRangeOrder: '패턴의 {position}번째 위치에 있는 문자 범위의 순서가 잘못되었습니다.',
  octalInClass:
    "패턴의 {position}번째 위치, 문자 클래스 안에 \"{construct}\"(8진 이스케이프)가 있습니다. 대신 \\x{'{'}…{'}'}로 쓰세요.",
  tooLarge: '패턴이 너무 큽니다(명령 {size}개, 한도 {limit}개). 반복 횟수를 줄이세요.',
  invalid: '올바른 패턴이 아닙니다: {detail}.',
  noSuchGroup: '패턴에 "{group}"(이)라는 그룹이 없습니다(이름 있는 그룹: {names}).',
  noNamedGroups: '패턴에 "{group}"(이)라는 그룹이 없습니다(이름 있는 그룹이 없음).',
};
