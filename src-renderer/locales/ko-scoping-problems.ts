import type { enScopingProblems } from './en-scoping-problems';

/** 범위 지정 필터 문제 코드의 한국어 문구 (ko.ts에 `scopingProblems`로 합쳐집니다). */
export const koScopingProblems: typeof enScopingProblems = {
  invalidShape: '{path}: {detail}.',
  invalidShapeRoot: '필터 집합: {detail}.',
  emptyFilter: '필터 {filter}에 조건이 없습니다. 조건을 추가하거나 필터를 삭제하세요.',
  emptyFilterTitled: '필터 {filter} “{title}”에 조건이 없습니다. 조건을 추가하거나 필터를 삭제하세요.',
  emptyAttribute: '필터 {filter}, 조건 {clause}: 특성을 고르세요.',
  unknownOperator:
    '필터 {filter}, 조건 {clause}: “{operator}”은(는) 연산자가 아닙니다. 다음 중 하나를 쓰세요: {operators}.',
  unknownOperatorGuess:
    '필터 {filter}, 조건 {clause}: “{operator}”은(는) 연산자가 아닙니다. “{guess}”을(를) 말씀하신 건가요?',
  unexpectedValue:
    '필터 {filter}, 조건 {clause}: {operator}에는 값이 없어야 합니다. “{value}”을(를) 지우세요.',
  missingValue: '필터 {filter}, 조건 {clause}: {operator}에는 값이 필요합니다.',
  notAnInteger:
    '필터 {filter}, 조건 {clause}: {operator}은(는) 정수를 비교하는데 “{value}”은(는) 정수가 아닙니다(숫자와 맨 앞의 선택적 “-”).',
  zeroMask:
    '필터 {filter}, 조건 {clause}: {operator}에는 0이 아닌 비트 마스크가 필요합니다(예: “계정 사용 안 함”은 2).',
  invalidRegex: '필터 {filter}, 조건 {clause}: {detail}',
  neverFilteredMembers:
    '필터 {filter}, 조건 {clause}: 그룹 구성원 특성은 필터링할 수 없습니다. 그룹은 할당으로 범위를 정하세요.',
  neverFilteredAppRoleAssignments:
    '필터 {filter}, 조건 {clause}: appRoleAssignments는 필터링할 수 없습니다. 할당으로 범위를 정하세요.',
  neverFilteredIsSoftDeleted:
    '필터 {filter}, 조건 {clause}: IsSoftDeleted는 범위 자체에서 만들어지므로 필터링할 수 없습니다.',
  unknownAttribute: '필터 {filter}, 조건 {clause}: 원본에 “{attribute}” 특성이 없습니다.',
  unknownAttributeGuess:
    '필터 {filter}, 조건 {clause}: 원본에 “{attribute}” 특성이 없습니다. “{guess}”을(를) 말씀하신 건가요?',
  multiValued:
    '필터 {filter}, 조건 {clause}: {attribute}은(는) 다중 값 특성이며, 다중 값 특성은 필터링할 수 없습니다.',
  referenceType: '필터 {filter}, 조건 {clause}: {attribute}: 참조 특성(예: manager)은 필터링할 수 없습니다.',
  dateTimeType:
    '필터 {filter}, 조건 {clause}: {attribute}: 날짜 특성은 필터링할 수 없습니다. String 특성에 담긴 날짜는 REGEX MATCH로 검사할 수 있습니다.',
  binaryType: '필터 {filter}, 조건 {clause}: {attribute}: 이진 특성은 필터링할 수 없습니다.',
  operatorTypeMismatch:
    '필터 {filter}, 조건 {clause}: {operator}은(는) {type} 특성인 {attribute}에 쓸 수 없습니다. {types} 특성에 쓰는 연산자입니다.',
};
