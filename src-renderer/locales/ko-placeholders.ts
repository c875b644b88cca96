import type { enPlaceholders } from './en-placeholders';

/** 다른 안내가 없는 필드의 자리 표시자 (ko.ts에 `placeholders`로 합쳐집니다). */
export const koPlaceholders: typeof enPlaceholders = {
  action: '모든 작업',
  matchingPrecedence: '예: 1',
  applyWhen: '매핑을 적용할 때를 고르세요',
  attributeType: '유형을 고르세요',
  referencedObject: '가리키는 개체를 고르세요',
  maxConcurrentJobs: '예: 2',
  job: '작업을 고르세요',
  period: '기간을 고르세요',
  rangeStart: '시작',
  rangeEnd: '끝',
  language: '언어를 고르세요',
  folder: '아직 알 수 없음',
  retentionDays: '예: 30 (0이면 모두 보관)',
  smtpPort: '예: 587',
  emailLanguage: '이메일 언어를 고르세요',
};
