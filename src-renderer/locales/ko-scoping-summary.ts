import type { enScopingSummary } from './en-scoping-summary';

/** 범위 지정 설명 문장의 한국어 조각 (ko-expressions.ts에 `expressions.scoping.sentence`로 합쳐집니다). */
export const koScopingSummary: typeof enScopingSummary = {
  noFilters: '범위 안: 범위 지정 필터가 없습니다.',
  passed: '범위 안: {filter}의 조건이 모두 참이라 통과했습니다. {clauses}.',
  failed: '범위 밖: {reasons}.',
  filter: '필터 {n}',
  filterTitled: '필터 {n} “{title}”',
  filterFailed: '{filter}에서 {clause}',
  filterWithoutClauses: '{filter}에는 조건이 없습니다',
  clause: '{condition} 조건이 {result}(실제 값: {actual})',
  clauseBecause: '{condition} 조건이 {result}(실제 값: {actual}, {reason})',
  condition: '{attribute} {operator}',
  conditionWithValue: '{attribute} {operator} "{value}"',
  resultTrue: '참',
  resultFalse: '거짓',
  absent: '없음',
  clauseSeparator: ', ',
  reasonSeparator: '; ',
};
