import type { enExpressions } from './en-expressions';
import { koScopingSummary } from './ko-scoping-summary';

/** 식 편집기와 플레이그라운드의 한국어 메시지 (ko.ts에 `expressions`로 합쳐집니다). */
export const koExpressions: typeof enExpressions = {
  playgroundTitle: '식 플레이그라운드',
  playgroundLink: '예제 개체로 특성 매핑 식을 시험해 봅니다',
  playgroundOpen: '플레이그라운드 열기',
  editor: {
    label: '식',
    placeholder: '예: Join(" ", [givenName], [surname])',
    location: '{line}줄 {column}열',
    suggestions: '추천 항목',
    completionHint: '↑↓ 선택 · Enter 또는 Tab 삽입 · Esc 닫기',
    kinds: {
      function: '함수',
      attribute: '특성',
      enum: '상수',
    },
  },
  preview: {
    title: '결과',
    updating: '갱신 중…',
    empty: '식을 입력하면 결과가 표시됩니다.',
    noSample: '올바른 예제 개체를 입력하면 결과가 표시됩니다.',
    invalid: '위의 오류를 고치면 결과가 표시됩니다.',
    dropped: '제외됨 (IgnoreFlowIfNullOrEmpty)',
    droppedNote:
      '값이 전달되지 않습니다. 생성 시에는 특성이 빠지고, 업데이트 시에는 대상 값이 그대로 유지됩니다.',
    error: '평가하지 못했습니다.',
  },
  playground: {
    subtitle:
      '식을 입력하면 입력하는 동안 색으로 구분되고 검사되며, 예제 원본 개체에 대한 결과가 표시됩니다. 여기에서는 아무것도 저장되지 않습니다.',
    backToSettings: '설정',
    expression: '식',
    examples: '예제',
    exampleNames: {
      displayName: '표시 이름',
      mailNickname: 'UPN에서 메일 별칭 만들기',
      uniqueMail: '고유한 이메일 주소',
      phone: '전화번호 숫자만',
      timeZone: '주(州)별 표준 시간대',
      region: '국내 또는 해외',
      split: '목록 나누기',
      ignoreFlow: '값이 있을 때만',
    },
    sample: '예제 원본 개체',
    sampleLabel: '원본 개체 (JSON)',
    sampleHelp: '"["를 입력하면 이 개체의 특성 이름이 추천됩니다.',
    sampleReset: '초기화',
    jsonSyntax: '올바른 JSON이 아닙니다: {line}줄 {column}열에 예상하지 못한 {found}이(가) 있습니다.',
    jsonEnd: '올바른 JSON이 아닙니다: {line}줄 {column}열에서 너무 일찍 끝납니다. 괄호나 따옴표가 빠졌나요?',
    notAnObject: '특성 이름을 키로 하는 JSON 개체 하나를 입력하세요.',
    targetExisting: '대상에 이미 있는 값',
    targetExistingHelp:
      '한 줄에 하나씩 입력합니다. SelectUniqueValue는 대소문자를 구분하지 않고 이 후보를 건너뜁니다.',
  },
  scoping: {
    title: '범위 필터 테스트',
    subtitle: '예제 개체가 범위에 포함되나요? 필터 안의 절은 AND로, 필터끼리는 OR로 결합됩니다.',
    filtersLabel: '범위 필터 (JSON)',
    inScope: '범위 안',
    outOfScope: '범위 밖',
    deciding: '결정한 절',
    invalid: '이 필터는 사용할 수 없습니다',
    needSample: '필터를 시험하려면 예제 개체를 먼저 고치세요.',
    warnings: '경고',
    clauseWarning: '{condition}: 이 조건은 거짓으로 처리됩니다({reason}).',
    /** The explanation's one sentence, from the same templates as the log's (explain-messages.ts). */
    sentence: koScopingSummary,
  },
};
