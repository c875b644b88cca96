import type { enConfigProblems } from './en-config-problems';

/** 작업 구성 문제 코드의 한국어 문구 (ko.ts에 `configProblems`로 합쳐집니다). */
export const koConfigProblems: typeof enConfigProblems = {
  usersMappingMissing: '작업에는 사용자(Users) 개체 매핑이 필요합니다.',
  mappedTwice: '{attribute}이(가) 두 번 매핑되어 있습니다.',
  notInTargetSchema: '{attribute}은(는) {objectType}의 대상 스키마에 없습니다.',
  primaryKeyTarget: '대상의 기본 키(id)는 매핑 대상이 될 수 없습니다.',
  expressionError: '{attribute}, {line}행 {column}열: {text}',
  chooseSource: '{attribute}: 원본 속성을 선택하세요.',
  noSuchConnection: '“{name}”(이)라는 연결이 없습니다.',
  noSuchConnectionGuess: '“{name}”(이)라는 연결이 없습니다. “{guess}”을(를) 말씀하신 건가요?',
  wrongConnectionKind: '{kind} 연결은 {role}이(가) 될 수 없습니다.',
  targetCannotDisable:
    '대상이 계정을 비활성화할 수 없습니다. 퇴사자를 삭제하도록 설정하거나, 연결에서 비활성화 방법을 설정하세요.',
  nameTaken: '“{name}”(이)라는 작업이 이미 있습니다. 다른 이름을 고르세요.',
  scopingFilter: '{text}',
  roles: {
    source: '원본',
    target: '대상',
  },
};
