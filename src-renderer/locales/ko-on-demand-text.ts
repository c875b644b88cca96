import type { enOnDemandText } from './en-on-demand-text';

/** 요청 시 프로비저닝 단계의 한국어 문장 (ko.ts에 `onDemandText`로 합쳐집니다). */
export const koOnDemandText: typeof enOnDemandText = {
  import: '{source}에서 {name}({anchor})을(를) 읽었습니다: 속성 {count}개',
  importSkipped: '{source}에서 {name}을(를) 읽었지만 일치 속성이 모두 비어 있습니다',
  connectionFailed: '{target} 연결 테스트 실패: {summary}',
};
